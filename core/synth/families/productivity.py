"""Productivity & collaboration families: action items, a messy downloads folder, contact lists."""
from __future__ import annotations

import datetime as dt
import json
import re

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


FAMILIES = [MeetingActions(), DownloadsOrganise(), ContactsMerge(), TimesheetInvoice(), InboxTriage()]
