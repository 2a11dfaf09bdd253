"""Productivity & collaboration families: action items, a messy downloads folder, contact lists, duplicate
files, travel expense claims."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import shlex
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import yaml

from .. import vocab
from ..build import VerificationBuilder
from ..datasets import parse_csv, to_csv
from ..model import TaskPlan, Workspace
from ..writer import dump_yaml
from .base import Family, GenContext, difficulty_for

_re = re.escape


def _monday(rng) -> dt.date:
    d = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(14, 330))
    return d - dt.timedelta(days=d.weekday())


# ------------------------------------------------------------------ meeting action items

class MeetingActions(Family):
    name = "meeting-actions"
    domain = "productivity"
    intents = ("knowledge-management", "report-generation", "scheduling")
    skills = ("markdown-task-extract", "csv-filter-rows", "yaml-read")
    optional_skills = ()
    summary = "Collect the open action items of one week's meeting notes (three note styles) into a sorted CSV, resolving owners."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        monday = _monday(rng)
        folder = rng.choice(("meetings", "notes", "docs/meetings"))
        out = rng.choice(("actions/open-actions.csv", f"actions/week-{monday.isocalendar()[1]:02d}.csv", "tracker/open.csv"))
        cols = rng.choice((("owner", "action", "due", "source"), ("assignee", "task", "due_date", "meeting"),
                           ("who", "what", "deadline", "note")))
        team = rng.choice(("team.yaml", "people.yaml", "config/team.yaml"))
        friday = monday + dt.timedelta(days=4)
        text = (f"Collect every open action item from the meeting notes in `{folder}/` dated {monday.isoformat()} to "
                f"{friday.isoformat()} (the date starts each note's file name) into `{out}` with exactly the columns "
                f"`{','.join(cols)}`.\n\n"
                f"- `{cols[0]}`: the owner's full name (notes sometimes use @handles; `{team}` maps them);\n"
                f"- `{cols[1]}`: the action text as written, without owner, date or checkbox;\n"
                f"- `{cols[2]}`: the due date as YYYY-MM-DD;\n- `{cols[3]}`: the note's file name.\n\n"
                f"Done items are not open. Sort by `{cols[2]}`, then `{cols[0]}`.\n")
        n_notes, template = rng.randint(2, 4), rng.random() < 0.6
        return TaskPlan(title=f"Open action items, week of {monday.isoformat()}", domain=self.domain,
                        difficulty=difficulty_for(n_notes - 1 + template), capabilities=("cross-file", "fine-grained", "file-state", "long-range"),
                        instruction=text, intent=rng.choice(self.intents), expected_artifacts=(out,),
                        params={"monday": monday, "folder": folder, "out": out, "cols": cols, "team": team,
                                "n_notes": n_notes, "template": template})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        people = vocab.people(rng, rng.randint(4, 6))
        handles = {vocab.handle(n): n for n in people}
        actions = [f"{v} {o}" for v in vocab.VERBS for o in vocab.OBJECTS]
        rng.shuffle(actions)
        meetings = rng.sample(("standup", "planning", "retro", "client-sync", "ops-review", "budget", "design-crit",
                               "all-hands", "vendor-call"), p["n_notes"] + 1)
        files = {p["team"]: dump_yaml({"team": [{"handle": h, "name": n} for h, n in handles.items()]})}
        days = sorted(rng.sample(range(5), p["n_notes"]))
        notes = [(p["monday"] + dt.timedelta(days=d), m) for d, m in zip(days, meetings)]
        notes.append((p["monday"] - dt.timedelta(days=rng.randint(3, 6)), meetings[-1]))   # last week's: out of range
        for date, meeting in notes:
            style = rng.choice(("checkbox", "todo", "table"))
            lines = [f"# {meeting.replace('-', ' ').title()} - {date.isoformat()}", "",
                     f"Present: {', '.join(rng.sample(people, 3))}", "", "## Notes", "",
                     f"- {rng.choice(vocab.OBJECTS).capitalize()} discussed; no decision yet.", "", "## Actions", ""]
            if style == "table":
                lines += ["| action | owner | due | status |", "| --- | --- | --- | --- |"]
            for j in range(rng.randint(2, 5)):
                who = rng.choice(people)
                due = date + dt.timedelta(days=rng.randint(1, 20))
                done = rng.random() < 0.25 and not (date == notes[0][0] and j < 2)   # at least two open items
                what = actions.pop()
                if style == "checkbox":
                    lines.append(f"- [{'x' if done else ' '}] @{vocab.handle(who)} {what} (due {due.isoformat()})")
                elif style == "todo":
                    lines.append(f"* {'DONE' if done else 'TODO'} {who}: {what} - due {due.isoformat()}")
                else:
                    lines.append(f"| {what} | {who} | {due.isoformat()} | {'done' if done else 'open'} |")
            files[f"{p['folder']}/{date.isoformat()}-{meeting}.md"] = "\n".join(lines) + "\n"
        if p["template"]:
            files[f"{p['folder']}/_template.md"] = ("# <Meeting> - YYYY-MM-DD\n\n## Actions\n\n"
                                                    "- [ ] @handle action text (due YYYY-MM-DD)\n")
        return Workspace(files=files, traps=("done-items", "out-of-range-note", "handles")
                         + (("template-file",) if p["template"] else ()))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        team = {m["handle"]: m["name"] for m in yaml.safe_load(ws.files[p["team"]])["team"]}
        lo, hi = p["monday"].isoformat(), (p["monday"] + dt.timedelta(days=4)).isoformat()
        rows, done_rows, stale_rows = [], [], []
        for path, text in ws.files.items():
            name = path.rsplit("/", 1)[-1]
            m = re.match(r"^(\d{4}-\d{2}-\d{2})-", name)
            if not path.startswith(p["folder"] + "/") or not m:
                continue
            for line in text.splitlines():
                item = (re.match(r"^- \[( |x)\] @(\w+) (.+) \(due (\S+)\)$", line)
                        or re.match(r"^\* (TODO|DONE) ([^:]+): (.+) - due (\S+)$", line)
                        or re.match(r"^\| ([^|]+) \| ([^|]+) \| (\d{4}-\d{2}-\d{2}) \| (open|done) \|$", line))
                if not item:
                    continue
                g = item.groups()
                if line.startswith("|"):
                    what, who, due, done = g[0], g[1], g[2], g[3] == "done"
                else:
                    done = g[0] in ("x", "DONE")
                    who, what, due = team.get(g[1], g[1]), g[2], g[3]
                row = [who, what, due, name]
                (done_rows if done else stale_rows if not lo <= m.group(1) <= hi else rows).append(row)
        rows.sort(key=lambda r: (r[2], r[0]))
        if len(rows) < 2:
            raise ValueError("fewer than two open items in the drawn notes")
        cols, out = list(p["cols"]), p["out"]
        b = VerificationBuilder()
        b.write(out, to_csv(cols, rows))
        b.check("columns", "csv_columns", "Exactly the requested columns.", path=out, columns=cols, exact=True)
        b.check("count", "csv_value", f"{len(rows)} open items in the week.", path=out, column=cols[1],
                aggregate="count", equals=len(rows), weight=2)
        for r in rows[:: max(1, len(rows) // 4)][:4]:
            b.check(f"owner-{vocab.slug(r[1])[:40]}", "csv_value", f"'{r[1]}' belongs to {r[0]}.", path=out,
                    column=cols[0], where={cols[1]: r[1]}, equals=r[0])
            b.check(f"due-{vocab.slug(r[1])[:40]}", "csv_value", f"'{r[1]}' is due {r[2]}.", path=out,
                    column=cols[2], where={cols[1]: r[1]}, equals=r[2])
        b.check("sorted", "regex", "Rows are sorted by due date, then owner.", path=p["out"],
                pattern=r"\A[^\n]*\n" + "".join(rf"{_re(r[0])},.*,{_re(r[2])},.*\n" for r in rows) + r"\Z",
                multiline=False)
        if done_rows:
            b.mutant("done-included", "a done item was included").write(out, to_csv(cols, sorted(rows + done_rows[:1], key=lambda r: (r[2], r[0]))))
        if stale_rows:
            b.mutant("last-week-included", "last week's note was included").write(out, to_csv(cols, sorted(rows + stale_rows[:1], key=lambda r: (r[2], r[0]))))
        handle_of = {v: k for k, v in team.items()}
        b.mutant("handles-not-resolved", "owners left as @handles").write(
            out, to_csv(cols, [["@" + handle_of.get(r[0], r[0])] + r[1:] for r in rows]))
        b.mutant("unsorted", "rows in note order, not sorted").write(out, to_csv(cols, rows[::-1]))
        return b.build()


# ------------------------------------------------------------------ downloads organise

KIND_FOLDERS = {".csv": "data", ".json": "data", ".md": "documents", ".txt": "documents", ".ics": "calendar",
                ".yaml": "config", ".log": "logs"}


class DownloadsOrganise(Family):
    name = "downloads-organise"
    domain = "productivity"
    intents = ("file-organisation",)
    skills = ("file-organise",)
    optional_skills = ("file-dedupe-hash",)
    summary = "Sort a messy downloads folder by rules (first match wins), dropping identical '(1)' copies and keeping look-alikes that differ."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        src = rng.choice(("downloads", "Downloads", "inbox"))
        rules = rng.choice(("organise.yaml", "rules.yaml", f"{src}/.rules.yaml"))
        dedupe = ctx.uses("file-dedupe-hash") or rng.random() < 0.5
        text = (f"Tidy `{src}/` following `{rules}`: move each file to the folder of the first rule that matches "
                f"it (keep the file name); files that match no rule stay where they are.")
        if dedupe:
            text += (" Browsers saved some files twice as `name (1).ext`: delete such a copy when its content is "
                     "identical to the original, otherwise treat it as a file of its own.")
        return TaskPlan(title=f"Tidy {src}/", domain=self.domain, difficulty=difficulty_for(1 + 2 * dedupe),
                        capabilities=("file-state", "tool-selection") + (("error-recovery",) if dedupe else ()),
                        instruction=text + "\n", intent="file-organisation", expected_artifacts=(),
                        params={"src": src, "rules": rules, "dedupe": dedupe})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        prefix = rng.choice(("invoice", "receipt", "statement"))
        special = rng.choice(("finance/invoices", "finance/receipts", "admin/finance"))
        rules = [{"match": f"{prefix}*", "folder": special}]
        exts = rng.sample(sorted(KIND_FOLDERS), rng.randint(3, 5))
        rules += [{"match": f"*{e}", "folder": KIND_FOLDERS[e]} for e in exts]
        stems = rng.sample(("report", "minutes", "budget", "export", "agenda", "photos-list", "contacts", "roadmap",
                            "timesheet", "quote", "itinerary", "syllabus", "menu", "inventory", "survey"), 8)
        files = {}
        for stem in stems:
            ext = rng.choice(exts + [".pdf.txt"] if rng.random() < 0.2 else exts)
            files[f"{p['src']}/{stem}-{rng.randint(1, 99)}{ext}"] = f"{stem} from {ctx.persona.organisation}\n{rng.random():.6f}\n"
        for _ in range(2):
            ext = rng.choice(exts)
            files[f"{p['src']}/{prefix}-{rng.randint(1000, 9999)}{ext}"] = f"{prefix} total {rng.randint(10, 999)}.00 EUR\n"
        files[f"{p['src']}/unknown-{rng.randint(1, 9)}.bin"] = "binary-ish\n"
        traps = ["rule-order", "unmatched-file"]
        if p["dedupe"]:
            same, other = rng.sample(sorted(k for k in files if not k.endswith(".bin")), 2)
            for original, identical in ((same, True), (other, False)):
                stem, dot, ext = original.rpartition("/")[2].partition(".")
                copy = f"{p['src']}/{stem} (1).{ext}"
                files[copy] = files[original] if identical else files[original] + "edited later\n"
            traps += ["identical-copy", "look-alike-copy"]
        files[p["rules"]] = dump_yaml({"rules": rules, "note": "rules are tried in order; the first match wins"})
        return Workspace(files=files, traps=tuple(traps))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        import fnmatch
        p = plan.params
        rules = yaml.safe_load(ws.files[p["rules"]])["rules"]
        b = VerificationBuilder()
        moves, deletes, stays = [], [], []
        for path in sorted(ws.files):
            if not path.startswith(p["src"] + "/") or path == p["rules"]:
                continue
            name = path.rsplit("/", 1)[1]
            m = re.match(r"^(.*) \(1\)(\..*)$", name)
            if p["dedupe"] and m and ws.files.get(f"{p['src']}/{m.group(1)}{m.group(2)}") == ws.files[path]:
                deletes.append(path)
                continue
            folder = next((r["folder"] for r in rules if fnmatch.fnmatch(name, r["match"])), None)
            (moves.append((path, f"{folder}/{name}")) if folder else stays.append(path))
        for src, dst in moves:
            b.write(dst, ws.files[src])
            b.delete(src)
            b.check(f"moved-{vocab.slug(src.rsplit('/', 1)[1])}", "file_exists", f"{src} is now {dst}.", path=dst)
            b.check(f"gone-{vocab.slug(src.rsplit('/', 1)[1])}", "file_absent", f"{src} was moved away.", path=src)
        for path in deletes:
            b.delete(path)
            name = path.rsplit("/", 1)[1]
            b.check(f"copy-deleted-{vocab.slug(name)}", "file_absent", f"{name} was an identical copy.", path=path)
            folder = next((r["folder"] for r in rules if fnmatch.fnmatch(name, r["match"])), None)
            if folder:
                b.check(f"copy-not-moved-{vocab.slug(name)}", "file_absent", f"{name} was not kept elsewhere.",
                        path=f"{folder}/{name}")
        for path in stays:
            b.check(f"stays-{vocab.slug(path.rsplit('/', 1)[1])}", "file_exists", f"{path} matches no rule.", path=path)
        special = rules[0]
        first = next(((s, d) for s, d in moves if d.startswith(special["folder"] + "/")), None)
        if first:
            name = first[0].rsplit("/", 1)[1]
            wrong = next((r["folder"] for r in rules[1:] if fnmatch.fnmatch(name, r["match"])), "misc")
            b.mutant("rule-order-ignored", f"{name} went by extension, not the first rule").write(
                f"{wrong}/{name}", ws.files[first[0]]).delete(first[1])
        look_alike = next(((s, d) for s, d in moves if " (1)." in s), None)
        if look_alike:
            b.mutant("look-alike-deleted", "a different-content copy was deleted").delete(look_alike[1])
        if deletes:
            name = deletes[0].rsplit("/", 1)[1]
            folder = next((r["folder"] for r in rules if fnmatch.fnmatch(name, r["match"])), None)
            if folder:
                b.mutant("identical-copy-kept", "the identical copy was moved instead of deleted").write(
                    f"{folder}/{name}", ws.files[deletes[0]])
        if stays:
            b.mutant("unmatched-moved", "a file matching no rule was moved").write(
                f"misc/{stays[0].rsplit('/', 1)[1]}", ws.files[stays[0]]).delete(stays[0])
        return b.build()


# ------------------------------------------------------------------ contacts merge

class ContactsMerge(Family):
    name = "contacts-merge"
    domain = "productivity"
    intents = ("data-cleaning",)
    skills = ("csv-merge-join", "csv-dedupe")
    optional_skills = ()
    summary = "Merge a CRM CSV and a sign-up JSON export into one contact list keyed by normalised e-mail, newest record winning."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        crm = rng.choice(("crm/contacts.csv", "exports/crm_contacts.csv", "data/customers.csv"))
        signups = rng.choice(("signups/newsletter.json", "exports/webform.json", "data/event_signups.json"))
        out = rng.choice(("contacts/merged.csv", "out/contacts.csv", "crm/merged_contacts.csv"))
        text = (f"Merge `{crm}` and `{signups}` into `{out}` with exactly the columns `email,name,phone,last_seen`, "
                f"one row per person, sorted by email.\n\n"
                f"- A person is identified by e-mail address, compared case-insensitively and without surrounding "
                f"spaces; write it lower-case.\n"
                f"- When a person appears more than once, name and phone come from the most recent record "
                f"(`updated` in the CSV, `signed_up` in the JSON); `last_seen` is that record's date (YYYY-MM-DD).\n"
                f"- Records without a valid e-mail address (no `@`) are dropped.\n")
        return TaskPlan(title="Merge the CRM and sign-up contact lists", domain=self.domain, difficulty="medium",
                        capabilities=("cross-file", "fine-grained", "error-recovery"), instruction=text,
                        intent="data-cleaning", expected_artifacts=(out,),
                        params={"crm": crm, "signups": signups, "out": out})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        people = vocab.people(rng, rng.randint(8, 14))
        domains = ("example.org", "mail.example.com", "post.example.net", vocab.slug(ctx.persona.organisation) + ".example")
        crm_rows, json_rows = [], []
        base = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 200))
        for i, who in enumerate(people):
            email = f"{vocab.handle(who)}.{who.split()[1].lower()}@{rng.choice(domains)}"
            phone = f"+{rng.choice((31, 33, 34, 44, 49, 351))} {rng.randint(100, 999)} {rng.randint(100000, 999999)}"
            where = rng.choice(("crm", "json", "both", "both"))
            d1, d2 = base + dt.timedelta(days=rng.randint(0, 90)), base + dt.timedelta(days=rng.randint(0, 90))
            if d1 == d2:
                d2 += dt.timedelta(days=1)
            if where in ("crm", "both"):
                crm_rows.append([who, email if rng.random() < 0.7 else f" {email.upper()}", phone, d1.isoformat()])
            if where in ("json", "both"):
                alt_phone = phone if rng.random() < 0.5 else phone[:-2] + f"{rng.randint(10, 99)}"
                alt_name = who if rng.random() < 0.6 else who.split()[0] + " " + who.split()[1][0] + "."
                json_rows.append({"full_name": alt_name, "email": email.capitalize() if rng.random() < 0.4 else email,
                                  "phone": alt_phone, "signed_up": f"{d2.isoformat()}T{rng.randint(8, 20):02d}:00:00Z"})
        crm_rows.append([vocab.person(rng), "no-email-given", "+44 100 000000", base.isoformat()])
        rng.shuffle(crm_rows)
        files = {p["crm"]: to_csv(["name", "email", "phone", "updated"], crm_rows),
                 p["signups"]: json.dumps({"source": "web form", "entries": json_rows}, indent=2) + "\n"}
        return Workspace(files=files, traps=("email-case-and-spaces", "conflicting-records", "invalid-email"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        _, crm = parse_csv(ws.files[p["crm"]])
        entries = json.loads(ws.files[p["signups"]])["entries"]
        records = [(r[1].strip().lower(), r[0], r[2], r[3]) for r in crm]
        records += [(e["email"].strip().lower(), e["full_name"], e["phone"], e["signed_up"][:10]) for e in entries]
        best: dict[str, tuple] = {}
        oldest: dict[str, tuple] = {}
        for rec in records:
            if "@" not in rec[0]:
                continue
            if rec[0] not in best or rec[3] > best[rec[0]][3]:
                best[rec[0]] = rec
            if rec[0] not in oldest or rec[3] < oldest[rec[0]][3]:
                oldest[rec[0]] = rec
        rows = [[e, r[1], r[2], r[3]] for e, r in sorted(best.items())]
        cols = ["email", "name", "phone", "last_seen"]
        out = p["out"]
        b = VerificationBuilder()
        b.write(out, to_csv(cols, rows))
        b.check("columns", "csv_columns", "Exactly the requested columns.", path=out, columns=cols, exact=True)
        b.check("count", "csv_value", f"{len(rows)} distinct people.", path=out, column="email", aggregate="count",
                equals=len(rows), weight=2)
        conflicts = [e for e in best if best[e] != oldest[e]]
        for e in (conflicts + [r[0] for r in rows])[:4]:
            r = best[e]
            b.check(f"name-{vocab.slug(e)[:40]}", "csv_value", f"{e} is {r[1]}.", path=out, column="name",
                    where={"email": e}, equals=r[1])
            b.check(f"phone-{vocab.slug(e)[:40]}", "csv_value", f"{e}'s phone is {r[2]}.", path=out, column="phone",
                    where={"email": e}, equals=r[2])
            b.check(f"seen-{vocab.slug(e)[:40]}", "csv_value", f"{e} last seen {r[3]}.", path=out, column="last_seen",
                    where={"email": e}, equals=r[3])
        b.check("lowercase", "regex", "E-mail addresses are lower-case and trimmed.", path=out,
                pattern=r"^(?!email,)[^\n,]*[A-Z\s][^\n,]*@", must_match=False)
        if conflicts:
            e = conflicts[0]
            o = oldest[e]
            b.mutant("oldest-wins", f"{e} took the older record").write(
                out, to_csv(cols, [[x, o[1], o[2], o[3]] if x == e else r for r, x in zip(rows, [r[0] for r in rows])]))
        raw_dupe = next((r for r in records if r[0] in best and r != best[r[0]]), None)
        if raw_dupe:
            b.mutant("not-deduplicated", "a person appears twice").write(
                out, to_csv(cols, sorted(rows + [[raw_dupe[0], raw_dupe[1], raw_dupe[2], raw_dupe[3]]])))
        b.mutant("invalid-kept", "the record without an e-mail was kept").write(
            out, to_csv(cols, rows + [["no-email-given", "Unknown", "+44 100 000000", "2024-01-01"]]))
        return b.build()


# ------------------------------------------------------------------ invoice from a timesheet

class TimesheetInvoice(Family):
    name = "timesheet-invoice"
    domain = "productivity"
    intents = ("report-generation", "data-analysis")
    skills = ("csv-filter-rows", "csv-group-aggregate", "yaml-read")
    optional_skills = ("markdown-report",)
    summary = "Bill a client from a timesheet and a rate card: billable hours in the period, rates that change mid-month, a discount."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        client = rng.choice(("Harbour Books", "Verde Bikes", "Kessler Lab", "Open Shelter Trust", "Northwind Freight",
                             "Copper Kettle Cafe", "Pebble Mail", "Hillcrest School"))
        month = rng.choice(vocab.MONTHS)
        sheet = rng.choice(("timesheets/{m}.csv", "time/{m}-entries.csv", "hours/{m}.csv")).format(m=month)
        rates = rng.choice(("rates.yaml", "billing/rate-card.yaml", "config/rates.yaml"))
        out = f"invoices/{vocab.slug(client)}-{month}.csv"
        summary = f"invoices/{vocab.slug(client)}-{month}.md" if ctx.uses("markdown-report") else None
        text = (f"Prepare {client}'s invoice for {month} from `{sheet}` and the rate card `{rates}`.\n\n"
                f"Write `{out}` with exactly the columns `project,hours,amount`: one row per project of {client}, sorted "
                f"by project, with the billable hours worked in {month} and their amount. An entry's rate is the rate "
                f"of its role in effect on the entry's date (`rates` lists changes with `from` dates). Apply the "
                f"client's discount from the rate card to each amount; round amounts to cents. Non-billable entries "
                f"and other clients' entries are not invoiced.\n")
        if summary:
            text += f"\nAlso write `{summary}` with a line `Total due: <sum of amount> EUR`.\n"
        return TaskPlan(title=f"Invoice {client} for {month}", domain=self.domain, difficulty=difficulty_for(3 + bool(summary)),
                        capabilities=("cross-file", "fine-grained", "long-range"), instruction=text,
                        intent=rng.choice(self.intents), expected_artifacts=tuple(x for x in (out, summary) if x),
                        params={"client": client, "month": month, "sheet": sheet, "rates": rates, "out": out,
                                "summary": summary})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        roles = rng.sample(("designer", "developer", "analyst", "consultant", "editor", "trainer", "lead"), 3)
        staff = {who: rng.choice(roles) for who in vocab.people(rng, 4)}
        change_day = rng.randint(8, 22)
        rates = {r: [{"from": "2020-01-01", "rate": rng.choice((45, 55, 60, 70, 80, 95))}] for r in roles}
        changed = rng.choice(roles)
        rates[changed].append({"from": f"{p['month']}-{change_day:02d}", "rate": rates[changed][0]["rate"] + rng.choice((5, 10, 15))})
        other = rng.choice([c for c in ("Acme Corp", "Blue Fjord", "Lumen Lamps") if c != p["client"]])
        projects = rng.sample(("website", "brand refresh", "data migration", "training", "support", "app v2", "audit"), 3)
        rows = []
        for _ in range(rng.randint(14, 30)):
            who = rng.choice(sorted(staff))
            client = p["client"] if rng.random() < 0.8 else other
            rows.append([f"{p['month']}-{rng.randint(1, 28):02d}", who, client, rng.choice(projects),
                         f"{rng.choice((0.5, 1, 1.5, 2, 3, 4, 6, 7.5))}", "no" if rng.random() < 0.15 else "yes"])
        rows.append([f"{vocab.MONTHS[(vocab.MONTHS.index(p['month']) + 1) % len(vocab.MONTHS)]}-02", sorted(staff)[0],
                     p["client"], projects[0], "3", "yes"])   # next month's entry already logged
        rows.sort()
        card = {"currency": "EUR", "discounts": {p["client"]: rng.choice((0, 5, 10, 12.5)), other: 0},
                "staff": staff, "rates": rates}
        files = {p["sheet"]: to_csv(["date", "person", "client", "project", "hours", "billable"], rows),
                 p["rates"]: dump_yaml(card)}
        return Workspace(files=files, traps=("rate-change", "non-billable", "other-client", "next-month-entry"))

    def invoice(self, ws: Workspace, p: dict, dated_rates: bool = True, discount: bool = True, billable_only: bool = True):
        _, rows = parse_csv(ws.files[p["sheet"]])
        card = yaml.safe_load(ws.files[p["rates"]])
        pct = card["discounts"].get(p["client"], 0) if discount else 0
        hours: dict[str, float] = {}
        amount: dict[str, float] = {}
        for date, who, client, project, h, billable in rows:
            if client != p["client"] or not date.startswith(p["month"]) or (billable != "yes" and billable_only):
                continue
            changes = sorted(card["rates"][card["staff"][who]], key=lambda c: str(c["from"]))
            rate = [c["rate"] for c in changes if str(c["from"]) <= date][-1] if dated_rates else changes[-1]["rate"]
            hours[project] = hours.get(project, 0) + float(h)
            amount[project] = amount.get(project, 0) + float(h) * rate
        return [[proj, f"{hours[proj]:g}", f"{amount[proj] * (1 - pct / 100):.2f}"] for proj in sorted(hours)]

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        rows = self.invoice(ws, p)
        if not rows:
            raise ValueError("no billable hours in the drawn timesheet")
        out = p["out"]
        cols = ["project", "hours", "amount"]
        b = VerificationBuilder()
        b.write(out, to_csv(cols, rows))
        b.check("columns", "csv_columns", "Exactly project,hours,amount.", path=out, columns=cols, exact=True)
        b.check("projects", "csv_value", f"{len(rows)} projects.", path=out, column="project", aggregate="count", equals=len(rows))
        for proj, h, amt in rows:
            b.check(f"hours-{vocab.slug(proj)}", "csv_value", f"{proj}: {h} h.", path=out, column="hours",
                    where={"project": proj}, approx=float(h), tolerance=0.001)
            b.check(f"amount-{vocab.slug(proj)}", "csv_value", f"{proj}: {amt} EUR.", path=out, column="amount",
                    where={"project": proj}, approx=float(amt), tolerance=0.011, weight=2)
        total = round(sum(float(r[2]) for r in rows), 2)
        if p["summary"]:
            b.write(p["summary"], f"# Invoice {p['client']} {p['month']}\n\nTotal due: {total:.2f} EUR\n")
            b.check("total", "same_value", "The summary's total matches the invoice lines.",
                    a={"path": p["summary"], "regex": r"^Total due: ([0-9.]+) EUR\s*$"},
                    b={"path": out, "column": "amount", "aggregate": "sum"}, tolerance=0.011)
        for mid, desc, variant in (("flat-rate", "the latest rate applied to the whole month", self.invoice(ws, p, dated_rates=False)),
                                   ("no-discount", "the client's discount was not applied", self.invoice(ws, p, discount=False)),
                                   ("non-billable-invoiced", "non-billable hours were invoiced", self.invoice(ws, p, billable_only=False))):
            if variant != rows:
                b.mutant(mid, desc).write(out, to_csv(cols, variant))
        b.mutant("hours-as-amount", "the first project's amount is off by one hour's worth").write(
            out, to_csv(cols, [[rows[0][0], rows[0][1], f"{float(rows[0][2]) + 50:.2f}"]] + rows[1:]))
        return b.build()


# ------------------------------------------------------------------ inbox triage

MAIL_KINDS = {
    "billing": (("Invoice {n} for {month}", "Payment reminder: invoice {n}", "Receipt for your payment"), "finance"),
    "support": (("Cannot log in since this morning", "Bug: export button does nothing", "Question about my order {n}"), "support"),
    "meetings": (("Invitation: {topic} on {day}", "Updated invitation: {topic}", "Agenda for {topic}"), "calendar"),
    "newsletter": (("This week at {org}", "Your {month} digest", "New features in {month}"), "reading"),
}


class InboxTriage(Family):
    name = "inbox-triage"
    domain = "productivity"
    intents = ("file-organisation", "knowledge-management")
    skills = ("file-organise", "csv-filter-rows", "yaml-read")
    optional_skills = ()
    summary = "Triage a folder of saved e-mails by header rules (first match wins), file them and log the triage as CSV."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        inbox = rng.choice(("mail/inbox", "inbox", "email/unsorted"))
        rules = rng.choice(("mail/rules.yaml", "triage-rules.yaml", "config/mail-rules.yaml"))
        log = rng.choice(("mail/triage.csv", "triage-log.csv", "reports/triage.csv"))
        text = (f"Triage the saved e-mails in `{inbox}/` (one `.eml` text file each) with the rules in `{rules}`: the "
                f"first rule whose condition matches a message decides its folder; a message no rule matches goes to "
                f"`{inbox.rsplit('/', 1)[0] + '/' if '/' in inbox else ''}other/`. Move each file to its folder (same "
                f"file name), then write `{log}` with exactly the columns `file,from,folder`, one row per message, "
                f"sorted by file.\n")
        return TaskPlan(title="Triage the inbox", domain=self.domain, difficulty="medium",
                        capabilities=("file-state", "cross-file", "fine-grained"), instruction=text,
                        intent=rng.choice(self.intents), expected_artifacts=(log,),
                        params={"inbox": inbox, "rules": rules, "log": log,
                                "base": inbox.rsplit("/", 1)[0] + "/" if "/" in inbox else ""})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        domain = vocab.slug(ctx.persona.organisation) + ".example"
        vip = vocab.person(rng)
        rules = [{"if": {"from_contains": vocab.handle(vip)}, "folder": f"{p['base']}priority"}]
        for kind, (_, folder) in rng.sample(sorted(MAIL_KINDS.items()), 3):
            words = {"billing": "invoice", "support": "bug", "meetings": "invitation", "newsletter": "digest"}
            rules.append({"if": {"subject_contains": words[kind]}, "folder": f"{p['base']}{folder}"})
        files = {p["rules"]: dump_yaml({"rules": rules, "note": "first match wins; matching ignores case"})}
        for i in range(rng.randint(7, 12)):
            kind = rng.choice(sorted(MAIL_KINDS))
            subject = rng.choice(MAIL_KINDS[kind][0]).format(n=rng.randint(1000, 9999), month=rng.choice(vocab.MONTHS),
                                                              topic=rng.choice(vocab.OBJECTS), day="Tuesday",
                                                              org=ctx.persona.organisation)
            sender = vip if i == 0 else vocab.person(rng)
            if i == 0:
                subject = "Invoice question"   # the VIP rule comes first
            addr = f"{vocab.handle(sender)}@{rng.choice(('example.org', 'mail.example.com', domain))}"
            files[f"{p['inbox']}/{i + 1:03d}-{vocab.slug(subject)[:24]}.eml"] = (
                f"From: {sender} <{addr}>\nTo: {ctx.persona.name} <{vocab.handle(ctx.persona.name)}@{domain}>\n"
                f"Subject: {subject}\nDate: Tue, {rng.randint(1, 28)} May 2024 09:{rng.randint(10, 59)}:00 +0000\n\n"
                f"Hello,\n\n{rng.choice(vocab.OBJECTS).capitalize()} is attached.\n")
        return Workspace(files=files, traps=("rule-order", "case-insensitive", "unmatched-messages"))

    def triage(self, ws: Workspace, p: dict, first_match: bool = True) -> list[tuple[str, str, str]]:
        rules = yaml.safe_load(ws.files[p["rules"]])["rules"]
        out = []
        for path in sorted(x for x in ws.files if x.startswith(p["inbox"] + "/")):
            text = ws.files[path]
            headers = dict(line.split(": ", 1) for line in text.split("\n\n")[0].splitlines())
            matched = [r["folder"] for r in rules
                       if ("from_contains" in r["if"] and r["if"]["from_contains"].lower() in headers["From"].lower())
                       or ("subject_contains" in r["if"] and r["if"]["subject_contains"].lower() in headers["Subject"].lower())]
            folder = (matched[0] if first_match else matched[-1]) if matched else f"{p['base']}other"
            out.append((path.rsplit("/", 1)[1], headers["From"], folder))
        return out

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        rows = self.triage(ws, p)
        b = VerificationBuilder()
        for name, _, folder in rows:
            b.write(f"{folder}/{name}", ws.files[f"{p['inbox']}/{name}"])
            b.delete(f"{p['inbox']}/{name}")
            b.check(f"filed-{name[:20]}", "file_exists", f"{name} is in {folder}/.", path=f"{folder}/{name}")
            b.check(f"moved-{name[:20]}", "file_absent", f"{name} left the inbox.", path=f"{p['inbox']}/{name}")
        cols = ["file", "from", "folder"]
        b.write(p["log"], to_csv(cols, [list(r) for r in rows]))
        b.check("log-columns", "csv_columns", "Exactly file,from,folder.", path=p["log"], columns=cols, exact=True)
        b.check("log-count", "csv_value", f"{len(rows)} messages logged.", path=p["log"], column="file",
                aggregate="count", equals=len(rows))
        for name, _, folder in rows[:4]:
            b.check(f"log-{name[:20]}", "csv_value", f"{name} -> {folder}.", path=p["log"], column="folder",
                    where={"file": name}, equals=folder)
        last = self.triage(ws, p, first_match=False)
        diff = next(((a, c) for a, c in zip(rows, last) if a != c), None)
        if diff:
            (name, _, good), (_, _, bad) = diff
            b.mutant("last-match-wins", f"{name} filed by a later rule").write(f"{bad}/{name}", ws.files[f"{p['inbox']}/{name}"]).delete(f"{good}/{name}")
        other = next((r for r in rows if r[2].endswith("other")), None)
        if other:
            b.mutant("unmatched-left", f"{other[0]} left in the inbox").write(
                f"{p['inbox']}/{other[0]}", ws.files[f"{p['inbox']}/{other[0]}"]).delete(f"{other[2]}/{other[0]}")
        b.mutant("log-missing-row", "the log misses a message").write(p["log"], to_csv(cols, [list(r) for r in rows[1:]]))
        return b.build()


# ------------------------------------------------------------------ file dedupe by content hash

DEDUPE_KEEPERS = ("photos", "scans", "documents", "tax", "receipts", "Pictures", "papers")   # where originals belong
DEDUPE_MESSY = ("Downloads", "Desktop", "phone-backup", "old-laptop", "mail-attachments", "camera-uploads", "sync-conflicts")
DEDUPE_SUBS = ("2021/", "2022/", "2023/", "2023/07/", "2024/", "2024/03/", "old/", "misc/", "family/",
               "holiday/", "to-sort/", "archive/", "home/", "work/", "")
DEDUPE_TEXT = (   # (file name, title, (label, kind) fields) for personal documents kept as text
    ("lease-agreement.txt", "Tenancy agreement", (("Tenant", "self"), ("Landlord", "name"), ("Monthly rent", "money"),
                                                  ("Start date", "date"))),
    ("insurance-policy.md", "Home insurance policy", (("Policy holder", "self"), ("Policy no", "code"),
                                                      ("Annual premium", "money"), ("Renewal", "date"))),
    ("tax-summary-2023.csv", None, (("item", "item"), ("amount", "money"))),
    ("car-service-log.csv", None, (("date", "date"), ("km", "num"), ("work", "service"), ("cost", "money"))),
    ("warranty-dishwasher.txt", "Warranty certificate", (("Owner", "self"), ("Serial", "code"), ("Purchased", "date"),
                                                         ("Price", "money"))),
    ("cv.md", "Curriculum vitae", (("Name", "self"), ("Employer", "org"), ("City", "city"), ("Since", "date"))),
    ("packing-list.md", "Packing list", (("Trip", "city"), ("Leaving", "date"), ("Bags", "num"), ("Booked by", "self"))),
    ("vaccinations.md", "Vaccination record", (("Name", "name"), ("Vaccine", "vaccine"), ("Date", "date"),
                                               ("Next dose", "date"))),
    ("budget-2024.csv", None, (("month", "month"), ("income", "money"), ("rent", "money"), ("groceries", "money"))),
    ("recipe-banana-bread.md", "Banana bread", (("Flour (g)", "num"), ("Bananas", "num"), ("Sugar (g)", "num"),
                                                ("Oven (C)", "num"))),
    ("payslip-notes.txt", "Payslip notes", (("Employer", "org"), ("Gross", "money"), ("Net", "money"), ("Month", "month"))),
    ("school-letter.txt", "Letter from school", (("Pupil", "name"), ("Class", "code"), ("Trip date", "date"),
                                                 ("Fee", "money"))),
    ("bike-purchase.txt", "Bike purchase", (("Buyer", "self"), ("Frame no", "code"), ("Bought", "date"), ("Price", "money"))),
    ("pension-statement.md", "Pension statement", (("Member", "self"), ("Scheme", "org"), ("Value", "money"),
                                                   ("As of", "date"))),
)
DEDUPE_BINARY = (   # (name pattern, magic header, tail)
    ("IMG_{n}.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01", b"\xff\xd9"),
    ("PXL_2023{m:02d}{d:02d}_{n}.jpg", b"\xff\xd8\xff\xe1\x00\x18Exif\x00\x00", b"\xff\xd9"),
    ("DSC0{n}.JPG", b"\xff\xd8\xff\xdb\x00\x84\x00", b"\xff\xd9"),
    ("scan-{n}.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", b"\n%%EOF\n"),
    ("passport-scan-{n}.pdf", b"%PDF-1.5\n%\xb5\xed\xae\xfb\n", b"\n%%EOF\n"),
    ("screenshot-{n}.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"IEND\xaeB`\x82"),
)

DEDUPE_TREE_CHECK = '''"""The tree after deduplication: kept files intact, removed copies gone (or parked in duplicates/)."""
import hashlib, json, os, sys
exp = json.load(open(os.path.join(os.environ["CLAWBENCH_CHECKS"], "expected_tree.json")))
problems = []
for path, digest in sorted(exp["present"].items()):
    try:
        got = hashlib.sha256(open(path, "rb").read()).hexdigest()
    except OSError:
        problems.append(f"missing {path}")
        continue
    if got != digest:
        problems.append(f"content changed: {path}")
for path in exp["absent"]:
    if os.path.exists(path):
        problems.append(f"still there: {path}")
counts = {d: 0 for d in exp["digests"]}
for d, _, fs in os.walk(exp["root"]):
    for f in fs:
        p = os.path.relpath(os.path.join(d, f)).replace(os.sep, "/")
        if exp["parking"] is not None and p.startswith(exp["parking"] + "/"):
            continue
        h = hashlib.sha256(open(p, "rb").read()).hexdigest()
        if h in counts:
            counts[h] += 1
many = sorted(h[:12] for h, n in counts.items() if n != 1)
if many:
    problems.append(f"{len(many)} contents not kept exactly once under {exp['root']}/")
if exp["parking"] is not None:
    found = sorted(os.path.relpath(os.path.join(d, f)).replace(os.sep, "/")
                   for d, _, fs in os.walk(exp["parking"]) for f in fs)
    extra = sorted(set(found) - set(exp["parked"]))
    if extra:
        problems.append(f"not a duplicate: {extra[0]}")
ok = not problems
print(json.dumps({"passed": ok, "observed": problems[:4], "expected": "no problems", "message": "; ".join(problems[:2])}))
sys.exit(0 if ok else 1)
'''

DEDUPE_REPORT_CHECK = '''"""The dedupe report lists exactly the expected (sha256, kept, removed) triples in the stated order."""
import csv, json, os, sys
exp = json.load(open(os.path.join(os.environ["CLAWBENCH_CHECKS"], "expected_report.json")))
path, fmt = sys.argv[1], sys.argv[2]
try:
    text = open(path, encoding="utf-8").read()
    if fmt == "csv":
        rows = list(csv.DictReader(text.splitlines()))
        a, k, r = exp["columns"]
        got = [[row[a].strip().lower(), row[k].strip(), row[r].strip()] for row in rows]
    else:
        doc = json.loads(text)
        got = [[g["sha256"].strip().lower(), g["kept"], list(g["removed"])] for g in doc["groups"]]
except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
    print(json.dumps({"passed": False, "observed": repr(e)[:200], "expected": "a readable report", "message": "report"}))
    sys.exit(1)
want = exp["rows"]
ok = got == want
diff = next((i for i, (x, y) in enumerate(zip(got, want)) if x != y), min(len(got), len(want)))
print(json.dumps({"passed": ok, "observed": {"rows": len(got), "first_difference": got[diff] if diff < len(got) else None},
                  "expected": {"rows": len(want), "at": want[diff] if diff < len(want) else None}, "message": ""}))
sys.exit(0 if ok else 1)
'''


def _raw_bytes(content) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def _restore_cmd(path: str, content) -> str:
    """A shell command that writes `content` (text or bytes) to `path`, for exec steps."""
    folder = path.rpartition("/")[0]
    b64 = base64.b64encode(_raw_bytes(content)).decode()
    return (f"mkdir -p {shlex.quote(folder)} && " if folder else "") + f"echo {b64} | base64 -d > {shlex.quote(path)}"


class FileDedupe(Family):
    name = "file-dedupe"
    domain = "productivity"
    intents = ("file-organisation", "data-cleaning")
    skills = ("file-dedupe-hash",)
    optional_skills = ("file-organise", "json-write")
    summary = ("Deduplicate a personal folder tree by SHA-256 with a stated keep rule (preferred folder, shortest "
               "path, alphabetical), park or delete the other copies and report the groups.")

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        root = rng.choice(("home", "personal", "family-drive", "my-files", "nas/share", "laptop-backup", "cloud-sync",
                           "Dropbox", "sync/personal"))
        outside = rng.choice([o for o in ("work", "shared-with-me", "projects", "clients", "club-files")
                              if not root.startswith(o)])
        keepers = rng.sample(DEDUPE_KEEPERS, rng.randint(2, 3))
        tops = keepers + rng.sample(DEDUPE_MESSY, rng.randint(2, 3))
        rng.shuffle(tops)
        ranked = rng.sample(keepers, len(keepers) if len(keepers) == 2 else rng.randint(2, 3))
        move = ctx.uses("file-organise")
        as_json = ctx.uses("json-write")
        stem = rng.choice(("dedupe-report", "reports/duplicates", "cleanup/dedupe", "reports/dedupe-{d}",
                           "cleanup/duplicates-{d}")).format(d=rng.choice(("2024-05", "2024-09", "2025-01", "spring")))
        report = stem + (".json" if as_json else ".csv")
        cols = rng.choice((("sha256", "kept", "removed"), ("sha256", "keep", "duplicate"),
                           ("hash", "original", "copy"), ("sha256", "kept_path", "removed_path")))
        parking = f"{root}/duplicates"
        order = ", ".join(f"`{t}`" for t in ranked)
        why = rng.choice(("Years of phone backups, re-downloads and scans saved twice have filled",
                          "Two laptops' worth of copied folders and browser re-downloads have filled",
                          "Every sync conflict and `(1)` download has ended up in"))
        text = (f"{why} `{root}/` with copies of the same files. Deduplicate it by content: files are duplicates "
                f"only when their bytes are identical (same SHA-256), whatever their names or folders; files with the "
                f"same name but different content are not duplicates. Everything below `{root}/` counts, sub-folders "
                f"included; `{outside}/` is not part of this and stays as it is.\n\n"
                f"For each set of identical files keep exactly one copy, chosen by these rules in turn:\n"
                f"1. the copy whose top-level folder under `{root}/` comes first in this order: {order} (copies in any "
                f"other folder rank after these, all equal);\n"
                f"2. among equally ranked copies, the one with the shortest path (fewest characters);\n"
                f"3. then the first path in plain character order (as Python's `sorted`, capitals before lower case).\n\n")
        if move:
            text += (f"Move every other copy into `{parking}/`, keeping its path below `{root}/` (so "
                     f"`{root}/{tops[0]}/a.jpg` would become `{parking}/{tops[0]}/a.jpg`). ")
        else:
            text += "Delete every other copy. "
        text += "Leave every file that has no identical twin where it is, untouched.\n\n"
        if as_json:
            text += (f"Then write `{report}` as a JSON object: `groups`, a list with one entry per set of identical "
                     f"files, each `{{\"sha256\": <lower-case hex digest>, \"kept\": <path>, \"removed\": [<paths>]}}`, "
                     f"sorted by `kept`, with `removed` sorted (plain character order); `removed_count`, the number of copies removed; and "
                     f"`freed_bytes`, their total size in bytes. Paths are relative to the workspace root (they start "
                     f"with `{root}/`) and name the files where they were before the clean-up.\n")
        else:
            text += (f"Then write `{report}` with exactly the columns `{','.join(cols)}`: one row per removed copy, with "
                     f"the lower-case hex SHA-256 of the content, the kept copy's path and the removed copy's original "
                     f"path (paths relative to the workspace root, starting with `{root}/`), rows sorted by "
                     f"`{cols[2]}` in the same plain character order.\n")
        return TaskPlan(title=f"Deduplicate {root}/", domain=self.domain,
                        difficulty=difficulty_for(2 + move + as_json),
                        capabilities=("file-state", "tool-selection", "fine-grained", "error-recovery"),
                        instruction=text, intent=rng.choice(self.intents), expected_artifacts=(report,),
                        params={"root": root, "outside": outside, "tops": tops, "ranked": ranked, "move": move,
                                "json": as_json, "report": report, "cols": cols, "parking": parking})

    # -- stage 2
    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        root, tops, ranked = p["root"], p["tops"], p["ranked"]
        unranked = [t for t in tops if t not in ranked]
        files: dict[str, str | bytes] = {}
        numbers = iter(rng.sample(range(1000, 9999), 120))
        texts = list(DEDUPE_TEXT)
        rng.shuffle(texts)
        bins = list(DEDUPE_BINARY)

        def value(kind: str) -> str:
            if kind in ("self", "name", "org", "city"):
                return {"self": ctx.persona.name, "org": ctx.persona.organisation}.get(kind) or (
                    vocab.person(rng) if kind == "name" else rng.choice(vocab.CITIES))
            if kind == "money":
                return f"{rng.randint(12, 2400)}.{rng.randint(0, 99):02d}"
            if kind == "date":
                return (dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2200))).isoformat()
            if kind == "code":
                return f"{rng.choice('ABCDEFGHKLMNPRSTUVWXZ')}{rng.choice('ABCDEFGHKLMNPRSTUVWXZ')}-{next(numbers)}"
            if kind == "month":
                return rng.choice(vocab.MONTHS)
            return rng.choice({"item": ("donations", "commuting", "home office", "childcare", "pension", "medical"),
                               "service": ("oil change", "tyres", "brakes", "inspection", "battery"),
                               "vaccine": ("tetanus", "hepatitis A", "flu", "MMR", "yellow fever")}.get(kind, ())) \
                if kind in ("item", "service", "vaccine") else str(rng.randint(2, 400))

        def text_doc() -> tuple[str, str]:
            name, title, fields = texts.pop() if texts else (f"note-{next(numbers)}.txt", "Note", (("Ref", "code"),))
            if name.endswith(".csv"):
                body = ",".join(f for f, _ in fields) + "\n" + "".join(
                    ",".join(value(k) for _, k in fields) + "\n" for _ in range(rng.randint(3, 7)))
            else:
                lines = [f"# {title}" if name.endswith(".md") else title.upper(), ""]
                lines += [f"{f}: {value(k)}" for f, k in fields]
                lines += ["", rng.choice(("Original filed in the blue folder.", "Signed copy sent by post.",
                                          f"Scanned on {value('date')}.", "Keep until further notice."))]
                body = "\n".join(lines) + "\n"
            return name, body

        def bin_doc() -> tuple[str, bytes]:
            pattern, head, tail = rng.choice(bins)
            name = pattern.format(n=next(numbers), m=rng.randint(1, 12), d=rng.randint(1, 28))
            return name, head + bytes(rng.randrange(256) for _ in range(rng.randint(120, 420))) + tail

        def doc():
            return text_doc() if rng.random() < 0.45 else bin_doc()

        def place(top: str, sub: str, name: str, content) -> str | None:
            path = f"{root}/{top}/{sub}{name}"
            if path in files:
                return None
            files[path] = content
            return path

        def copy_name(name: str) -> str:
            stem, _, ext = name.rpartition(".")
            return rng.choice((name, name, f"{stem} (1).{ext}", f"Copy of {name}", f"{stem}-copy.{ext}",
                               f"{stem}_{rng.choice(('final', 'old', 'backup', 'v2'))}.{ext}"))

        groups: list[list[str]] = []
        # a set where the preferred folder's copy has the longer path: rule 1 must beat rule 2
        name, content = doc()
        long_sub = rng.choice(("2023/important/", "2022/to-keep/originals/", "archive/2021/signed/", "family/originals/"))
        a = place(ranked[0], long_sub, name, content)
        stem, _, ext = name.rpartition(".")
        b = place(rng.choice(unranked), "", f"{stem[:3]}.{ext}" if rng.random() < 0.5 else name, content)
        groups.append([a, b])
        # a set only in unranked folders where two copies tie on length: rule 3 decides
        name, content = doc()
        stem, _, ext = name.rpartition(".")
        top = rng.choice(unranked)
        tie = [place(top, "", f"{stem} (1).{ext}", content), place(top, "", f"{stem} (2).{ext}", content)]
        if rng.random() < 0.5:
            tie.append(place(rng.choice(unranked), rng.choice(("backup-2021/misc/", "old/unsorted/", "to-sort/later/")),
                             name, content))
        groups.append(tie)
        # ordinary sets
        for _ in range(rng.randint(2, 4)):
            name, content = doc()
            members = []
            for _ in range(rng.randint(2, 3)):
                members.append(place(rng.choice(tops), rng.choice(DEDUPE_SUBS), copy_name(name), content))
            groups.append(members)
        groups = [[m for m in g if m] for g in groups]
        # singletons
        for _ in range(rng.randint(4, 7)):
            name, content = doc()
            place(rng.choice(tops), rng.choice(DEDUPE_SUBS), name, content)
        # look-alikes: same name as a copy, different bytes (a binary one keeps its size)
        traps = ["preferred-folder-longer-path", "length-tie", "renamed-copies", "look-alike-same-name",
                 "out-of-scope-copy"]
        for g in rng.sample([g for g in groups if len(g) >= 2], 2):
            src = g[0]
            content = files[src]
            if isinstance(content, bytes):
                i = rng.randrange(20, len(content) - 4)
                twin = content[:i] + bytes([(content[i] + 1) % 256]) + content[i + 1:]
            elif src.endswith(".csv"):
                width = content.splitlines()[0].count(",")
                twin = content + f"{rng.choice(vocab.MONTHS)}," + ",".join(str(rng.randint(10, 900)) for _ in range(width)) + "\n"
            else:
                twin = content + f"Revised {rng.choice(vocab.MONTHS)}: see the signed copy.\n"
            placed = None
            for _ in range(10):
                placed = place(rng.choice(tops), rng.choice(DEDUPE_SUBS), src.rsplit("/", 1)[1], twin)
                if placed:
                    break
        if any(isinstance(c, bytes) for c in files.values()):
            traps.append("same-size-binary")
        # an identical copy outside the tree, plus some other files there
        src = rng.choice(groups[2:])[0]
        files[f"{p['outside']}/{rng.choice(('shared', 'inbox', 'old'))}/{src.rsplit('/', 1)[1]}"] = files[src]
        for _ in range(rng.randint(1, 2)):
            name, content = doc()
            files[f"{p['outside']}/{name}"] = content
        files[f"{root}/README.txt"] = (f"{ctx.persona.name}'s files - synced from phone and laptops.\n"
                                       f"Do not rename folders: the backup job looks for {', '.join(tops[:3])}.\n")
        return Workspace(files=files, traps=tuple(traps))

    # -- stage 3
    def _rows(self, ws: Workspace, p: dict, keep_key=None, scope: str | None = None) -> list[list]:
        """(sha256, kept, removed) per removed copy, sorted by removed path."""
        root = scope or p["root"]
        rank = {t: i for i, t in enumerate(p["ranked"])}

        def key(path: str):
            top = path[len(p["root"]) + 1:].split("/")[0] if path.startswith(p["root"] + "/") else ""
            return (rank.get(top, len(rank)), len(path), path)

        by_hash: dict[str, list[str]] = {}
        for path in sorted(ws.files):
            if path.startswith(root + "/") or (scope and path.startswith(p["root"] + "/")):
                by_hash.setdefault(hashlib.sha256(_raw_bytes(ws.files[path])).hexdigest(), []).append(path)
        rows = []
        for digest, paths in by_hash.items():
            if len(paths) > 1:
                kept = min(paths, key=keep_key or key)
                rows += [[digest, kept, r] for r in paths if r != kept]
        return sorted(rows, key=lambda r: r[2])

    def _parked(self, p: dict, path: str) -> str:
        rel = path[len(p["root"]) + 1:] if path.startswith(p["root"] + "/") else path
        return f"{p['parking']}/{rel}"

    def _state(self, ws: Workspace, p: dict, rows: list[list]) -> dict[str, bytes]:
        state = {k: _raw_bytes(v) for k, v in ws.files.items()}
        for _, _, removed in rows:
            content = state.pop(removed)
            if p["move"]:
                state[self._parked(p, removed)] = content
        return state

    def _report(self, p: dict, rows: list[list], ws: Workspace) -> str:
        if not p["json"]:
            return to_csv(list(p["cols"]), rows)
        groups: dict[tuple[str, str], list[str]] = {}
        for digest, kept, removed in rows:
            groups.setdefault((kept, digest), []).append(removed)
        doc = {"groups": [{"sha256": d, "kept": k, "removed": sorted(r)} for (k, d), r in sorted(groups.items())],
               "removed_count": len(rows), "freed_bytes": sum(len(_raw_bytes(ws.files[r[2]])) for r in rows)}
        return json.dumps(doc, indent=2) + "\n"

    def _expected_report(self, p: dict, rows: list[list]) -> list:
        if not p["json"]:
            return [list(r) for r in rows]
        groups: dict[tuple[str, str], list[str]] = {}
        for digest, kept, removed in rows:
            groups.setdefault((kept, digest), []).append(removed)
        return [[d, k, sorted(r)] for (k, d), r in sorted(groups.items())]

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        root, report = p["root"], p["report"]
        rows = self._rows(ws, p)
        if len(rows) < 3:
            raise ValueError("fewer than three duplicate copies in the drawn tree")
        good = self._state(ws, p, rows)
        b = VerificationBuilder()
        if p["move"]:
            b.exec(" && ".join(f"mkdir -p {shlex.quote(self._parked(p, r).rpartition('/')[0])} && "
                               f"mv {shlex.quote(r)} {shlex.quote(self._parked(p, r))}" for _, _, r in rows))
        else:
            for _, _, r in rows:
                b.delete(r)
        b.write(report, self._report(p, rows, ws))

        removed = {r[2] for r in rows}
        expected = {"present": {k: hashlib.sha256(v).hexdigest() for k, v in sorted(good.items())},
                    "absent": sorted(removed), "root": root, "digests": sorted({r[0] for r in rows}), "parking": p["parking"] if p["move"] else None,
                    "parked": sorted(self._parked(p, r) for r in removed) if p["move"] else []}
        b.check_files["expected_tree.json"] = json.dumps(expected, indent=1) + "\n"
        b.python_check("tree", f"{len(rows)} copies {'moved to ' + p['parking'] + '/' if p['move'] else 'deleted'}; "
                       f"every kept and unique file is intact.", "check_tree.py", DEDUPE_TREE_CHECK, weight=3)
        b.check_files["expected_report.json"] = json.dumps(
            {"columns": list(p["cols"]), "rows": self._expected_report(p, rows)}, indent=1) + "\n"
        b.python_check("report", f"{report} lists exactly the expected groups in order.", "check_report.py",
                       DEDUPE_REPORT_CHECK, args=[report, "json" if p["json"] else "csv"], weight=3)
        if p["json"]:
            b.check("report-schema", "json_schema", "The report has groups, removed_count and freed_bytes.",
                    path=report, schema={"type": "object", "required": ["groups", "removed_count", "freed_bytes"],
                                         "properties": {"groups": {"type": "array", "items": {
                                             "type": "object", "required": ["sha256", "kept", "removed"]}}}})
            b.check("removed-count", "json_value", f"{len(rows)} copies removed.", path=report,
                    pointer="/removed_count", equals=len(rows))
            freed = sum(len(_raw_bytes(ws.files[r])) for r in removed)
            b.check("freed-bytes", "json_value", f"{freed} bytes freed.", path=report, pointer="/freed_bytes",
                    equals=freed)
        else:
            cols = list(p["cols"])
            b.check("report-columns", "csv_columns", f"Exactly {','.join(cols)}.", path=report, columns=cols, exact=True)
            b.check("removed-count", "csv_value", f"{len(rows)} copies removed.", path=report, column=cols[2],
                    aggregate="count", equals=len(rows))
        # the keep rule, judged on the set where the preferred folder holds the longer path
        shortest = self._rows(ws, p, keep_key=lambda x: (len(x), x))
        kept_by, short_by = {r[0]: r[1] for r in rows}, {r[0]: r[1] for r in shortest}
        pref = next(((kept_by[d], short_by[d]) for d in sorted(kept_by) if short_by.get(d, kept_by[d]) != kept_by[d]), None)
        if pref:
            pref, loser = pref   # the preferred copy is kept; the shorter copy must go
            b.check(f"pref-kept-{vocab.slug(pref.rsplit('/', 1)[1])[:30]}", "file_exists",
                    f"{pref} is kept: its folder ranks first.", path=pref)
            b.check(f"pref-removed-{vocab.slug(loser.rsplit('/', 1)[1])[:30]}", "file_absent",
                    f"{loser} is a copy of {pref} and was removed.", path=loser)
            if not p["json"]:
                b.check("pref-pair", "csv_value", f"{loser} is reported as a copy of {pref}.", path=report,
                        column=p["cols"][1], where={p["cols"][2]: loser}, equals=pref)
        # look-alikes: same name as a copy, other content
        names = {}
        for path in sorted(ws.files):
            if path.startswith(root + "/"):
                names.setdefault(path.rsplit("/", 1)[1], []).append(path)
        hashes = {k: hashlib.sha256(_raw_bytes(v)).hexdigest() for k, v in ws.files.items()}
        dupe_hashes = {r[0] for r in rows}
        look_alikes = [(path, next(q for q in same if hashes[q] in dupe_hashes))
                       for same in names.values() if any(hashes[q] in dupe_hashes for q in same)
                       for path in same if hashes[path] not in dupe_hashes]
        for path, _ in look_alikes[:2]:
            b.check(f"look-alike-{vocab.slug(path)[-40:]}", "file_exists",
                    f"{path} only shares a name with a duplicate: it stays.", path=path)
        outside = sorted(k for k in ws.files if k.startswith(p["outside"] + "/") and hashes[k] in dupe_hashes)
        for path in outside:
            b.check(f"outside-{vocab.slug(path)[-40:]}", "file_exists", f"{path} is outside {root}/.", path=path)
        b.rubric_item("no-collateral", f"Only duplicate copies under {root}/ were touched; no file was renamed, "
                      f"edited or deleted beyond the rule.", ["@transcript"])

        # mutants: each a consistent wrong answer (tree and report agree with each other)
        def spoil(mid: str, desc: str, bad_rows: list[list], report_text: str | None = None):
            if bad_rows == rows and report_text is None:
                return
            m = b.mutant(mid, desc)
            bad = self._state(ws, p, bad_rows)
            for path in sorted(set(good) | set(bad)):
                if path in good and path not in bad:
                    m.delete(path)
                elif path in bad and good.get(path) != bad[path]:
                    m.exec(_restore_cmd(path, bad[path]))
            m.write(report, report_text if report_text is not None else self._report(p, bad_rows, ws))

        spoil("shortest-path-only", "kept the shortest path, ignoring the folder preference", shortest)
        tie_last = self._rows(ws, p, keep_key=lambda x: ({t: i for i, t in enumerate(p["ranked"])}.get(
            x[len(root) + 1:].split("/")[0], len(p["ranked"])), len(x), [-ord(c) for c in x]))
        spoil("tie-last-path", "equal-length copies: kept the last path instead of the first", tie_last)
        if look_alikes:
            path, twin = look_alikes[0]
            digest = hashes[twin]
            kept = next(r[1] for r in rows if r[0] == digest)
            spoil("name-match-removed", f"{path} removed as a duplicate because of its name",
                  sorted(rows + [[digest, kept, path]], key=lambda r: r[2]))
        spoil("outside-included", f"{p['outside']}/ was deduplicated too", self._rows(ws, p, scope=p["outside"]))
        if p["move"]:
            m = b.mutant("copied-not-moved", "the copies were copied into duplicates/ and left in place")
            for r in sorted(removed)[:2]:
                m.exec(_restore_cmd(r, ws.files[r]))
            first = max(removed)
            flat = f"{p['parking']}/{first.rsplit('/', 1)[1]}"
            if flat != self._parked(p, first):
                b.mutant("flattened", "a copy was parked without its folder path").exec(
                    f"mkdir -p {shlex.quote(p['parking'])} && mv {shlex.quote(self._parked(p, first))} {shlex.quote(flat)}")
        else:
            m = b.mutant("copies-left", "two copies were reported but not deleted")
            for r in sorted(removed)[:2]:
                m.exec(_restore_cmd(r, ws.files[r]))
        sha1 = [[hashlib.sha1(_raw_bytes(ws.files[r[2]])).hexdigest(), r[1], r[2]] for r in rows]
        b.mutant("sha1-digests", "the report carries SHA-1 digests, not SHA-256").write(report, self._report(p, sha1, ws))
        if not p["json"]:
            b.mutant("unsorted-report", "report rows in discovery order, not sorted").write(
                report, to_csv(list(p["cols"]), sorted(rows, key=lambda r: (r[1], r[2]), reverse=True)))
        return b.build()


# ------------------------------------------------------------------ travel expense claim

FX_PER_EUR = {"EUR": "1", "USD": "1.085", "GBP": "0.856", "CHF": "0.972", "DKK": "7.458", "SEK": "11.42",
              "NOK": "11.63", "CZK": "25.12", "PLN": "4.318", "HUF": "391.5", "JPY": "164.8"}
WHOLE_UNITS = ("JPY", "HUF")
TRIP_CITIES = (("Zurich", "CHF"), ("Geneva", "CHF"), ("Basel", "CHF"), ("London", "GBP"), ("Manchester", "GBP"),
               ("Edinburgh", "GBP"), ("New York", "USD"), ("Boston", "USD"), ("Chicago", "USD"), ("Copenhagen", "DKK"),
               ("Aarhus", "DKK"), ("Stockholm", "SEK"), ("Malmo", "SEK"), ("Oslo", "NOK"), ("Bergen", "NOK"),
               ("Prague", "CZK"), ("Brno", "CZK"), ("Warsaw", "PLN"), ("Krakow", "PLN"), ("Budapest", "HUF"),
               ("Tokyo", "JPY"), ("Osaka", "JPY"), ("Lyon", "EUR"), ("Berlin", "EUR"), ("Lisbon", "EUR"), ("Ghent", "EUR"))
TRIP_PURPOSES = ("client workshop", "trade fair", "annual conference", "site visit", "training course",
                 "partner meeting", "audit visit", "sales kick-off", "supplier review", "research symposium")
EXPENSE_MERCHANTS = {
    "lodging": ("Hotel Bellevue", "Hotel Central", "Park Hotel", "Astoria Suites", "Riverside Inn", "Hotel Nord"),
    "taxi": ("City Taxi", "Uber *Trip", "Bolt ride", "Taxi Central", "Airport Cab Co"),
    "train": ("Rail ticket office", "Metro travel card", "Airport express", "Regional rail"),
    "meals": ("Brasserie du Parc", "Cafe Lumen", "Noodle Bar 8", "Bistro Verde", "Deli Corner", "Harbour Grill",
              "Sushi Ten", "Pasta Fresca"),
    "conference": ("Summit registration", "Workshop fee", "Expo pass"),
    "parking": ("Airport parking P3", "Long-stay parking", "Park & Fly"),
    "personal": ("Pharmacy Plus", "Souvenir shop", "Bookshop", "Clothing store", "Duty free perfume"),
    "alcohol": ("Wine bar", "Rooftop bar", "Craft beer pub"),
    "minibar": ("Hotel minibar",),
    "entertainment": ("Cinema", "Concert tickets", "Escape room"),
}
CARD_HEADERS = (("txn_id", "date", "merchant", "amount", "currency", "category"),
                ("id", "posted", "description", "amount", "currency", "tag"),
                ("reference", "transaction_date", "payee", "original_amount", "original_currency", "category"))
CENT = Decimal("0.01")


def _amount_text(x: Decimal, currency: str) -> str:
    return f"{x:.0f}" if currency in WHOLE_UNITS else f"{x:.2f}"


def _money(x: Decimal) -> str:
    return f"{x.quantize(CENT, ROUND_HALF_UP):.2f}"


class ExpenseClaim(Family):
    name = "expense-claim"
    domain = "productivity"
    intents = ("report-generation", "data-cleaning", "data-analysis")
    skills = ("csv-filter-rows", "csv-group-aggregate")
    optional_skills = ("json-write", "markdown-report")
    summary = ("File a travel expense claim from a card export and receipt notes: trip dates, reimbursable "
               "categories, caps, per diem, daily exchange rates, a receipt that duplicates a card line.")

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        home = rng.choice(("EUR", "EUR", "EUR", "GBP", "CHF", "USD"))
        city, cur = rng.choice([c for c in TRIP_CITIES if c[1] != home])
        start = dt.date(2024, 1, 8) + dt.timedelta(days=rng.randint(0, 320))
        days = rng.randint(3, 6)
        end = start + dt.timedelta(days=days - 1)
        purpose = rng.choice(TRIP_PURPOSES)
        trip = f"{vocab.slug(city)}-{start.strftime('%Y-%m')}"
        base = rng.choice(("expenses", f"trips/{trip}", f"travel/{start.year}/{vocab.slug(city)}"))
        card = f"{base}/{rng.choice(('card-export', 'corporate-card', 'amex-statement', 'card_transactions'))}.csv"
        receipts = f"{base}/{rng.choice(('receipts', 'receipt-notes', 'scans'))}"
        policy = rng.choice(("policy/travel-policy.yaml", "handbook/expenses.yaml", "travel-policy.yaml"))
        rates_json = rng.random() < 0.4
        rates = rng.choice(("fx/rates", f"{base}/fx-rates", "finance/exchange-rates")) + (".json" if rates_json else ".csv")
        convention = rng.choice(("per_home", "home_per_unit"))
        per_diem = rng.random() < 0.5
        h = home.lower()
        ref, merch = rng.choice(("ref", "source", "receipt_ref")), rng.choice(("merchant", "vendor", "description"))
        cols = ("date", ref, merch, "category", "amount", "currency", f"amount_{h}", f"claimed_{h}", "capped")
        out_dir = rng.choice(("claims", f"{base}/claim", "out"))
        claim = f"{out_dir}/claim-{trip}.csv"
        as_json = ctx.uses("json-write")
        summary = f"{out_dir}/summary-{trip}." + ("json" if as_json else "csv")
        memo = f"{out_dir}/claim-{trip}.md" if ctx.uses("markdown-report") else None
        scols = ("category", "lines", f"claimed_{h}", f"over_cap_{h}")
        if convention == "per_home":
            meaning = f"how many units of the currency one {home} buys, so divide a foreign amount by it"
            col = f"units_per_{h}"
        else:
            meaning = f"the value of one unit of the currency in {home}, so multiply a foreign amount by it"
            col = f"{h}_per_unit"
        rate_where = (f"(column `{col}`: {meaning})" if not rates_json else
                      f"(`rates` maps each date to `{{currency: rate}}`, the rate being {meaning})")
        text = (f"I'm back from the {purpose} in {city} ({start.isoformat()} to {end.isoformat()}, both days "
                f"included) and need to file my expense claim in {home} under `{policy}`.\n\n"
                f"- `{card}`: my corporate-card transactions around the trip, amounts in the original currency;\n"
                f"- `{receipts}/`: one note per paper receipt (Markdown or JSON), some paid cash, some with the card;\n"
                f"- `{rates}`: daily exchange rates {rate_where}. Only working days are listed: for a date "
                f"without a rate use the rate of the most recent earlier date.\n\n"
                f"Write `{claim}` with exactly the columns `{','.join(cols)}`, one row per claimable expense, sorted by "
                f"`date`, then `{ref}`:\n"
                f"- `{ref}`: the card transaction's id, or the receipt note's file name (e.g. `r-12.md`) for an expense "
                f"paid outside the card;\n"
                f"- `{merch}`, `category`, `amount`, `currency`: as on the card line or receipt, `date` as YYYY-MM-DD;\n"
                f"- `amount_{h}`: the amount in {home} at the expense date's rate, rounded half-up to cents "
                f"({home} amounts stay as they are);\n"
                f"- `claimed_{h}`: `amount_{h}`, but at most the policy's cap for the category, if it has one;\n"
                f"- `capped`: `yes` when `amount_{h}` is above the cap, otherwise `no`.\n\n"
                f"An expense is claimable when it falls within the trip dates and the policy reimburses its category. "
                f"A receipt note for a card payment duplicates the card line with the same date, amount and currency: "
                f"claim that expense once, as the card line. Follow the policy for reimbursable categories, caps and "
                f"the per diem, if it has one")
        if per_diem:
            text += (f"; the per diem is claimed as one row per trip day: `{ref}` `per-diem-YYYY-MM-DD`, `{merch}` "
                     f"`Per diem`, category `per-diem`, the daily rate as `amount` in {home}, never capped")
        text += ".\n\n"
        if as_json:
            text += (f"Then write `{summary}` as a JSON object with `currency` (\"{home}\"), `lines` (rows in the claim), "
                     f"`total_claimed` (sum of `claimed_{h}`), `over_cap` (sum of `amount_{h}` minus `claimed_{h}`) and "
                     f"`by_category` (category -> sum of `claimed_{h}`), amounts as numbers rounded to cents.\n")
        else:
            text += (f"Then write `{summary}` with exactly the columns `{','.join(scols)}`: per category in the claim "
                     f"(sorted by category) its number of rows, the sum of `claimed_{h}` and the amount above caps "
                     f"(sum of `amount_{h}` minus `claimed_{h}`), to cents.\n")
        if memo:
            text += (f"\nAlso write `{memo}`, a short note for my manager with the trip, a line `Total claimed: "
                     f"<amount> {home}` (the sum of `claimed_{h}`) and a line `Above caps: <amount> {home}`.\n")
        return TaskPlan(title=f"Expense claim: {purpose} in {city}", domain=self.domain,
                        difficulty=difficulty_for(2 + per_diem + bool(memo) + as_json),
                        capabilities=("cross-file", "fine-grained", "long-range", "error-recovery"), instruction=text,
                        intent=rng.choice(self.intents), expected_artifacts=tuple(x for x in (claim, summary, memo) if x),
                        params={"home": home, "city": city, "cur": cur, "start": start, "end": end, "card": card,
                                "receipts": receipts, "policy": policy, "rates": rates, "rates_json": rates_json,
                                "convention": convention, "rate_col": col, "per_diem": per_diem, "cols": cols,
                                "scols": scols, "claim": claim, "summary": summary, "json": as_json, "memo": memo})

    # -- rates, shared by stages 2 and 3 (stage 3 parses them from the file)
    @staticmethod
    def _convert(amount: Decimal, cur: str, date: str, table: dict, p: dict, exact: bool = False,
                 later: bool = False, inverted: bool = False) -> Decimal:
        if cur == p["home"]:
            return amount
        days = sorted(table[cur])
        if later:
            day = next((d for d in days if d >= date), days[-1])
        else:
            day = max(d for d in days if d <= date)
        r = Decimal(table[cur][day])
        per_home = (p["convention"] == "per_home") != inverted
        v = amount / r if per_home else amount * r
        return v if exact else v.quantize(CENT, ROUND_HALF_UP)

    def _read_rates(self, ws: Workspace, p: dict) -> dict[str, dict[str, str]]:
        table: dict[str, dict[str, str]] = {}
        if p["rates_json"]:
            doc = json.loads(ws.files[p["rates"]])
            for day, row in doc["rates"].items():
                for cur, r in row.items():
                    table.setdefault(cur, {})[day] = str(r)
        else:
            _, rows = parse_csv(ws.files[p["rates"]])
            for day, cur, r in rows:
                table.setdefault(cur, {})[day] = r
        return table

    # -- stage 2
    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        home, cur, start, end = p["home"], p["cur"], p["start"], p["end"]
        others = [c for c in FX_PER_EUR if c not in (home, cur)]
        third = rng.choice(others) if rng.random() < 0.5 else None
        noise = rng.sample([c for c in others if c != third], 2)
        currencies = sorted({cur, *noise, *([third] if third else [])} - {home})
        # daily rates, working days only
        table: dict[str, dict[str, str]] = {c: {} for c in currencies}
        day = start - dt.timedelta(days=24)
        while day <= end + dt.timedelta(days=8):
            if day.weekday() < 5:
                for c in currencies:
                    per_home = Decimal(FX_PER_EUR[c]) / Decimal(FX_PER_EUR[home])
                    per_home *= Decimal(1) + Decimal(rng.randint(-120, 120)) / Decimal(10000)
                    if p["convention"] == "per_home":
                        table[c][day.isoformat()] = f"{per_home:.4f}"
                    else:
                        table[c][day.isoformat()] = f"{Decimal(1) / per_home:.6f}"
            day += dt.timedelta(days=1)
        # policy
        caps = {"lodging": Decimal(rng.choice((140, 150, 160, 180, 200, 220))),
                "taxi": Decimal(rng.choice((40, 45, 50, 60, 75))),
                "meals": Decimal(rng.choice((35, 40, 45, 50, 60)))}
        if rng.random() < 0.5:
            caps["parking"] = Decimal(rng.choice((20, 25, 30)))
        if home in ("JPY", "HUF"):
            raise ValueError("home currency without cents")
        blocked = sorted(rng.sample(("personal", "alcohol", "minibar", "entertainment"), rng.randint(2, 3)))
        per_diem_rate = Decimal(rng.choice((32, 38, 42, 45, 50, 56))) if p["per_diem"] else None
        days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]

        def in_home(v: float) -> Decimal:
            return Decimal(f"{v:.2f}")

        def step(c: str) -> Decimal:
            return Decimal(1) if c in WHOLE_UNITS else Decimal("0.10")

        def untie(amount: Decimal, c: str, date: dt.date) -> Decimal:
            """Nudge an amount whose conversion would land on a half cent (rounding would then be a coin toss)."""
            while True:
                raw = self._convert(amount, c, date.isoformat(), table, p, exact=True) * 100
                if abs(raw - raw.to_integral_value(ROUND_DOWN) - Decimal("0.5")) > Decimal("0.001"):
                    return amount
                amount += step(c)

        def foreign(value_home: float, c: str, date: dt.date) -> Decimal:
            """An amount in currency c worth about value_home on that date."""
            probe = self._convert(Decimal(1), c, date.isoformat(), table, p, exact=True)   # home per 1 unit
            amount = Decimal(value_home) / probe
            return untie(amount.quantize(Decimal(1) if c in WHOLE_UNITS else CENT, ROUND_HALF_UP), c, date)

        items: list[dict] = []   # date, merchant, amount, currency, category, paid ("card" | "cash" | "both")

        def add(date, category, amount, currency, paid="card", merchant=None):
            items.append({"date": date, "merchant": merchant or rng.choice(EXPENSE_MERCHANTS[category]),
                          "amount": amount, "currency": currency, "category": category, "paid": paid})

        hotel = rng.choice(EXPENSE_MERCHANTS["lodging"])
        night = caps["lodging"] * Decimal(rng.choice(("0.78", "0.86", "0.93", "1.12", "1.25")))
        night = foreign(float(night), cur, start)   # the same price every night; its value moves with the rate
        for d in days[:-1]:
            add(d, "lodging", untie(night, cur, d), cur, merchant=f"{hotel} {p['city']}")
        at_cap_cat = "parking" if "parking" in caps and rng.random() < 0.5 else "taxi"
        add(start, at_cap_cat, caps[at_cap_cat], home)                           # exactly at the cap, home currency
        over = "taxi" if p["per_diem"] else rng.choice(("taxi", "meals"))
        d = rng.choice(days)
        add(d, over, foreign(float(caps[over]) * rng.uniform(1.15, 1.45), cur, d), cur)   # above its cap
        for _ in range(rng.randint(3, 5)):
            d = rng.choice(days)
            add(d, "meals", foreign(rng.uniform(9, float(caps["meals"]) * 0.95), cur, d), cur,
                paid=rng.choice(("card", "card", "cash")))
        for _ in range(rng.randint(1, 2)):
            d = rng.choice(days)
            add(d, rng.choice(("train", "taxi")), foreign(rng.uniform(4, 38), cur, d), cur,
                paid=rng.choice(("card", "cash")))
        if rng.random() < 0.6:
            add(start, "conference", in_home(rng.choice((180, 240, 295, 350, 420))), home)
        if third:
            d = rng.choice((start, end))
            add(d, rng.choice(("meals", "taxi", "train")), foreign(rng.uniform(8, 30), third, d), third)
        # not reimbursable, within the trip
        for cat in rng.sample(blocked, min(len(blocked), rng.randint(2, 3))):
            d = rng.choice(days)
            add(d, cat, foreign(rng.uniform(6, 60), cur, d), cur, paid="card" if rng.random() < 0.8 else "cash")
        # outside the trip dates
        before = start - dt.timedelta(days=rng.randint(2, 9))
        add(before, rng.choice(("taxi", "meals", "train")), in_home(rng.uniform(12, 45)), home)
        if rng.random() < 0.6:
            after = end + dt.timedelta(days=rng.randint(1, 4))
            add(after, rng.choice(("meals", "taxi")), in_home(rng.uniform(9, 40)), home,
                paid=rng.choice(("card", "cash")))
        # a card payment that also has a receipt note
        dupe = rng.choice([it for it in items if it["paid"] == "card" and start <= it["date"] <= end
                           and it["category"] in (("lodging", "taxi") if p["per_diem"] else ("lodging", "meals", "taxi"))])
        dupe["paid"] = "both"
        # avoid two card lines that a receipt could match ambiguously
        seen = set()
        for it in items:
            while (it["date"], it["amount"], it["currency"]) in seen:
                it["amount"] = untie(it["amount"] + step(it["currency"]), it["currency"], it["date"])
            seen.add((it["date"], it["amount"], it["currency"]))
        items.sort(key=lambda it: (it["date"], it["merchant"]))

        header = rng.choice(CARD_HEADERS)
        fmt_id = rng.choice(("TX{n}", "C-{n}", "{d}-{n}"))
        ids = iter(rng.sample(range(10000, 99999), len(items) + 8))
        card_rows = []
        for it in items:
            if it["paid"] in ("card", "both"):
                card_rows.append([fmt_id.format(n=next(ids), d=it["date"].strftime("%m%d")), it["date"].isoformat(),
                                  it["merchant"].upper() if rng.random() < 0.3 else it["merchant"],
                                  _amount_text(it["amount"], it["currency"]),
                                  it["currency"], it["category"]])
        # unrelated card lines far from the trip (home currency)
        for _ in range(rng.randint(1, 3)):
            d = start - dt.timedelta(days=rng.randint(10, 20)) if rng.random() < 0.5 else end + dt.timedelta(days=rng.randint(5, 12))
            cat = rng.choice(("meals", "personal", "train"))
            card_rows.append([fmt_id.format(n=next(ids), d=d.strftime("%m%d")), d.isoformat(),
                              rng.choice(EXPENSE_MERCHANTS[cat]), f"{rng.uniform(5, 80):.2f}", home, cat])
        card_rows.sort(key=lambda r: r[1])
        files: dict[str, str] = {p["card"]: to_csv(list(header), card_rows)}
        labels = rng.choice((("Date", "Amount", "Currency", "Category", "Paid with"),
                             ("date", "total", "currency", "category", "payment")))
        numbers = iter(rng.sample(range(1, 99), 20))
        for it in items:
            if it["paid"] not in ("cash", "both"):
                continue
            paid = "card" if it["paid"] == "both" else "cash"
            if rng.random() < 0.6:
                name = f"r-{next(numbers)}.md"
                files[f"{p['receipts']}/{name}"] = (
                    f"# Receipt: {it['merchant']}\n\n" + "".join(
                        f"- {k}: {v}\n" for k, v in zip(labels, (it["date"].isoformat(),
                                                                   _amount_text(it["amount"], it["currency"]), it["currency"],
                                                                   it["category"], paid)))
                    + rng.choice(("", "\nPhoto of the paper receipt is in the shared drive.\n", "\nTip included.\n")))
            else:
                name = f"r-{next(numbers)}.json"
                files[f"{p['receipts']}/{name}"] = json.dumps(
                    {"merchant": it["merchant"], "date": it["date"].isoformat(),
                     "total": _amount_text(it["amount"], it["currency"]),
                     "currency": it["currency"], "category": it["category"], "payment": paid}, indent=2) + "\n"
        # rates file
        if p["rates_json"]:
            by_day: dict[str, dict[str, str]] = {}
            for c in currencies:
                for d, r in table[c].items():
                    by_day.setdefault(d, {})[c] = r
            quote = (f"units of currency per 1 {home}" if p["convention"] == "per_home" else f"{home} per 1 unit of currency")
            files[p["rates"]] = json.dumps({"base": home, "quote": quote, "source": "treasury daily fixing",
                                            "rates": {d: {c: float(r) for c, r in sorted(v.items())}
                                                      for d, v in sorted(by_day.items())}}, indent=1) + "\n"
        else:
            files[p["rates"]] = to_csv(["date", "currency", p["rate_col"]],
                                       sorted([d, c, r] for c in currencies for d, r in table[c].items()))
        policy = {"policy": f"Travel and expenses, {ctx.persona.organisation}", "revision": f"{start.year}-01",
                  "home_currency": home,
                  "reimbursable": sorted(["lodging", "taxi", "train", "meals", "conference"] + (["parking"] if "parking" in caps else [])),
                  "caps": {k: float(v) for k, v in sorted(caps.items())},
                  "cap_rule": f"caps are per expense line in {home}; a line above its cap is reimbursed up to the cap",
                  "not_reimbursable": blocked}
        if per_diem_rate is not None:
            policy["per_diem"] = {"rate": float(per_diem_rate), "per": "trip day, first and last day included",
                                  "covers": ["meals"], "note": "meal receipts are not reimbursed when the per diem is paid"}
        files[p["policy"]] = dump_yaml(policy)
        traps = ["personal-and-blocked-categories", "receipt-duplicates-card-line", "foreign-currency",
                 "line-exactly-at-cap", "line-above-cap", "outside-trip-dates"]
        if any(dt.date.fromisoformat(r[1]).weekday() >= 5 and r[4] != home for r in card_rows):
            traps.append("weekend-rate")
        if third:
            traps.append("third-currency")
        if per_diem_rate is not None:
            traps.append("meals-covered-by-per-diem")
        if rng.random() < 0.5:   # last year's policy, still lying around
            old = dict(policy, revision=f"{start.year - 2}-01", caps={k: float(v) - 10 for k, v in sorted(caps.items())})
            old.pop("per_diem", None)
            stale = p["policy"].replace(".yaml", f"-{start.year - 2}.yaml")
            files[stale] = "# superseded - kept for reference\n" + dump_yaml(old)
            traps.append("superseded-policy")
        return Workspace(files=files, traps=tuple(traps))

    # -- stage 3
    def _expenses(self, ws: Workspace, p: dict) -> list[dict]:
        """Every expense in the card export and the receipt notes, each marked with its source."""
        _, rows = parse_csv(ws.files[p["card"]])
        out = [{"ref": r[0], "date": r[1], "merchant": r[2], "amount": r[3], "currency": r[4], "category": r[5],
                "card": True, "paid_card": True} for r in rows]
        for path in sorted(ws.files):
            if not path.startswith(p["receipts"] + "/"):
                continue
            name, text = path.rsplit("/", 1)[1], ws.files[path]
            if name.endswith(".json"):
                d = json.loads(text)
                rec = {"merchant": d["merchant"], "date": d["date"], "amount": d["total"], "currency": d["currency"],
                       "category": d["category"], "paid": d["payment"]}
            else:
                fields = {k.strip().lower(): v.strip() for k, v in re.findall(r"^- ([^:]+): (.+)$", text, re.MULTILINE)}
                rec = {"merchant": re.search(r"^# Receipt: (.+)$", text, re.MULTILINE).group(1), "date": fields["date"],
                       "amount": fields.get("amount", fields.get("total")), "currency": fields["currency"],
                       "category": fields["category"], "paid": fields.get("paid with", fields.get("payment"))}
            out.append({"ref": name, "card": False, "paid_card": "card" in rec.pop("paid").lower(), **rec})
        return out

    def _claim(self, ws: Workspace, p: dict, blocked_too=False, any_date=False, dupes_too=False, inverted=False,
               later_rate=False, no_caps=False, at_cap_flagged=False, meals_too=False, per_diem_rows=True):
        policy = yaml.safe_load(ws.files[p["policy"]])
        table = self._read_rates(ws, p)
        caps = {k: Decimal(str(v)) for k, v in policy.get("caps", {}).items()}
        allowed = set(policy["reimbursable"]) | (set(policy["not_reimbursable"]) if blocked_too else set())
        per_diem = policy.get("per_diem")
        if per_diem and not meals_too:
            allowed -= set(per_diem.get("covers", []))
        lo, hi = p["start"].isoformat(), p["end"].isoformat()
        expenses = self._expenses(ws, p)
        card_keys = {(e["date"], Decimal(e["amount"]), e["currency"]) for e in expenses if e["card"]}
        rows = []
        for e in expenses:
            if not e["card"] and e["paid_card"] and (e["date"], Decimal(e["amount"]), e["currency"]) in card_keys \
                    and not dupes_too:
                continue
            if e["category"] not in allowed or not (any_date or lo <= e["date"] <= hi):
                continue
            amount = Decimal(e["amount"])
            home = self._convert(amount, e["currency"], e["date"], table, p, later=later_rate, inverted=inverted)
            cap = caps.get(e["category"])
            claimed = home if cap is None or no_caps else min(home, cap)
            above = cap is not None and not no_caps and (home >= cap if at_cap_flagged else home > cap)
            rows.append([e["date"], e["ref"], e["merchant"], e["category"], e["amount"], e["currency"], home, claimed,
                         "yes" if above else "no"])
        if per_diem and per_diem_rows:
            rate = Decimal(str(per_diem["rate"]))
            d = p["start"]
            while d <= p["end"]:
                rows.append([d.isoformat(), f"per-diem-{d.isoformat()}", "Per diem", "per-diem", _money(rate),
                             p["home"], rate, rate, "no"])
                d += dt.timedelta(days=1)
        rows.sort(key=lambda r: (r[0], r[1]))
        return rows

    def _render(self, p: dict, rows: list, summary_from_amount: bool = False) -> dict[str, str]:
        h = p["home"]
        out = {p["claim"]: to_csv(list(p["cols"]), [r[:6] + [_money(r[6]), _money(r[7]), r[8]] for r in rows])}
        cats: dict[str, list[Decimal]] = {}
        for r in rows:
            c = cats.setdefault(r[3], [Decimal(0), Decimal(0), Decimal(0)])
            c[0] += 1
            c[1] += r[6] if summary_from_amount else r[7]
            c[2] += r[6] - r[7]
        total = sum((r[7] for r in rows), Decimal(0))
        over = sum((r[6] - r[7] for r in rows), Decimal(0))
        if summary_from_amount:
            total = sum((r[6] for r in rows), Decimal(0))
        if p["json"]:
            out[p["summary"]] = json.dumps({"currency": h, "lines": len(rows), "total_claimed": float(_money(total)),
                                            "over_cap": float(_money(over)),
                                            "by_category": {k: float(_money(v[1])) for k, v in sorted(cats.items())}},
                                           indent=2) + "\n"
        else:
            out[p["summary"]] = to_csv(list(p["scols"]), [[k, int(v[0]), _money(v[1]), _money(v[2])]
                                                          for k, v in sorted(cats.items())])
        if p["memo"]:
            out[p["memo"]] = (f"# Expense claim: {p['city']}, {p['start'].isoformat()} to {p['end'].isoformat()}\n\n"
                              f"{len(rows)} claimable lines, see `{p['claim']}`.\n\n"
                              f"Total claimed: {_money(total)} {h}\n\nAbove caps: {_money(over)} {h}\n")
        return out

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        rows = self._claim(ws, p)
        cols, scols, claim, summary = list(p["cols"]), list(p["scols"]), p["claim"], p["summary"]
        ref, amt, clm = cols[1], cols[6], cols[7]
        b = VerificationBuilder()
        for path, text in self._render(p, rows).items():
            b.write(path, text)
        b.check("claim-columns", "csv_columns", "The claim has exactly the requested columns.", path=claim,
                columns=cols, exact=True)
        b.check("claim-lines", "csv_value", f"{len(rows)} claimable lines.", path=claim, column=ref,
                aggregate="count", equals=len(rows), weight=2)
        total_home = sum((r[6] for r in rows), Decimal(0))
        total = sum((r[7] for r in rows), Decimal(0))
        b.check("amount-total", "csv_value", f"The converted amounts add up to {_money(total_home)}.", path=claim,
                column=amt, aggregate="sum", approx=float(total_home), tolerance=0.011)
        b.check("claimed-total", "csv_value", f"The claimed amounts add up to {_money(total)}.", path=claim,
                column=clm, aggregate="sum", approx=float(total), tolerance=0.011, weight=2)
        capped = [r for r in rows if r[8] == "yes"]
        b.check("capped-lines", "csv_value", f"{len(capped)} lines are above their cap.", path=claim, column="capped",
                aggregate="count", where={"capped": "yes"}, equals=len(capped))
        policy = yaml.safe_load(ws.files[p["policy"]])
        caps = {k: Decimal(str(v)) for k, v in policy["caps"].items()}
        at_cap = next((r for r in rows if caps.get(r[3]) == r[6]), None)
        if at_cap:
            b.check("at-cap", "csv_value", f"{at_cap[1]} is exactly at the {at_cap[3]} cap: not marked capped.",
                    path=claim, column="capped", where={ref: at_cap[1]}, equals="no")
        foreign = [r for r in rows if r[5] != p["home"]]
        weekend = [r for r in foreign if dt.date.fromisoformat(r[0]).weekday() >= 5]
        for r in (weekend[:1] or foreign[:1]):
            b.check(f"converted-{vocab.slug(r[1])}", "csv_value", f"{r[1]}: {r[4]} {r[5]} is {_money(r[6])} {p['home']}.",
                    path=claim, column=amt, where={ref: r[1]}, approx=float(r[6]), tolerance=0.006)
        # the summary
        cats: dict[str, list[Decimal]] = {}
        for r in rows:
            c = cats.setdefault(r[3], [Decimal(0), Decimal(0)])
            c[0] += r[7]
            c[1] += r[6] - r[7]
        over = sum((v[1] for v in cats.values()), Decimal(0))
        picked = sorted(cats, key=lambda k: (-cats[k][1], k))[:2]   # categories with amounts above caps first
        if p["json"]:
            b.check("summary-total", "json_value", f"Total claimed {_money(total)}.", path=summary,
                    pointer="/total_claimed", approx=float(total), tolerance=0.011, weight=2)
            b.check("summary-over-cap", "json_value", f"{_money(over)} above caps.", path=summary, pointer="/over_cap",
                    approx=float(over), tolerance=0.011)
            for k in picked:
                b.check(f"summary-{vocab.slug(k)}", "json_value", f"{k}: {_money(cats[k][0])} claimed.", path=summary,
                        pointer=f"/by_category/{k}", approx=float(cats[k][0]), tolerance=0.011)
        else:
            b.check("summary-columns", "csv_columns", "The summary has exactly the requested columns.", path=summary,
                    columns=scols, exact=True)
            b.check("summary-over-cap", "csv_value", f"{_money(over)} above caps in all.", path=summary,
                    column=scols[3], aggregate="sum", approx=float(over), tolerance=0.011)
            for k in picked:
                b.check(f"summary-{vocab.slug(k)}", "csv_value", f"{k}: {_money(cats[k][0])} claimed.", path=summary,
                        column=scols[2], where={"category": k}, approx=float(cats[k][0]), tolerance=0.011)
        if p["memo"]:
            b.check("memo-total", "same_value", "The note's total matches the claim.",
                    a={"path": p["memo"], "regex": rf"Total claimed: ([0-9.,]+) {p['home']}"},
                    b={"path": claim, "column": clm, "aggregate": "sum"}, tolerance=0.011)
            b.rubric_item("memo", "The note names the trip and dates and is readable by a manager in a minute.",
                          [p["memo"]])
        b.rubric_item("claim-plausible", "Nothing personal, out-of-trip or covered by the per diem is claimed, and no "
                      "expense appears twice.", [claim])

        def spoil(mid: str, desc: str, bad: list, from_amount: bool = False):
            good = self._render(p, rows)
            wrong = self._render(p, bad, summary_from_amount=from_amount)
            if wrong == good:
                return
            m = b.mutant(mid, desc)
            for path, text in wrong.items():
                if text != good[path]:
                    m.write(path, text)

        spoil("blocked-claimed", "non-reimbursable categories (personal, ...) were claimed", self._claim(ws, p, blocked_too=True))
        spoil("outside-trip", "expenses outside the trip dates were claimed", self._claim(ws, p, any_date=True))
        spoil("receipt-twice", "the receipt of a card payment was claimed besides its card line", self._claim(ws, p, dupes_too=True))
        spoil("rate-inverted", "the exchange rate was applied the wrong way round", self._claim(ws, p, inverted=True))
        spoil("next-day-rate", "weekend expenses took the next working day's rate", self._claim(ws, p, later_rate=True))
        spoil("caps-ignored", "amounts above the caps were claimed in full", self._claim(ws, p, no_caps=True))
        spoil("at-cap-flagged", "a line exactly at its cap was marked capped", self._claim(ws, p, at_cap_flagged=True))
        if policy.get("per_diem"):
            spoil("meals-and-per-diem", "meal receipts were claimed on top of the per diem", self._claim(ws, p, meals_too=True))
            spoil("no-per-diem", "the per diem rows are missing", self._claim(ws, p, per_diem_rows=False))
        spoil("summary-before-caps", "the summary totals the amounts before caps", rows, from_amount=True)
        return b.build()


FAMILIES = [MeetingActions(), DownloadsOrganise(), ContactsMerge(), TimesheetInvoice(), InboxTriage(),
            FileDedupe(), ExpenseClaim()]
