"""Planning & knowledge management families: schedules with dependencies, meeting slots."""
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
                    events.append({"date": date.isoformat(), "start": _hm(start), "end": _hm(end),
                                   "title": rng.choice(("1:1", "standup", "client call", "focus time", "lunch", "review")),
                                   **({"status": "cancelled"} if rng.random() < 0.15 else {})})
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


FAMILIES = [ProjectSchedule(), MeetingSlot(), NotesBacklinks(), InventoryReorder()]
