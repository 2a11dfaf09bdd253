"""Planning & knowledge management families: dependent schedules, meeting slots, shift rotas, deadline agendas."""
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

PHASES = {
    "event": ("book venue", "confirm catering", "print badges", "send invitations", "brief volunteers", "set up AV",
              "collect RSVPs", "arrange transport", "rehearse run-sheet"),
    "software": ("write spec", "design schema", "build API", "build UI", "write tests", "security review", "load test",
                 "write docs", "deploy to staging", "beta feedback"),
    "office": ("sign lease", "order furniture", "install network", "move equipment", "set up desks", "deep clean",
               "update address", "IT handover"),
    "research": ("ethics approval", "recruit participants", "pilot study", "collect data", "clean data", "analyse",
                 "draft paper", "internal review"),
    "marketing": ("brief agency", "draft copy", "design visuals", "legal review", "build landing page",
                  "schedule posts", "launch ads", "measure results"),
}


def _add_workdays(start: dt.date, n: int, holidays: set[dt.date]) -> dt.date:
    """The date of the n-th working day counted from start (start itself is day 1 if it is a working day)."""
    d, left = start, n
    while True:
        if d.weekday() < 5 and d not in holidays:
            left -= 1
            if left == 0:
                return d
        d += dt.timedelta(days=1)


def _next_workday(d: dt.date, holidays: set[dt.date]) -> dt.date:
    d += dt.timedelta(days=1)
    while d.weekday() >= 5 or d in holidays:
        d += dt.timedelta(days=1)
    return d


class ProjectSchedule(Family):
    name = "project-schedule"
    domain = "planning"
    intents = ("scheduling",)
    skills = ("date-arithmetic", "yaml-read")
    optional_skills = ("markdown-report",)
    summary = "Compute earliest start and finish dates for dependent tasks in working days, skipping weekends and holidays."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        kind = rng.choice(sorted(PHASES))
        project = f"{rng.choice(vocab.TITLE_WORDS)} {rng.choice(('Launch', 'Move', 'Study', 'Release', 'Summit', 'Campaign'))}"
        plan_file = rng.choice(("plan.yaml", "project/tasks.yaml", "planning/tasks.yaml"))
        out = rng.choice(("schedule.csv", "project/schedule.csv", "planning/schedule.csv"))
        summary = "planning/summary.md" if ctx.uses("markdown-report") else None
        n = rng.randint(5, min(9, len(PHASES[kind])))
        text = (f"Schedule the {project} project from `{plan_file}`: every task takes `days` working days and "
                f"starts on the first working day after all tasks in its `after` list have finished (tasks without "
                f"`after` start on the project `start` date, or the next working day if that is not one). Working days "
                f"are Monday to Friday except the dates in `holidays`.\n\nWrite `{out}` with exactly the columns "
                f"`task,start,finish` (dates as YYYY-MM-DD), one row per task in the order of `{plan_file}`.\n")
        if summary:
            text += (f"\nAlso write `{summary}` with a line `Project end: <the latest finish date>`.\n")
        return TaskPlan(title=f"Schedule the {project} project", domain=self.domain,
                        difficulty=difficulty_for(n // 2 - 1 + bool(summary)),
                        capabilities=("long-range", "fine-grained", "cross-file"), instruction=text,
                        intent="scheduling", expected_artifacts=tuple(x for x in (out, summary) if x),
                        params={"kind": kind, "project": project, "plan_file": plan_file, "out": out, "n": n,
                                "summary": summary})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        names = rng.sample(PHASES[p["kind"]], p["n"])
        tasks = []
        for i, name in enumerate(names):
            t = {"name": name, "days": rng.randint(1, 8)}
            if i:
                t["after"] = sorted(rng.sample(names[:i], rng.randint(1, min(2, i))), key=names.index)
            tasks.append(t)
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
        if rng.random() < 0.4:   # a weekend start date
            start += dt.timedelta(days=(5 - start.weekday()) % 7)
        holidays = sorted({start + dt.timedelta(days=rng.randint(3, 40)) for _ in range(rng.randint(1, 3))})
        doc = {"project": p["project"], "start": start.isoformat(), "holidays": [h.isoformat() for h in holidays],
               "tasks": tasks}
        return Workspace(files={p["plan_file"]: dump_yaml(doc), "README.md": f"# {p['project']}\n\nOwner: {ctx.persona.name}\n"},
                         traps=("weekends", "holidays", "multiple-predecessors"))

    def schedule(self, doc: dict, holidays: set[dt.date] | None = None, weekends: bool = True, ignore_first_after: bool = False):
        holidays = {dt.date.fromisoformat(str(h)) for h in doc["holidays"]} if holidays is None else holidays
        start = dt.date.fromisoformat(str(doc["start"]))
        if weekends:
            while start.weekday() >= 5 or start in holidays:
                start += dt.timedelta(days=1)
        rows, finish = [], {}
        for i, t in enumerate(doc["tasks"]):
            after = t.get("after", [])
            if ignore_first_after and i == len(doc["tasks"]) - 1:
                after = after[:1]
            s = start if not after else max(finish[a] for a in after)
            s = s if not after else (_next_workday(s, holidays) if weekends else s + dt.timedelta(days=1))
            f = _add_workdays(s, t["days"], holidays) if weekends else s + dt.timedelta(days=t["days"] - 1)
            finish[t["name"]] = f
            rows.append([t["name"], s.isoformat(), f.isoformat()])
        return rows

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        doc = yaml.safe_load(ws.files[p["plan_file"]])
        rows = self.schedule(doc)
        out = p["out"]
        b = VerificationBuilder()
        b.write(out, to_csv(["task", "start", "finish"], rows))
        b.check("columns", "csv_columns", "Exactly task,start,finish.", path=out, columns=["task", "start", "finish"],
                exact=True, min_rows=len(rows))
        b.check("count", "csv_value", f"{len(rows)} tasks.", path=out, column="task", aggregate="count", equals=len(rows))
        for name, s, f in rows:
            b.check(f"finish-{vocab.slug(name)}", "csv_value", f"{name} finishes {f}.", path=out, column="finish",
                    where={"task": name}, equals=f)
        b.check(f"start-{vocab.slug(rows[0][0])}", "csv_value", f"{rows[0][0]} starts {rows[0][1]}.", path=out,
                column="start", where={"task": rows[0][0]}, equals=rows[0][1])
        end = max(r[2] for r in rows)
        if p["summary"]:
            b.write(p["summary"], f"# {p['project']}\n\nProject end: {end}\n")
            b.check("summary-end", "regex", f"The project ends {end}.", path=p["summary"], pattern=rf"^Project end: {end}\s*$")
        for mid, desc, variant in (("weekends-counted", "weekends counted as working days", self.schedule(doc, weekends=False)),
                                   ("holidays-ignored", "holidays treated as working days", self.schedule(doc, holidays=set())),
                                   ("one-dependency-only", "the last task waits for only its first predecessor",
                                    self.schedule(doc, ignore_first_after=True))):
            if variant != rows:
                b.mutant(mid, desc).write(out, to_csv(["task", "start", "finish"], variant))
        return b.build()


# ------------------------------------------------------------------ meeting slot finder

def _t(s: str) -> int:
    h, m = s.split(":")
    return int(h) * 60 + int(m)


def _hm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class MeetingSlot(Family):
    name = "meeting-slot"
    domain = "planning"
    intents = ("scheduling",)
    skills = ("calendar-slots", "yaml-edit", "yaml-read")
    optional_skills = ()
    summary = "Find the earliest slot free for every required attendee within working hours, ignoring cancelled events."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        monday = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(7, 330))
        monday -= dt.timedelta(days=monday.weekday())
        length = rng.choice((30, 45, 60, 90))
        topic = rng.choice(("quarterly review", "vendor pitch", "design review", "budget sign-off", "onboarding plan",
                            "incident post-mortem", "board prep", "parents' evening plan"))
        folder = rng.choice(("calendars", "cal", "team/calendars"))
        request = rng.choice(("meeting-request.yaml", "requests/next-meeting.yaml", "invite.yaml"))
        hours = rng.choice((("09:00", "17:00"), ("08:30", "16:30"), ("10:00", "18:00")))
        text = (f"Find a slot for the {topic} described in `{request}` and fill in its `slot` "
                f"(`date`, `start`, `end` as YYYY-MM-DD and HH:MM). It must be the earliest {length}-minute slot from "
                f"{monday.isoformat()} through the Friday of that week, between {hours[0]} and {hours[1]} on a weekday, "
                f"where every required attendee is free according to their calendar in `{folder}/`. Events whose "
                f"status is `cancelled` do not block time; optional attendees do not constrain the slot. Slots start "
                f"on the hour or half hour. Leave the rest of `{request}` as it is.\n")
        n_people = rng.randint(3, 5)
        return TaskPlan(title=f"Schedule the {topic}", domain=self.domain, difficulty=difficulty_for(n_people - 1),
                        capabilities=("cross-file", "fine-grained", "long-range"), instruction=text, intent="scheduling",
                        expected_artifacts=(request,),
                        params={"monday": monday, "length": length, "topic": topic, "folder": folder,
                                "request": request, "hours": hours, "n_people": n_people})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        people = vocab.people(rng, p["n_people"])
        required, optional = people[:-1], people[-1:]
        lo, hi = _t(p["hours"][0]), _t(p["hours"][1])
        files = {}
        for who in people:
            events = []
            for day in range(5):
                date = p["monday"] + dt.timedelta(days=day)
                busy_until = lo if day < 2 else lo + rng.choice((0, 30, 60))
                for _ in range(rng.randint(2 if day < 3 else 0, 4)):
                    start = rng.randrange(lo, hi - 30, 30)
                    end = min(hi, start + rng.choice((30, 60, 90, 120)))
                    event = {"date": date.isoformat(), "start": _hm(start), "end": _hm(end),
                             "title": rng.choice(("1:1", "standup", "client call", "focus time", "lunch", "review")),
                             **({"status": "cancelled"} if rng.random() < 0.15 else {})}
                    if day == 4 and end > hi - p["length"]:
                        continue   # Friday's last slot stays free, so the week always has an answer
                    events.append(event)
                del busy_until
            events.sort(key=lambda e: (e["date"], e["start"]))
            files[f"{p['folder']}/{vocab.slug(who)}.yaml"] = dump_yaml({"owner": who, "events": events})
        request = {"title": p["topic"].capitalize(), "organiser": ctx.persona.name, "length_minutes": p["length"],
                   "required": required, "optional": optional, "slot": {"date": None, "start": None, "end": None}}
        files[p["request"]] = dump_yaml(request)
        return Workspace(files=files, traps=("cancelled-events", "optional-attendee", "half-hour-grid"))

    def find(self, ws: Workspace, p: dict, people: list[str], cancelled_blocks: bool = False):
        cals = {}
        for path, text in ws.files.items():
            if path.startswith(p["folder"] + "/"):
                doc = yaml.safe_load(text)
                cals[doc["owner"]] = doc["events"]
        lo, hi = _t(p["hours"][0]), _t(p["hours"][1])
        for day in range(5):
            date = (p["monday"] + dt.timedelta(days=day)).isoformat()
            busy = [(_t(e["start"]), _t(e["end"])) for who in people for e in cals[who]
                    if e["date"] == date and (cancelled_blocks or e.get("status") != "cancelled")]
            for start in range(lo, hi - p["length"] + 1, 30):
                end = start + p["length"]
                if all(end <= b0 or start >= b1 for b0, b1 in busy):
                    return date, _hm(start), _hm(end)
        return None

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        req = yaml.safe_load(ws.files[p["request"]])
        slot = self.find(ws, p, req["required"])
        if slot is None:
            raise ValueError("no common slot in the drawn week")
        b = VerificationBuilder()
        path = p["request"]
        filled = ws.files[path].replace("slot:\n  date: null\n  start: null\n  end: null\n",
                                        f"slot:\n  date: '{slot[0]}'\n  start: '{slot[1]}'\n  end: '{slot[2]}'\n")
        if filled == ws.files[path]:
            raise ValueError("could not place the slot in the request file")
        b.write(path, filled)
        for key, value in zip(("date", "start", "end"), slot):
            b.check(f"slot-{key}", "json_value", f"slot.{key} is {value}.", path=path, pointer=f"/slot/{key}",
                    equals=value, weight=2 if key == "start" else 1)
        b.check("request-kept", "json_value", "The attendee list is unchanged.", path=path, pointer="/required",
                equals=req["required"])
        b.check("length-kept", "json_value", "The length is unchanged.", path=path, pointer="/length_minutes",
                equals=req["length_minutes"])
        for mid, desc, other in (("cancelled-blocks", "cancelled events treated as busy",
                                  self.find(ws, p, req["required"], cancelled_blocks=True)),
                                 ("optional-required", "the optional attendee treated as required",
                                  self.find(ws, p, req["required"] + req["optional"]))):
            if other and other != slot:
                b.mutant(mid, desc).write(path, ws.files[path].replace(
                    "slot:\n  date: null\n  start: null\n  end: null\n",
                    f"slot:\n  date: '{other[0]}'\n  start: '{other[1]}'\n  end: '{other[2]}'\n"))
        end_plus = _hm(_t(slot[2]) + 30)
        b.mutant("too-long", "the slot runs 30 minutes over").edit(path, f"end: '{slot[2]}'", f"end: '{end_plus}'")
        return b.build()


# ------------------------------------------------------------------ backlinks index of a notes folder

NOTE_TOPICS = ("project-atlas", "reading-list", "garden-plan", "q3-goals", "team-rituals", "hiring-loop", "vendor-review",
               "home-network", "tax-2024", "conference-trip", "research-ideas", "book-notes", "recipes", "fitness-log",
               "onboarding", "incident-review", "budget-2025", "learning-rust", "house-move", "podcast-plan",
               "kitchen-remodel", "board-meeting", "grant-ideas", "data-pipeline", "style-guide", "travel-japan",
               "mentoring", "weekly-review", "okrs", "tooling-wishlist", "client-acme", "client-fjord", "lab-protocols",
               "course-notes", "side-project", "wedding-plan", "car-maintenance", "investments", "newsletter-ideas",
               "retro-notes")


class NotesBacklinks(Family):
    name = "notes-backlinks"
    domain = "planning"
    intents = ("knowledge-management",)
    skills = ("markdown-find-replace", "json-write")
    optional_skills = ()
    summary = "Index [[wiki links]] across a notes vault: backlinks per note, orphans and broken links, ignoring code and self-links."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        vault = rng.choice(("notes", "vault", "kb", "wiki"))
        out = rng.choice((f"{vault}/_index/backlinks.json", "index/backlinks.json", "build/links.json"))
        n = rng.randint(5, 10)
        text = (f"Index the links between the notes in `{vault}/` (one Markdown file per note; a note's name is its "
                f"file name without `.md`). A link is `[[name]]` or `[[name|shown text]]`; links inside code blocks "
                f"(between ``` lines) are examples, not links, and a note linking to itself does not count.\n\n"
                f"Write `{out}`, a JSON object with:\n- `backlinks`: for every note, the sorted list of notes that link "
                f"to it (an empty list when none do);\n- `orphans`: the sorted names of notes nothing links to;\n"
                f"- `broken`: the links whose target note does not exist, as `{{\"from\": note, \"to\": target}}` "
                f"objects sorted by from, then to (each pair once).\n")
        return TaskPlan(title=f"Backlinks for the {vault} vault", domain=self.domain, difficulty=difficulty_for(n // 3),
                        capabilities=("cross-file", "fine-grained", "long-range"), instruction=text,
                        intent="knowledge-management", expected_artifacts=(out,),
                        params={"vault": vault, "out": out, "n": n})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        names = rng.sample(NOTE_TOPICS, p["n"])
        missing = rng.sample([t for t in NOTE_TOPICS if t not in names], 2)
        files = {}
        for i, name in enumerate(names):
            lines = [f"# {name.replace('-', ' ').title()}", "", f"Owner: {vocab.person(rng)}. Updated "
                     f"{rng.choice(vocab.MONTHS)}-{rng.randint(1, 28):02d}.", ""]
            for target in rng.sample(names, rng.randint(0, 3)):
                shown = rng.choice((f"[[{target}]]", f"[[{target}|{target.replace('-', ' ')}]]"))
                lines.append(f"- {rng.choice(('see', 'compare', 'more in', 'background:', 'follow-up in'))} {shown} "
                             f"for {rng.choice(vocab.OBJECTS)}")
            lines += [f"- {rng.choice(vocab.VERBS)} {rng.choice(vocab.OBJECTS)}" for _ in range(rng.randint(1, 3))]
            if i == 0:
                lines += ["", "Example of the syntax:", "```", f"[[{names[-1]}]] and [[{missing[0]}]]", "```"]
            if i == 1:
                lines.append(f"- background in [[{missing[1]}]]")
            if i == 2:
                lines.append(f"- this page: [[{name}]]")
            files[f"{p['vault']}/{name}.md"] = "\n".join(lines) + "\n"
        return Workspace(files=files, traps=("links-in-code", "self-links", "aliased-links", "broken-links"))

    def index(self, ws: Workspace, vault: str, count_code: bool = False, count_self: bool = False):
        notes = sorted(x[len(vault) + 1:-3] for x in ws.files if x.startswith(vault + "/") and x.endswith(".md"))
        back = {n: set() for n in notes}
        broken = set()
        for n in notes:
            in_code = False
            for line in ws.files[f"{vault}/{n}.md"].splitlines():
                if line.strip().startswith("```"):
                    in_code = not in_code
                    continue
                if in_code and not count_code:
                    continue
                for target in re.findall(r"\[\[([^\]|]+)(?:\|[^\]]*)?\]\]", line):
                    if target == n and not count_self:
                        continue
                    if target in back:
                        back[target].add(n)
                    else:
                        broken.add((n, target))
        return {"backlinks": {n: sorted(v) for n, v in back.items()},
                "orphans": sorted(n for n, v in back.items() if not v),
                "broken": [{"from": a, "to": b} for a, b in sorted(broken)]}

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        doc = self.index(ws, p["vault"])
        out = p["out"]
        b = VerificationBuilder()
        b.write(out, json.dumps(doc, indent=2) + "\n")
        b.check("schema", "json_schema", "backlinks for every note, orphans, broken.", path=out,
                schema={"type": "object", "required": ["backlinks", "orphans", "broken"],
                        "properties": {"backlinks": {"type": "object", "required": sorted(doc["backlinks"]),
                                                     "additionalProperties": {"type": "array"}}}})
        for n, sources in list(doc["backlinks"].items()):
            b.check(f"backlinks-{n}", "json_value", f"{n} is linked from {sources or 'nothing'}.", path=out,
                    pointer=f"/backlinks/{n}", equals=sources)
        b.check("orphans", "json_value", f"Orphans: {doc['orphans']}.", path=out, pointer="/orphans", equals=doc["orphans"])
        b.check("broken", "json_value", f"{len(doc['broken'])} broken links.", path=out, pointer="/broken",
                equals=doc["broken"], weight=2)
        for mid, desc, variant in (("code-counted", "links inside code blocks were counted", self.index(ws, p["vault"], count_code=True)),
                                   ("self-counted", "self-links were counted", self.index(ws, p["vault"], count_self=True))):
            if variant != doc:
                b.mutant(mid, desc).write(out, json.dumps(variant, indent=2) + "\n")
        b.mutant("alias-in-name", "aliased links kept their shown text in the target").write(out, json.dumps(
            {**doc, "broken": doc["broken"] + [{"from": "x", "to": "x|y"}]}, indent=2) + "\n")
        return b.build()


# ------------------------------------------------------------------ stock reorder plan

class InventoryReorder(Family):
    name = "inventory-reorder"
    domain = "planning"
    intents = ("scheduling", "data-analysis")
    skills = ("csv-filter-rows", "yaml-read")
    optional_skills = ("markdown-report",)
    summary = "Plan purchase orders from stock levels, usage and supplier terms: reorder points, pack sizes, minimum orders."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        goods = rng.choice((("coffee beans", "milk", "cups", "lids", "syrup", "filters", "napkins", "sugar"),
                            ("gloves", "syringes", "swabs", "masks", "bandages", "saline", "gauze", "tape"),
                            ("paper A4", "toner", "pens", "folders", "staples", "labels", "envelopes", "tape"),
                            ("flour", "yeast", "butter", "eggs", "salt", "olive oil", "tomatoes", "basil"),
                            ("bolts M6", "nuts M6", "washers", "cable ties", "fuses", "relays", "sensors", "brackets")))
        stock = rng.choice(("inventory/stock.csv", "data/stock_levels.csv", "stock.csv"))
        terms = rng.choice(("inventory/suppliers.yaml", "purchasing/terms.yaml", "suppliers.yaml"))
        out = rng.choice(("purchasing/reorder.csv", "out/orders.csv", "reorder.csv"))
        safety, cover = rng.choice((2, 3, 5, 7)), rng.choice((14, 21, 30))
        report = "purchasing/summary.md" if ctx.uses("markdown-report") else None
        text = (f"Plan this week's purchase orders from `{stock}` and the supplier terms in `{terms}`.\n\n"
                f"An item needs ordering when `on_hand` is below its reorder point: `daily_usage` x (`lead_time_days` "
                f"+ {safety} safety days). Order enough to cover `daily_usage` x (`lead_time_days` + {safety} + {cover}) "
                f"minus `on_hand`, rounded up to a whole number of packs (`pack_size`), and at least `min_order`. "
                f"Discontinued items are never ordered.\n\nWrite `{out}` with exactly the columns `sku,qty`, sorted by sku.\n")
        if report:
            text += f"\nAlso write `{report}` with a line `Items to order: <number of rows in {out}>`.\n"
        return TaskPlan(title="Plan this week's purchase orders", domain=self.domain,
                        difficulty=difficulty_for(2 + bool(report)), capabilities=("cross-file", "fine-grained"),
                        instruction=text, intent=rng.choice(self.intents), expected_artifacts=tuple(x for x in (out, report) if x),
                        params={"goods": goods, "stock": stock, "terms": terms, "out": out, "safety": safety,
                                "cover": cover, "report": report})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        rows, terms = [], {}
        for i, name in enumerate(p["goods"]):
            sku = f"{vocab.slug(name)[:3].upper()}-{rng.randint(100, 999)}"
            usage = rng.randint(1, 40)
            lead = rng.randint(1, 10)
            point = usage * (lead + p["safety"])
            on_hand = rng.choice((rng.randint(0, max(1, point - 1)), rng.randint(point, point * 2 + 5)))
            if i == 0:
                on_hand = point   # exactly at the reorder point: not below it
            elif i == 2:
                on_hand = rng.randint(0, max(0, point - 1))   # at least one item needs ordering
            status = "discontinued" if i == 1 else "active"
            if i == 1:
                on_hand = 0
            rows.append([sku, name, str(on_hand), str(usage), status])
            terms[sku] = {"supplier": rng.choice(("Nordic Supply", "Acme Wholesale", "Bulkhaus", "Greenline")),
                          "lead_time_days": lead, "pack_size": rng.choice((1, 6, 10, 12, 24, 50)),
                          "min_order": rng.choice((1, 10, 20, 50))}
        rng.shuffle(rows)
        files = {p["stock"]: to_csv(["sku", "name", "on_hand", "daily_usage", "status"], rows),
                 p["terms"]: dump_yaml({"items": terms})}
        return Workspace(files=files, traps=("at-reorder-point", "discontinued", "pack-rounding", "minimum-order"))

    def orders(self, ws: Workspace, p: dict, packs: bool = True, strict: bool = True, skip_discontinued: bool = True):
        import math
        _, rows = parse_csv(ws.files[p["stock"]])
        terms = yaml.safe_load(ws.files[p["terms"]])["items"]
        out = []
        for sku, _, on_hand, usage, status in sorted(rows):
            t = terms[sku]
            if status == "discontinued" and skip_discontinued:
                continue
            point = int(usage) * (t["lead_time_days"] + p["safety"])
            if int(on_hand) < point or (not strict and int(on_hand) <= point):
                need = int(usage) * (t["lead_time_days"] + p["safety"] + p["cover"]) - int(on_hand)
                qty = math.ceil(need / t["pack_size"]) * t["pack_size"] if packs else need
                out.append([sku, str(max(qty, t["min_order"]))])
        return out

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        rows = self.orders(ws, p)
        if not rows:
            raise ValueError("nothing to order in the drawn stock")
        out = p["out"]
        b = VerificationBuilder()
        b.write(out, to_csv(["sku", "qty"], rows))
        b.check("columns", "csv_columns", "Exactly sku,qty.", path=out, columns=["sku", "qty"], exact=True)
        b.check("count", "csv_value", f"{len(rows)} items to order.", path=out, column="sku", aggregate="count",
                equals=len(rows), weight=2)
        for sku, qty in rows:
            b.check(f"qty-{sku.lower()}", "csv_value", f"Order {qty} of {sku}.", path=out, column="qty",
                    where={"sku": sku}, equals=int(qty))
        b.check("sorted", "regex", "Sorted by sku.", path=out,
                pattern=r"\Asku,qty\n" + "".join(rf"{_re(s)},\d+\n" for s, _ in rows) + r"\Z", multiline=False)
        if p["report"]:
            b.write(p["report"], f"# Purchase orders\n\nItems to order: {len(rows)}\n")
            b.check("report-count", "same_value", "The summary counts the order lines.",
                    a={"path": p["report"], "regex": r"^Items to order: (\d+)\s*$"}, b={"path": out, "column": "sku", "aggregate": "count"})
        for mid, desc, variant in (("no-pack-rounding", "quantities not rounded up to packs", self.orders(ws, p, packs=False)),
                                   ("at-point-ordered", "an item exactly at its reorder point was ordered", self.orders(ws, p, strict=False)),
                                   ("discontinued-ordered", "a discontinued item was ordered", self.orders(ws, p, skip_discontinued=False))):
            if variant != rows:
                b.mutant(mid, desc).write(out, to_csv(["sku", "qty"], variant))
        return b.build()


# ------------------------------------------------------------------ weekly shift rota

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

ROTA_SITES = {   # sector -> what the staff do, the role only two people hold, shifts and opening days
    "health": {"place": "clinic", "roles": ("reception", "nurse"), "rare": ("radiographer", "phlebotomist"),
               "shifts": (("morning", "08:00", "14:00"), ("afternoon", "13:00", "19:00")), "mid": ("midday", "10:30", "16:30"),
               "days": DAY_NAMES[:6]},
    "hospitality": {"place": "restaurant", "roles": ("server", "cook"), "rare": ("sommelier", "pastry"),
                    "shifts": (("lunch", "11:00", "16:00"), ("dinner", "16:30", "23:00")), "mid": None,
                    "days": DAY_NAMES[1:]},
    "retail": {"place": "shop", "roles": ("till", "floor"), "rare": ("keyholder", "florist"),
               "shifts": (("open", "08:00", "14:00"), ("close", "13:30", "20:00")), "mid": ("mid", "10:00", "16:00"),
               "days": DAY_NAMES[:6]},
    "logistics": {"place": "depot", "roles": ("picker", "packer"), "rare": ("forklift", "hazmat"),
                  "shifts": (("early", "06:00", "14:00"), ("late", "14:00", "22:00")), "mid": ("day", "09:00", "17:00"),
                  "days": DAY_NAMES[:6]},
    "events": {"place": "venue", "roles": ("steward", "bar"), "rare": ("first-aider", "sound-tech"),
               "shifts": (("day", "10:00", "16:00"), ("evening", "16:00", "23:30")), "mid": None,
               "days": DAY_NAMES[3:]},
    "education": {"place": "library", "roles": ("desk", "shelving"), "rare": ("it-support", "archivist"),
                  "shifts": (("am", "08:00", "13:00"), ("pm", "13:00", "18:00")), "mid": ("evening", "17:00", "21:00"),
                  "days": DAY_NAMES[:5]},
    "facilities": {"place": "site", "roles": ("security", "cleaning"), "rare": ("electrician", "plumber"),
                   "shifts": (("early", "06:00", "14:00"), ("late", "14:00", "22:00")), "mid": None,
                   "days": DAY_NAMES},
    "research": {"place": "lab", "roles": ("technician", "sample-intake"), "rare": ("cryo-operator", "radiation-officer"),
                 "shifts": (("day", "08:00", "16:00"), ("late", "12:00", "20:00")), "mid": None, "days": DAY_NAMES[:5]},
    "other": {"place": "support desk", "roles": ("frontline", "triage"), "rare": ("german-speaker", "billing-specialist"),
              "shifts": (("early", "07:00", "15:00"), ("late", "14:30", "22:30")), "mid": ("core", "09:00", "17:00"),
              "days": DAY_NAMES[:5]},
}

ROTA_CHECK = '''"""One constraint of the week's rota, judged against the facts read from the task's inputs."""
import csv, json, os, sys
from collections import Counter

facts = json.load(open(os.path.join(os.environ["CLAWBENCH_CHECKS"], "rota_facts.json")))
mode = sys.argv[1]


def verdict(ok, observed, expected, message=""):
    print(json.dumps({"passed": bool(ok), "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if ok else 1)


def rows_of(path, cols):
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            return [{k: (r.get(k) or "").strip() for k in cols} for r in csv.DictReader(f)]
    except (OSError, csv.Error, UnicodeDecodeError) as e:
        verdict(False, str(e), "a readable CSV", path)


if mode == "uncovered":
    got = []
    for r in rows_of(facts["uncovered_path"], ("date", "shift", "role", "missing")):
        try:
            got.append([r["date"], r["shift"], r["role"], int(float(r["missing"]))])
        except ValueError:
            verdict(False, r, "missing as a whole number", "bad row")
    want = facts["impossible"]
    verdict(sorted(got) == sorted(want), sorted(got), sorted(want))

rota = rows_of(facts["rota_path"], ("date", "shift", "role", "person"))
staff = facts["staff"]
bad = []
if mode == "coverage":
    short = {(d, s, r): m for d, s, r, m in facts["impossible"]}
    want = {(d, s, r): n - short.get((d, s, r), 0) for d, s, r, n in facts["slots"]}
    got = Counter((r["date"], r["shift"], r["role"]) for r in rota)
    for key in sorted(set(want) | set(got)):
        if got.get(key, 0) != want.get(key, 0):
            bad.append(f"{' '.join(key)}: {got.get(key, 0)} (want {want.get(key, 0)})")
    verdict(not bad, bad[:4], "every place filled as needed", f"{len(bad)} slot(s) off")
elif mode == "roles":
    bad = [f"{r['person']} as {r['role']} on {r['date']}" for r in rota
           if r["person"] not in staff or r["role"] not in staff[r["person"]]["roles"]]
    verdict(not bad, bad[:4], "everyone in a role they hold")
elif mode == "contracted":
    bad = [f"{r['person']} on {r['date']}" for r in rota if r["person"] in staff and r["date"] not in staff[r["person"]]["days"]]
    verdict(not bad, bad[:4], "only contracted days")
elif mode == "leave":
    bad = [f"{r['person']} on {r['date']}" for r in rota if r["person"] in staff and r["date"] in staff[r["person"]]["leave"]]
    verdict(not bad, bad[:4], "nobody on leave")
elif mode == "hours":
    hours = Counter()
    for r in rota:
        hours[r["person"]] += facts["shift_hours"].get(r["shift"], 0)
    bad = [f"{p}: {h:g} h > {staff[p]['max_hours']:g}" for p, h in sorted(hours.items())
           if p in staff and h > staff[p]["max_hours"] + 1e-9]
    verdict(not bad, bad[:4], "within every weekly cap")
elif mode == "double":
    seen = Counter((r["person"], r["date"]) for r in rota)
    bad = [f"{p} on {d}: {n} shifts" for (p, d), n in sorted(seen.items()) if n > 1]
    verdict(not bad, bad[:4], "at most one shift a day each")
verdict(False, mode, "a known mode", "unknown mode")
'''


def _hours(start: str, end: str) -> float:
    return (_t(end) - _t(start)) / 60


def _greedy_rota(slots: list[tuple[str, str, str, int]], shift_hours: dict[str, float], staff: dict[str, dict]):
    """A rota filling each slot with eligible people (role held, contracted and not on leave that date, no other
    shift that day, weekly cap kept): within a day the scarcest slots first, and among candidates first whoever
    has the fewest remaining days to spend their remaining hours on. Returns (rows, shortages)."""
    used = {n: 0.0 for n in staff}
    working: set[tuple[str, str]] = set()
    rows, short = [], []
    dates = sorted({s[0] for s in slots})

    def free(n: str, date: str) -> bool:
        return date in staff[n]["days"] and date not in staff[n]["leave"]

    for date in dates:
        day = [s for s in slots if s[0] == date]
        day.sort(key=lambda s: (sum(1 for n in staff if s[2] in staff[n]["roles"] and free(n, date)) - s[3], s[1], s[2]))
        for d, shift, role, needed in day:
            h = shift_hours[shift]
            got = 0
            for _ in range(needed):
                cands = [n for n in staff if role in staff[n]["roles"] and free(n, d) and (n, d) not in working
                         and used[n] + h <= staff[n]["max_hours"] + 1e-9]
                if not cands:
                    break
                later = {n: sum(1 for x in dates if x > d and free(n, x)) for n in cands}
                pick = min(cands, key=lambda n: (later[n] - (staff[n]["max_hours"] - used[n]) / h,
                                                 len(staff[n]["roles"]), used[n], n))
                used[pick] += h
                working.add((pick, d))
                rows.append((d, shift, role, pick))
                got += 1
            if got < needed:
                short.append((d, shift, role, needed - got))
    return rows, short


def _impossible(slots, staff) -> list[tuple[str, str, str, int]]:
    """Slots that nobody could fill whatever the rest of the rota: fewer eligible people that day than needed."""
    out = []
    for d, shift, role, needed in slots:
        n = sum(1 for p in staff.values() if role in p["roles"] and d in p["days"] and d not in p["leave"])
        if n < needed:
            out.append((d, shift, role, needed - n))
    return out


class ShiftRota(Family):
    name = "shift-rota"
    domain = "planning"
    intents = ("scheduling",)
    skills = ("csv-inspect", "date-arithmetic", "yaml-read")
    optional_skills = ("calendar-slots",)
    summary = "Draw up a week's shift rota meeting coverage, roles, contracted days, leave and weekly hour caps; list what cannot be covered."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        site = ROTA_SITES.get(ctx.persona.sector, ROTA_SITES["other"])
        monday = dt.date(2024, 1, 1) + dt.timedelta(days=7 * rng.randint(1, 50))
        week = monday.isocalendar()[1]
        folder = rng.choice(("rota", "rotas", "staffing", "schedule"))
        out = rng.choice((f"{folder}/week-{week:02d}.csv", f"{folder}/rota-{monday.isoformat()}.csv",
                          f"{folder}/{monday.isoformat()}/rota.csv"))
        uncovered = rng.choice((f"{folder}/uncovered-week-{week:02d}.csv", f"{folder}/gaps-{monday.isoformat()}.csv",
                                f"{folder}/unfilled.csv"))
        staff = rng.choice(("staff.csv", f"{folder}/staff.csv", "hr/staff-list.csv", "team.csv"))
        ics = ctx.uses("calendar-slots")
        leave = rng.choice(("leave.ics", "calendars/leave.ics", f"{folder}/absences.ics") if ics else
                           ("leave.yaml", "hr/leave-requests.yaml", f"{folder}/absences.yaml"))
        coverage = rng.choice(("coverage.yaml", f"{folder}/coverage.yaml", "config/shift-needs.yaml"))
        impossible = rng.random() < 0.5
        three = bool(site["mid"]) and rng.random() < 0.35
        leave_rule = ("Leave is the all-day events in that calendar: the person is the event's `ATTENDEE` (its `CN`), "
                      "the leave runs from `DTSTART` up to but not including `DTEND` (as iCalendar all-day events do), "
                      "and events with `STATUS:CANCELLED` are not leave."
                      if ics else
                      "Only requests with status `approved` are leave (declined or pending ones are not); `from` and "
                      "`to` are both days off.")
        text = (f"Please draw up the {site['place']} rota for the week starting Monday {monday.isoformat()}. "
                f"`{staff}` lists everyone with the roles they can cover, their weekly hour cap and their contracted "
                f"days; `{leave}` holds the leave; `{coverage}` says which shifts run on which days, their times, and "
                f"how many people of each role every shift needs.\n\n"
                f"Write `{out}` with exactly the columns `date,shift,role,person` (date as YYYY-MM-DD, shift and role "
                f"as named in `{coverage}`, person exactly as in `{staff}`), one row per person per shift, so that:\n"
                f"- every shift gets exactly the number of people it needs for each role (no extras), and everyone "
                f"covers a role listed for them;\n"
                f"- people only work on their contracted days and never on a day of leave. {leave_rule}\n"
                f"- nobody works more than one shift a day, and nobody goes over their weekly hour cap (a shift counts "
                f"its full length, end time minus start time).\n\n"
                f"Fill every place that can be filled. If a role on a shift cannot be covered because too few people "
                f"with that role can work that day, leave those places empty and list them in `{uncovered}` with the "
                f"columns `date,shift,role,missing` (missing = how many people short); if everything is covered, "
                f"write just that header line.\n")
        return TaskPlan(title=f"Week rota from {monday.isoformat()}", domain=self.domain,
                        difficulty=difficulty_for(2 + impossible + three + ics),
                        capabilities=("cross-file", "fine-grained", "long-range"), instruction=text, intent="scheduling",
                        expected_artifacts=(out, uncovered),
                        params={"site": site, "monday": monday, "folder": folder, "out": out, "uncovered": uncovered,
                                "staff": staff, "leave": leave, "ics": ics, "coverage": coverage,
                                "impossible": impossible, "three": three})

    # -- stage 2 -----------------------------------------------------------------------------------
    def _draw(self, rng, p: dict, extra: int):
        site = p["site"]
        days = list(site["days"])
        if len(days) == 7 and rng.random() < 0.5:
            days = days[:6]
        shifts = list(site["shifts"]) + ([site["mid"]] if p["three"] else [])
        common, rare = list(site["roles"]), rng.choice(site["rare"])
        rare_days = sorted(rng.sample(days, rng.randint(2, min(4, len(days)))), key=days.index)
        need = {}
        for day in days:
            for i, (sname, _, _) in enumerate(shifts):
                roles = {common[0]: rng.choice((1, 1, 2)), common[1]: rng.choice((1, 1, 2) if i < 2 else (0, 1))}
                if day in rare_days and i == (0 if day != rare_days[0] else rng.randrange(2)):
                    roles[rare] = 1
                need[(day, sname)] = {r: n for r, n in roles.items() if n}
        n_slots = sum(sum(v.values()) for v in need.values())
        hours = {s: _hours(a, b) for s, a, b in shifts}
        long = max(hours.values())
        names = vocab.people(rng, 40)
        staff: dict[str, dict] = {}
        # the two rare-role holders; holder A takes leave on a day the role is needed
        leave_day = rng.choice(rare_days)
        a_days = sorted(set(rng.sample(days, min(5, len(days)))) | {leave_day}, key=days.index)
        others = [d for d in days if d != leave_day]
        b_days = sorted(set(rng.sample(others, min(4, len(others)))) | (set() if p["impossible"] else {leave_day}),
                        key=days.index)
        if p["impossible"]:
            b_days = [d for d in b_days if d != leave_day]
        staff[names[0]] = {"roles": [rare, rng.choice(common)], "max": 40, "days": a_days}
        staff[names[1]] = {"roles": [rng.choice(common), rare], "max": rng.choice((30, 32, 36, 40)), "days": b_days}
        # part-timers: fewer hours than their contracted days would allow
        n_part = rng.randint(1, 2)
        for i in range(n_part):
            pdays = sorted(rng.sample(days, min(len(days), rng.randint(3, 4))), key=days.index)
            shifts_allowed = rng.randint(1, len(pdays) - 1)
            cap = int(shifts_allowed * long + rng.randint(0, max(1, int(long) - 2)))
            staff[names[2 + i]] = {"roles": [rng.choice(common)], "max": cap, "days": pdays}
        n_full = max(3, round(n_slots / 4.2)) + extra
        for i in range(n_full):
            fdays = sorted(rng.sample(days, min(5, len(days))), key=days.index)
            roles = rng.sample(common, rng.choice((1, 1, 2)))
            staff[names[2 + n_part + i]] = {"roles": roles, "max": rng.choice((32, 35, 37.5, 38, 40)), "days": fdays}
        return days, shifts, need, staff, leave_day, names[0]

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        monday = p["monday"]
        for attempt in range(60):
            days, shifts, need, staff, leave_day, holder = self._draw(rng, p, attempt // 4)
            date_of = {d: (monday + dt.timedelta(days=DAY_NAMES.index(d))).isoformat() for d in days}
            leave = {holder: {date_of[leave_day]}}
            # one more approved leave for a regular worker on a contracted day
            others = [n for n in staff if n != holder]
            extra_person = rng.choice(others[2:] or others)
            extra_day = rng.choice(staff[extra_person]["days"])
            leave[extra_person] = {date_of[extra_day]}
            if rng.random() < 0.5 and DAY_NAMES.index(extra_day) + 1 < len(DAY_NAMES) and \
                    DAY_NAMES[DAY_NAMES.index(extra_day) + 1] in days:
                leave[extra_person].add(date_of[DAY_NAMES[DAY_NAMES.index(extra_day) + 1]])
            facts = {n: {"roles": set(s["roles"]), "max_hours": s["max"], "days": {date_of[d] for d in s["days"]},
                         "leave": leave.get(n, set())} for n, s in staff.items()}
            slots = [(date_of[d], s, r, n) for (d, s), roles in need.items() for r, n in roles.items()]
            hours = {s: _hours(a, b) for s, a, b in shifts}
            impossible = _impossible(slots, facts)
            _, short = _greedy_rota(slots, hours, facts)
            if sorted(short) == sorted(impossible) and bool(impossible) == p["impossible"]:
                break
        else:
            raise ValueError("no feasible staff draw")
        files = {}
        # the staff list
        cols = (rng.choice(("name", "staff_member", "employee")), rng.choice(("roles", "skills", "trained_for")),
                rng.choice(("max_hours", "max_hours_week", "weekly_cap_h")), rng.choice(("days", "contracted_days", "works")))
        sep = rng.choice((";", "/", " "))
        order = list(staff)
        rng.shuffle(order)
        files[p["staff"]] = to_csv(list(cols), [[n, sep.join(staff[n]["roles"]), f"{staff[n]['max']:g}",
                                                 sep.join(staff[n]["days"])] for n in order])
        # leave: approved entries, a declined/cancelled one, and one from last week
        entries = []
        for n, ds in leave.items():
            ds = sorted(ds)
            entries.append((n, ds[0], ds[-1], True, rng.choice(("annual", "training", "medical", "family"))))
        decl = rng.choice([n for n in staff if n not in leave])
        decl_day = rng.choice(staff[decl]["days"])
        entries.append((decl, date_of[decl_day], date_of[decl_day], False, rng.choice(("annual", "appointment"))))
        old = rng.choice(list(staff))
        old_from = (monday - dt.timedelta(days=rng.randint(4, 7))).isoformat()
        entries.append((old, old_from, (monday - dt.timedelta(days=rng.randint(1, 3))).isoformat(), True, "annual"))
        rng.shuffle(entries)
        org = ctx.persona.organisation
        if p["ics"]:
            lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//{org}//Leave planner//EN"]
            for i, (n, a, z, ok, kind) in enumerate(entries):
                end = (dt.date.fromisoformat(z) + dt.timedelta(days=1)).strftime("%Y%m%d")
                lines += ["BEGIN:VEVENT", f"UID:leave-{i + 1}@{vocab.slug(org)}.example",
                          f"SUMMARY:{kind.capitalize()} leave", f"ATTENDEE;CN={n}:mailto:{vocab.handle(n)}@{vocab.slug(org)}.example",
                          f"DTSTART;VALUE=DATE:{a.replace('-', '')}", f"DTEND;VALUE=DATE:{end}",
                          f"STATUS:{'CONFIRMED' if ok else 'CANCELLED'}", "END:VEVENT"]
            files[p["leave"]] = "\n".join(lines + ["END:VCALENDAR"]) + "\n"
        else:
            reqs = [{"person": n, "from": a, "to": z, "type": kind,
                     "status": "approved" if ok else rng.choice(("declined", "pending"))} for n, a, z, ok, kind in entries]
            files[p["leave"]] = dump_yaml({"requests": reqs})
        # coverage: a list of needs or a per-day mapping
        head = {"site": f"{p['site']['place']} at {org}", "week_of": monday.isoformat(),
                "shifts": {s: {"start": a, "end": b} for s, a, b in shifts}}
        if rng.random() < 0.5:
            head["needs"] = [{"day": d, "shift": s, "roles": dict(roles)} for (d, s), roles in need.items()]
        else:
            head["coverage"] = {d: {s: dict(need[(d, s)]) for s, _, _ in shifts} for d in days}
        files[p["coverage"]] = dump_yaml(head)
        # last week's rota, for the format (other dates)
        last = []
        for (d, s), roles in list(need.items())[:4]:
            date = (monday - dt.timedelta(days=7 - DAY_NAMES.index(d))).isoformat()
            taken = {row[3] for row in last if row[0] == date}
            for r in roles:
                who = [n for n in sorted(staff) if r in staff[n]["roles"] and n not in taken]
                if who:
                    taken.add(who[len(last) % len(who)])
                    last.append([date, s, r, who[len(last) % len(who)]])
        week = (monday - dt.timedelta(days=7)).isocalendar()[1]
        files[f"{p['folder']}/archive/week-{week:02d}.csv"] = to_csv(["date", "shift", "role", "person"], last)
        files["README.md"] = (f"# {org} staffing\n\nRotas are published every Thursday for the following week by "
                              f"{ctx.persona.name}. Closed days have no shifts.\n")
        traps = ["leave-day", "part-timer", "rare-role", "last-week-rota", "declined-leave"]
        if p["impossible"]:
            traps.append("uncoverable-slot")
        return Workspace(files=files, traps=tuple(traps))

    # -- stage 3 -----------------------------------------------------------------------------------
    def facts(self, ws: Workspace, p: dict):
        cov = yaml.safe_load(ws.files[p["coverage"]])
        monday = dt.date.fromisoformat(str(cov["week_of"]))
        date_of = {d: (monday + dt.timedelta(days=i)).isoformat() for i, d in enumerate(DAY_NAMES)}
        shift_order = list(cov["shifts"])
        hours = {s: _hours(v["start"], v["end"]) for s, v in cov["shifts"].items()}
        slots = []
        if "needs" in cov:
            for e in cov["needs"]:
                slots += [(date_of[e["day"]], e["shift"], r, n) for r, n in e["roles"].items() if n]
        else:
            for d, per in cov["coverage"].items():
                for s, roles in per.items():
                    slots += [(date_of[d], s, r, n) for r, n in (roles or {}).items() if n]
        _, rows = parse_csv(ws.files[p["staff"]])
        staff = {}
        for name, roles, cap, days in rows:
            split = re.split(r"[;/ ]+", roles.strip()), re.split(r"[;/ ]+", days.strip())
            staff[name] = {"roles": set(split[0]), "max_hours": float(cap), "days": {date_of[d] for d in split[1]},
                           "leave": set()}
        text = ws.files[p["leave"]]
        if p["ics"]:
            for block in text.split("BEGIN:VEVENT")[1:]:
                f = dict(re.findall(r"^([A-Z]+)[^:\n]*:(.*)$", block, re.MULTILINE))
                who = re.search(r"^ATTENDEE;CN=([^:;]+)", block, re.MULTILINE).group(1)
                if f["STATUS"] == "CANCELLED" or who not in staff:
                    continue
                d, end = dt.datetime.strptime(f["DTSTART"], "%Y%m%d").date(), dt.datetime.strptime(f["DTEND"], "%Y%m%d").date()
                while d < end:
                    staff[who]["leave"].add(d.isoformat())
                    d += dt.timedelta(days=1)
        else:
            for r in yaml.safe_load(text)["requests"]:
                if r["status"] != "approved" or r["person"] not in staff:
                    continue
                d, end = dt.date.fromisoformat(str(r["from"])), dt.date.fromisoformat(str(r["to"]))
                while d <= end:
                    staff[r["person"]]["leave"].add(d.isoformat())
                    d += dt.timedelta(days=1)
        return slots, hours, staff, shift_order

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        slots, hours, staff, shift_order = self.facts(ws, p)
        impossible = _impossible(slots, staff)
        rows, short = _greedy_rota(slots, hours, staff)
        if sorted(short) != sorted(impossible):
            raise ValueError("the greedy rota leaves a coverable slot empty")

        def key(r):
            return r[0], shift_order.index(r[1]), r[2], r[3]

        def rota_csv(rs):
            return to_csv(["date", "shift", "role", "person"], sorted(rs, key=key))

        def gaps_csv(gs):
            return to_csv(["date", "shift", "role", "missing"], [[d, s, r, str(m)] for d, s, r, m in sorted(gs, key=key)])

        out, unc = p["out"], p["uncovered"]
        b = VerificationBuilder()
        b.write(out, rota_csv(rows))
        b.write(unc, gaps_csv(impossible))
        b.check_files["rota_facts.json"] = json.dumps({
            "rota_path": out, "uncovered_path": unc, "shift_hours": hours,
            "slots": [list(s) for s in slots], "impossible": [list(s) for s in impossible],
            "staff": {n: {"roles": sorted(s["roles"]), "max_hours": s["max_hours"], "days": sorted(s["days"]),
                          "leave": sorted(s["leave"])} for n, s in staff.items()}}, indent=1) + "\n"
        filled = sum(s[3] for s in slots) - sum(s[3] for s in impossible)
        b.check("rota-columns", "csv_columns", "The rota has exactly date,shift,role,person.", path=out,
                columns=["date", "shift", "role", "person"], exact=True, min_rows=1)
        b.check("uncovered-columns", "csv_columns", "The uncovered list has exactly date,shift,role,missing.", path=unc,
                columns=["date", "shift", "role", "missing"], exact=True)
        b.check("rota-size", "csv_value", f"{filled} places filled in all.", path=out, column="person",
                aggregate="count", equals=filled)
        for mode, cid, desc, weight in (
                ("coverage", "coverage", "Every shift has exactly the people it needs per role (only uncoverable places empty).", 3),
                ("roles", "roles-held", "Everyone covers a role they hold.", 1),
                ("contracted", "contracted-days", "Nobody works outside their contracted days.", 2),
                ("leave", "leave-respected", "Nobody is scheduled on a day of approved leave.", 2),
                ("hours", "hour-caps", "Nobody goes over their weekly hour cap.", 2),
                ("double", "one-shift-a-day", "Nobody works two shifts on one day.", 2),
                ("uncovered", "uncovered-listed", f"{unc} lists exactly the {len(impossible)} uncoverable place(s).", 2)):
            b.python_check(cid, desc, "check_rota.py", ROTA_CHECK, args=[mode], weight=weight)
        b.rubric_item("gaps-explained", "The final reply says whether any shift stays uncovered and, if so, why "
                      "(who holds the role and why they cannot work that day).", ["@transcript"])

        # near misses, each breaking one rule on top of the reference rota
        working = {(r[3], r[0]) for r in rows}
        used = {n: sum(hours[r[1]] for r in rows if r[3] == n) for n in staff}

        def swap(i: int, person: str):
            rs = list(rows)
            rs[i] = (*rs[i][:3], person)
            return rs

        def first(pred):
            for i, r in enumerate(rows):
                for n in sorted(staff):
                    if n != r[3] and r[2] in staff[n]["roles"] and pred(n, r):
                        return i, n
            return None

        for mid, desc, pred in (
                ("leave-scheduled", "someone is scheduled on a day of approved leave",
                 lambda n, r: r[0] in staff[n]["leave"] and r[0] in staff[n]["days"]),
                ("hours-exceeded", "a part-timer gets one shift more than their hour cap allows",
                 lambda n, r: r[0] in staff[n]["days"] and r[0] not in staff[n]["leave"] and (n, r[0]) not in working
                 and used[n] + hours[r[1]] > staff[n]["max_hours"]),
                ("double-booked", "someone works two shifts on the same day",
                 lambda n, r: (n, r[0]) in working),
                ("outside-contract", "someone works a day they are not contracted for",
                 lambda n, r: r[0] not in staff[n]["days"] and (n, r[0]) not in working)):
            hit = first(pred)
            if hit:
                b.mutant(mid, desc).write(out, rota_csv(swap(*hit)))
            elif mid == "hours-exceeded":   # nobody is one shift from their cap: give the tightest person more shifts
                for n in sorted(staff, key=lambda n: (staff[n]["max_hours"] - used[n], n)):
                    rs, h, days_on = list(rows), used[n], {r[0] for r in rows if r[3] == n}
                    for i, r in enumerate(rs):
                        if h > staff[n]["max_hours"]:
                            break
                        if r[3] != n and r[2] in staff[n]["roles"] and r[0] in staff[n]["days"] and \
                                r[0] not in staff[n]["leave"] and r[0] not in days_on:
                            rs[i], h = (*r[:3], n), h + hours[r[1]]
                            days_on.add(r[0])
                    if h > staff[n]["max_hours"]:
                        b.mutant(mid, f"{n} is given shifts beyond their hour cap").write(out, rota_csv(rs))
                        break
        # a coverable place left empty and reported as a gap
        i = max(range(len(rows)), key=lambda k: key(rows[k]))
        d, s, r, _ = rows[i]
        b.mutant("coverable-left-empty", "a place that could be filled is left empty and listed as uncovered").write(
            out, rota_csv(rows[:i] + rows[i + 1:])).write(unc, gaps_csv([*impossible, (d, s, r, 1)]))
        if impossible:
            d, s, r, _ = impossible[0]
            sub = next((n for n in sorted(staff) if d in staff[n]["days"] and d not in staff[n]["leave"]
                        and (n, d) not in working), None)
            if sub:
                b.mutant("unqualified-cover", f"the {r} place is filled by someone without that role").write(
                    out, rota_csv([*rows, (d, s, r, sub)])).write(unc, gaps_csv(impossible[1:]))
            b.mutant("gaps-not-listed", "the uncovered place is not listed").write(unc, gaps_csv([]))
        return b.build()


# ------------------------------------------------------------------ deadline agenda (start-by dates)

DELIVERABLES = {
    "legal": ("Defence filing", "Disclosure list", "Witness statements", "Expert report", "Trial bundle",
              "Skeleton argument", "Costs budget", "Reply to settlement offer", "Client update letter", "Exhibit index",
              "Case management form", "Chronology of events", "Court fee payment"),
    "nonprofit": ("Quarterly funder report", "Impact survey", "Board pack", "Audit pack", "Gift Aid claim",
                  "Volunteer newsletter", "Grant renewal application", "Budget reforecast", "Annual review draft",
                  "Trustee minutes", "Donor thank-you letters", "Safeguarding review", "Campaign evaluation"),
    "agency": ("Homepage mockups", "Brand guidelines", "Copy deck", "Sprint demo", "Analytics report", "Ad creatives",
               "Sitemap sign-off", "Launch checklist", "Usability test report", "Content calendar", "SEO audit",
               "Client invoice pack", "Social media kit"),
    "research": ("Ethics renewal", "Conference abstract", "Journal resubmission", "Progress report",
                 "Data management plan", "Conference poster", "Thesis chapter draft", "Reviewer response",
                 "Equipment booking form", "Lab safety audit", "Interim grant report", "Seminar slides", "Sample shipment"),
    "education": ("Mock exam papers", "Coursework marks", "Parent reports", "Trip risk assessment", "Moderation sample",
                  "Department budget", "Scheme of work", "Exam entries", "Open evening slides", "Predicted grades",
                  "Reading list", "Science lab order", "Revision timetable"),
    "software": ("Release candidate", "Security review", "API deprecation notice", "Migration guide",
                 "Load test report", "Roadmap update", "Beta feedback summary", "Pricing page copy", "SDK docs",
                 "Incident review", "Compliance evidence", "Feature flag cleanup", "Status page update"),
    "facilities": ("Fire alarm test", "Boiler service", "Lift inspection", "Lease renewal notice", "Energy report",
                   "Cleaning tender", "Roof survey", "Access badge audit", "Insurance renewal", "Asbestos register update",
                   "Water hygiene check", "Parking permits", "Generator load test"),
    "events": ("Venue contract", "Catering numbers", "Speaker briefs", "Run-sheet", "Badge print file", "AV order",
               "Security plan", "Sponsor logos", "Transport schedule", "Volunteer rota", "Signage proofs",
               "Post-event survey", "Accessibility plan"),
    "health": ("Infection control audit", "Equipment calibration", "Patient survey", "Fire drill", "Staff appraisals",
               "Controlled drugs check", "Inspection evidence pack", "Training matrix update", "Complaints report",
               "Vaccine order", "Clinical audit", "Locum bookings", "Data protection review"),
    "logistics": ("Customs filing", "Carrier contract renewal", "Peak season plan", "Fleet inspection", "Warehouse audit",
                  "Tender response", "Route review", "Damage claims batch", "Pallet stocktake", "Driver training log",
                  "Fuel report", "Insurance certificate", "Returns process update"),
    "finance": ("VAT return", "Payroll run", "Audit pack", "Board report", "Budget forecast", "Supplier review",
                "Insurance renewal", "Expense policy update", "Pension filing", "Year-end stocktake",
                "Bank reconciliation", "Management accounts", "Price list update"),
}
SECTOR_DELIVERABLES = {"legal": "legal", "nonprofit": "nonprofit", "agency": "agency", "marketing": "agency",
                       "research": "research", "education": "education", "tech": "software", "software": "software",
                       "facilities": "facilities", "events": "events", "health": "health", "logistics": "logistics"}
HOLIDAY_NAMES = ("Bank holiday", "Public holiday", "Founders' Day", "Office closure", "Regional holiday",
                 "Company day off", "National day", "Staff wellbeing day", "Office move (closed)")


def _workday(d: dt.date, holidays: set[dt.date]) -> bool:
    return d.weekday() < 5 and d not in holidays


def _step_workdays(d: dt.date, n: int, holidays: set[dt.date], direction: int = -1) -> dt.date:
    """Move n working days back (direction -1) or forward (+1) from d, not counting d itself (WORKDAY)."""
    while n > 0:
        d += dt.timedelta(days=direction)
        if _workday(d, holidays):
            n -= 1
    return d


def _start_by(due: dt.date, lead: int, holidays: set[dt.date], move: bool = True, calendar: bool = False,
              off_by_one: bool = False) -> tuple[dt.date, dt.date]:
    """(the due date moved back onto a working day, the start-by date)."""
    if move:
        while not _workday(due, holidays):
            due -= dt.timedelta(days=1)
    if calendar:
        return due, due - dt.timedelta(days=lead)
    return due, _step_workdays(due, max(0, lead - 1) if off_by_one else lead, holidays)


class DeadlineAgenda(Family):
    name = "deadline-agenda"
    domain = "planning"
    intents = ("scheduling", "report-generation")
    skills = ("date-arithmetic", "yaml-read")
    optional_skills = ("markdown-report", "json-write")
    summary = "Work back start-by dates from due dates and lead times in working days, and write the agenda of open items with the late ones flagged."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        today = dt.date(2024, 1, 8) + dt.timedelta(days=rng.randint(0, 420))
        today += dt.timedelta(days=(0 if today.weekday() < 5 else 7 - today.weekday()) + rng.choice((0, 0, 1, 2)))
        today = today if today.weekday() < 5 else today + dt.timedelta(days=7 - today.weekday())
        end = today + dt.timedelta(days=4 - today.weekday() + 7 * rng.randint(1, 3))
        fmt = rng.choice(("yaml", "csv"))
        src = rng.choice(("deliverables", "deadlines", "tracker/deliverables", "plans/deadlines", "matters/deadlines"))
        src = f"{src}.{fmt}"
        hol = rng.choice(("holidays.yaml", "calendar/holidays.txt", "config/bank-holidays.csv", "calendar/closures.yaml"))
        cols = {"name": rng.choice(("name", "deliverable", "item")), "due": rng.choice(("due", "due_date", "deadline")),
                "lead": rng.choice(("lead_days", "lead_time", "prep_days", "lead_working_days")),
                "owner": rng.choice(("owner", "assignee", "responsible")), "status": rng.choice(("status", "state"))}
        folder = rng.choice(("", "planning/", "reports/", "agenda/"))
        out = f"{folder}agenda-{today.isoformat()}.csv" if rng.random() < 0.4 else f"{folder}agenda.csv"
        md = f"{folder}agenda.md" if ctx.uses("markdown-report") else None
        js = f"{folder}late.json" if ctx.uses("json-write") else None
        t, e = today.isoformat(), end.isoformat()
        due, lead, owner, status = (f"`{cols[k]}`" for k in ("due", "lead", "owner", "status"))
        intro = rng.choice((
            f"Today is {t}. Please build the deadline agenda up to {e} from `{src}`",
            f"I need to see what has to be started between now ({t}) and {e}. The deliverables are tracked in `{src}`",
            f"As of today, {t}, put together our start-by agenda through {e}, working from `{src}`",
            f"Could you plan our deadlines for me? It is {t} and I want everything that must start by {e}; the "
            f"tracker is `{src}`"))
        fields = rng.choice((
            f"each item has a due date ({due}), a lead time in working days ({lead}), an owner ({owner}) and a status "
            f"({status})",
            f"the fields that matter are {due} (the due date), {lead} (how many working days of work the item needs "
            f"before it is due), {owner} and {status}",
            f"per item, {due} is the deadline, {lead} the number of working days the work takes, {owner} who does it "
            f"and {status} where it stands"))
        workdays = rng.choice((f"Working days are Monday to Friday except the holidays listed in `{hol}`.",
                               f"Weekends and the dates in `{hol}` are not working days.",
                               f"Only Monday to Friday count as working days, minus the closures in `{hol}`."))
        w, n = rng.randint(1, 4), rng.randint(1, 5)
        back = w - n
        day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
        example = (f"a {day[w]} due date with a lead time of {n} and no holiday in between gives the "
                   + (f"{day[back]} of that week" if back >= 0 else f"{day[back + 5]} of the week before"))
        done_rule = rng.choice((
            "An item whose status is `done` (in any capitalisation) is finished: leave it out. Any other status means "
            "the item is still open.",
            "Finished items (status `done`, whatever the capitalisation) stay off the agenda; every other status counts "
            "as open."))
        move_rule = rng.choice((
            "A due date that falls on a weekend or a holiday moves back to the previous working day first.",
            "If a due date is not a working day (weekend or holiday), first move it to the last working day before "
            "it."))
        start_rule = rng.choice((
            f"The start-by date is that due date minus the lead time, counting back working days only (like "
            f"WORKDAY(due, -lead, holidays) in a spreadsheet): {example}; a lead time of 0 gives the due date itself.",
            f"Count the lead time back from that due date in working days only to get the start-by date, as a "
            f"spreadsheet's WORKDAY(due, -lead, holidays) does: {example}, and a lead time of 0 means the start-by date "
            f"is the due date."))
        window_rule = rng.choice((
            f"List every open item whose start-by date is on or before {e}. An item is late when its start-by date is "
            f"before today (starting today is not late).",
            f"The agenda holds every open item with a start-by date up to and including {e}, including ones that "
            f"should already have started: those are late (start-by before today; a start-by of today is not late)."))
        rules = [move_rule, start_rule]
        rules.insert(rng.choice((0, 2)), done_rule)
        output = rng.choice((
            f"Write `{out}` with exactly the columns `start_by,name,owner,due,late` (dates as YYYY-MM-DD, `due` being "
            f"the due date after any move, `late` either `yes` or `no`), sorted by start_by, then name.",
            f"Save it as `{out}`, a CSV with exactly the columns `start_by,name,owner,due,late`: dates as YYYY-MM-DD, "
            f"`due` is the (moved) due date, `late` is `yes` or `no`; rows sorted by start_by and then by name."))
        text = (f"{intro}: {fields}. {workdays}\n\n" + rng.choice(("Rules:\n", "How to work it out:\n", ""))
                + "".join(f"- {r}\n" for r in [*rules, window_rule]) + f"\n{output}\n")
        if md:
            text += (f"\nAlso write `{md}` for the team: first a `## Late` section with the late items, then one "
                     f"`## Week of <date of that week's Monday>` section per week (Monday to Sunday) holding the other "
                     f"items whose start-by date falls in it, weeks in date order and only weeks that have items. Each "
                     f"item is one line `- <start_by> <name> (<owner>), due <due>`, in the same order as in the CSV.\n")
        if js:
            text += (f"\nAlso write `{js}` as {{\"as_of\": \"{today.isoformat()}\", \"late\": [...]}} with the names "
                     f"of the late items in the agenda's order.\n")
        return TaskPlan(title=f"Deadline agenda to {end.isoformat()}", domain=self.domain,
                        difficulty=difficulty_for(2 + bool(md) + bool(js) + (fmt == "csv")),
                        capabilities=("fine-grained", "cross-file"), instruction=text, intent=rng.choice(self.intents),
                        expected_artifacts=tuple(x for x in (out, md, js) if x),
                        params={"today": today, "end": end, "fmt": fmt, "src": src, "hol": hol, "cols": cols,
                                "out": out, "md": md, "js": js})

    # -- stage 2 -----------------------------------------------------------------------------------
    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        today, end = p["today"], p["end"]
        span = (end - today).days
        weekdays = [today + dt.timedelta(days=i) for i in range(1, span + 1) if (today + dt.timedelta(days=i)).weekday() < 5]
        hols = set(rng.sample(weekdays[2:-1], rng.randint(1, 2)))
        later = end + dt.timedelta(days=rng.randint(3, 20))
        if later.weekday() < 5:
            hols.add(later)
        noise = [today - dt.timedelta(days=rng.randint(60, 200)),                       # an old one
                 today + dt.timedelta(days=rng.randint(1, span) // 7 * 7 + 5 - today.weekday())]   # a Saturday
        names = rng.sample(DELIVERABLES[SECTOR_DELIVERABLES.get(ctx.persona.sector, "finance")], rng.randint(9, 13))
        projects = rng.sample([f"{c} {rng.choice(('office', 'client', 'account', 'site', 'programme'))}" for c in vocab.CITIES]
                              + [f"{w} {n}" for w, n in zip(rng.sample(vocab.TITLE_WORDS, 6), rng.sample(vocab.TITLE_NOUNS, 6))],
                              rng.randint(2, 4))
        pcol = rng.choice(("project", "client", "workstream", "matter"))
        owners = vocab.people(rng, rng.randint(3, 5))
        open_states = rng.sample(("open", "in progress", "blocked", "not started", "waiting on client", "drafting"), 3)
        done_states = ("done", "Done", "DONE")
        items: list[dict] = []

        def add(due: dt.date, lead: int, done: bool = False):
            items.append({"name": names[len(items)], "project": rng.choice(projects), "due": due, "lead": lead,
                          "owner": rng.choice(owners),
                          "status": rng.choice(done_states) if done else rng.choice(open_states)})

        # a weekend due date
        sat = today + dt.timedelta(days=5 - today.weekday() + 7 * rng.randint(0, max(0, (end - today).days // 7 - 1)))
        add(sat + dt.timedelta(days=rng.randint(0, 1)), rng.randint(1, 4))
        # a holiday inside the lead time
        h = min(hols - {later})
        k = rng.randint(1, 3)
        add(_step_workdays(h, k, hols, +1), k + rng.randint(1, 3))
        # a lead time of zero
        add(rng.choice(weekdays), 0)
        # late: started too late, still open (due not yet passed)
        add(_step_workdays(today, rng.randint(0, 3), hols, +1), rng.randint(6, 10))
        if rng.random() < 0.5:   # and one long overdue
            add(_step_workdays(today, rng.randint(2, 6), hols, -1), rng.randint(1, 4))
        # done items that would otherwise be listed
        for _ in range(rng.randint(1, 2)):
            add(rng.choice(weekdays), rng.randint(1, 5), done=True)
        # beyond the window
        add(end + dt.timedelta(days=rng.randint(12, 30)), rng.randint(0, 3))
        if rng.random() < 0.5:   # starts exactly today: not late
            lead = rng.randint(2, 5)
            add(_step_workdays(today, lead, hols, +1), lead)
        while len(items) < len(names):
            due = today + dt.timedelta(days=rng.randint(-2, span + 20))
            add(due, rng.randint(0, 10), done=rng.random() < 0.15)
        traps = ["weekend-due", "holiday-in-lead", "lead-zero", "late-items", "done-items", "outside-window",
                 "other-open-statuses"]
        if len(items) and any(_start_by(i["due"], i["lead"], hols)[1] == today for i in items):
            traps.append("starts-today")
        order = list(items)
        rng.shuffle(order)
        c = p["cols"]
        files = {}
        if p["fmt"] == "yaml":
            files[p["src"]] = dump_yaml({"owner": ctx.persona.name, "updated": (today - dt.timedelta(days=rng.randint(1, 6))).isoformat(),
                                         "items": [{c["name"]: i["name"], pcol: i["project"], c["due"]: i["due"].isoformat(),
                                                    c["lead"]: i["lead"],
                                                    c["owner"]: i["owner"], c["status"]: i["status"]} for i in order]})
        else:
            files[p["src"]] = to_csv([c["name"], pcol, c["due"], c["lead"], c["owner"], c["status"]],
                                     [[i["name"], i["project"], i["due"].isoformat(), str(i["lead"]), i["owner"], i["status"]]
                                      for i in order])
        listed = sorted(hols | set(noise))
        hnames = {d: rng.choice(HOLIDAY_NAMES) for d in listed}
        if p["hol"].endswith(".yaml"):
            files[p["hol"]] = dump_yaml({"holidays": [{"date": d.isoformat(), "name": hnames[d]} for d in listed]})
        elif p["hol"].endswith(".csv"):
            files[p["hol"]] = to_csv(["date", "name"], [[d.isoformat(), hnames[d]] for d in listed])
        else:
            files[p["hol"]] = (f"# {ctx.persona.organisation} closures, one date per line\n"
                               + "".join(f"{d.isoformat()}  {hnames[d]}\n" for d in listed))
        # a stale copy of the tracker with older due dates
        stale = list(order)[:5]
        base = p["src"].rpartition("/")[2]
        stem, ext = base.rsplit(".", 1)
        old_day = (today - dt.timedelta(days=rng.randint(20, 45))).isoformat()
        stale_path = f"archive/{stem}-{old_day}.{ext}"
        if ext == "yaml":
            files[stale_path] = dump_yaml({"items": [{c["name"]: i["name"], c["due"]: (i["due"] - dt.timedelta(days=7)).isoformat(),
                                                      c["lead"]: i["lead"], c["owner"]: i["owner"], c["status"]: "open"}
                                                     for i in stale]})
        else:
            files[stale_path] = to_csv([c["name"], c["due"], c["lead"], c["owner"], c["status"]],
                                       [[i["name"], (i["due"] - dt.timedelta(days=7)).isoformat(), str(i["lead"]),
                                         i["owner"], "open"] for i in stale])
        files["README.md"] = (f"# {ctx.persona.organisation} deadlines\n\n`{p['src']}` is the live tracker, kept by "
                              f"{ctx.persona.name}; `archive/` holds old snapshots. Lead times are working days.\n")
        return Workspace(files=files, traps=tuple(traps))

    # -- stage 3 -----------------------------------------------------------------------------------
    def read(self, ws: Workspace, p: dict):
        c = p["cols"]
        if p["fmt"] == "yaml":
            raw = yaml.safe_load(ws.files[p["src"]])["items"]
        else:
            header, rows = parse_csv(ws.files[p["src"]])
            raw = [dict(zip(header, r)) for r in rows]
        items = [{"name": str(r[c["name"]]), "due": dt.date.fromisoformat(str(r[c["due"]])), "lead": int(r[c["lead"]]),
                  "owner": str(r[c["owner"]]), "status": str(r[c["status"]])} for r in raw]
        text = ws.files[p["hol"]]
        if p["hol"].endswith(".yaml"):
            hols = {dt.date.fromisoformat(str(h["date"])) for h in yaml.safe_load(text)["holidays"]}
        else:
            hols = {dt.date.fromisoformat(m) for m in re.findall(r"^(\d{4}-\d{2}-\d{2})\b", text, re.MULTILINE)}
        return items, hols

    def agenda(self, items, hols, today: dt.date, end: dt.date, move=True, calendar=False, off_by_one=False,
               keep_done=False, whole=False, late_by_due=False, late_inclusive=False):
        rows = []
        for i in items:
            if i["status"].strip().lower() == "done" and not keep_done:
                continue
            due, start = _start_by(i["due"], i["lead"], hols, move, calendar, off_by_one)
            if start > end and not whole:
                continue
            late = (due < today) if late_by_due else (start <= today if late_inclusive else start < today)
            rows.append([start.isoformat(), i["name"], i["owner"], due.isoformat(), "yes" if late else "no"])
        return sorted(rows, key=lambda r: (r[0], r[1]))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        items, hols = self.read(ws, p)
        today, end = p["today"], p["end"]
        rows = self.agenda(items, hols, today, end)
        cols = ["start_by", "name", "owner", "due", "late"]
        by_name = {r[1]: r for r in rows}
        starts = {i["name"]: _start_by(i["due"], i["lead"], hols) for i in items}
        opened = [i for i in items if i["status"].strip().lower() != "done"]

        def render(rs, late_in_weeks=False):
            out = {p["out"]: to_csv(cols, rs)}
            if p["md"]:
                lines = [f"# Agenda {today.isoformat()} to {end.isoformat()}", "", "## Late", ""]
                late = [r for r in rs if r[4] == "yes" and not late_in_weeks]
                lines += [f"- {r[0]} {r[1]} ({r[2]}), due {r[3]}" for r in late]
                weeks: dict[str, list] = {}
                for r in rs:
                    if r in late:
                        continue
                    d = dt.date.fromisoformat(r[0])
                    weeks.setdefault((d - dt.timedelta(days=d.weekday())).isoformat(), []).append(r)
                for monday in sorted(weeks):
                    lines += ["", f"## Week of {monday}", ""] + [f"- {r[0]} {r[1]} ({r[2]}), due {r[3]}" for r in weeks[monday]]
                out[p["md"]] = "\n".join(lines) + "\n"
            if p["js"]:
                out[p["js"]] = json.dumps({"as_of": today.isoformat(), "late": [r[1] for r in rs if r[4] == "yes"]},
                                          indent=2) + "\n"
            return out

        b = VerificationBuilder()
        for path, content in render(rows).items():
            b.write(path, content)
        out = p["out"]
        b.check("columns", "csv_columns", "Exactly start_by,name,owner,due,late.", path=out, columns=cols, exact=True,
                min_rows=len(rows))
        b.check("order", "regex", f"The {len(rows)} listed items, in start-by then name order.", path=out,
                pattern=r"\A\ufeff?start_by,name,owner,due,late\r?\n"
                        + "".join(rf"\d{{4}}-\d\d-\d\d,{_re(r[1])},[^\n]*(?:\n|\Z)" for r in rows) + r"\s*\Z",
                multiline=False, weight=2)
        weekend = next(i for i in opened if i["due"].weekday() >= 5 and i["lead"] > 0 and i["name"] in by_name)
        holiday = next(i for i in opened if i["name"] in by_name and any(
            starts[i["name"]][1] < h < starts[i["name"]][0] and h.weekday() < 5 for h in hols))
        zero = next(i for i in opened if i["lead"] == 0 and i["name"] in by_name)
        w = by_name[weekend["name"]]
        b.check("weekend-start", "csv_value", f"{w[1]} (due on a {weekend['due'].strftime('%A')}) starts by {w[0]}.",
                path=out, column="start_by", where={"name": w[1]}, equals=w[0], weight=2)
        b.check("weekend-due", "csv_value", f"{w[1]}'s due date moves back to {w[3]}.", path=out, column="due",
                where={"name": w[1]}, equals=w[3])
        hrow = by_name[holiday["name"]]
        b.check("holiday-start", "csv_value", f"{hrow[1]} starts by {hrow[0]} (a holiday in its lead time).", path=out,
                column="start_by", where={"name": hrow[1]}, equals=hrow[0], weight=2)
        if not (p["md"] and p["js"]):
            zrow = by_name[zero["name"]]
            b.check("lead-zero", "csv_value", f"{zrow[1]} (lead time 0) starts by its due date {zrow[0]}.", path=out,
                    column="start_by", where={"name": zrow[1]}, equals=zrow[0])
        n_late = sum(r[4] == "yes" for r in rows)
        b.check("late-count", "csv_value", f"{n_late} items are late.", path=out, column="late", aggregate="count",
                where={"late": "yes"}, equals=n_late, weight=2)
        done = next(i for i in items if i["status"].strip().lower() == "done" and starts[i["name"]][1] <= end)
        b.check("done-left-out", "csv_value", f"{done['name']} is done and not listed.", path=out, column="name",
                aggregate="count", where={"name": done["name"]}, equals=0)
        beyond = next(i for i in opened if starts[i["name"]][1] > end)
        b.check("window-kept", "csv_value", f"{beyond['name']} starts after {end} and is not listed.", path=out,
                column="name", aggregate="count", where={"name": beyond["name"]}, equals=0)
        if p["md"]:
            md = render(rows)[p["md"]]
            blocks = re.split(r"\n\n(?=## )", md.split("\n", 2)[2].strip())
            pats = []
            for block in blocks:
                head, _, body = block.partition("\n\n")
                pats.append(_re(head) + r"[ \t]*\n\s*" + "".join(_re(x) + r"[ \t]*(?:\n\s*|\Z)" for x in body.splitlines() if x))
            b.check("md-sections", "regex", "The Markdown agenda has the Late section and the week sections with the "
                    "right items in order, and nothing after them.", path=p["md"], pattern="^" + "".join(pats) + r"\s*\Z",
                    weight=2)
            b.check("md-lines", "regex", f"The Markdown agenda lists {len(rows)} items.", path=p["md"],
                    pattern=r"^- \d{4}-\d\d-\d\d .+ \(.+\), due \d{4}-\d\d-\d\d[ \t]*$", count=len(rows))
        if p["js"]:
            b.check("late-json", "json_value", f"{p['js']} names the {n_late} late items in order.", path=p["js"],
                    pointer="/late", equals=[r[1] for r in rows if r[4] == "yes"], weight=2)
            b.check("late-json-date", "json_value", f"as_of is {today}.", path=p["js"], pointer="/as_of",
                    equals=today.isoformat())
        b.rubric_item("agenda-useful", "The agenda is easy to act on: late items stand out and nothing finished or out "
                      "of range is listed.", [x for x in (out, p["md"], p["js"]) if x])
        for mid, desc, variant in (
                ("due-not-moved", "weekend due dates not moved back to a working day",
                 self.agenda(items, hols, today, end, move=False)),
                ("holidays-ignored", "holidays counted as working days", self.agenda(items, set(), today, end)),
                ("calendar-days", "lead times counted in calendar days", self.agenda(items, hols, today, end, calendar=True)),
                ("lead-off-by-one", "the due day counted as the first lead day",
                 self.agenda(items, hols, today, end, off_by_one=True)),
                ("done-listed", "finished items listed too", self.agenda(items, hols, today, end, keep_done=True)),
                ("window-ignored", "items starting after the window listed too",
                 self.agenda(items, hols, today, end, whole=True)),
                ("late-by-due", "only overdue items flagged late", self.agenda(items, hols, today, end, late_by_due=True)),
                ("starting-today-late", "an item starting today flagged late",
                 self.agenda(items, hols, today, end, late_inclusive=True))):
            if variant != rows:
                m = b.mutant(mid, desc)
                for path, content in render(variant).items():
                    m.write(path, content)
        if p["md"] and n_late:
            b.mutant("late-in-weeks", "late items filed under their week instead of the Late section").write(
                p["md"], render(rows, late_in_weeks=True)[p["md"]])
        return b.build()


FAMILIES = [ProjectSchedule(), MeetingSlot(), NotesBacklinks(), InventoryReorder(), ShiftRota(), DeadlineAgenda()]
