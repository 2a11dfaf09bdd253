"""Analysis & reasoning families: numbers computed from exports, with the traps real exports have."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import OrderedDict

from .. import vocab
from ..build import VerificationBuilder
from ..datasets import draw_rows, draw_schema, fmt_number, parse_csv, pick_dataset, to_csv
from ..model import TaskPlan, Workspace
from .base import Family, GenContext, difficulty_for

_re = re.escape


class CsvGroupSummary(Family):
    name = "csv-group-summary"
    domain = "analysis"
    intents = ("data-analysis", "report-generation")
    skills = ("csv-inspect", "csv-group-aggregate")
    optional_skills = ("csv-clean-malformed", "csv-dedupe", "json-write", "markdown-report")
    summary = "Group one month's CSV export by a category and total a measure, skipping bad rows and stale files."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        schema = draw_schema(rng, pick_dataset(rng, ctx.persona.sector))
        month = rng.choice(vocab.MONTHS[1:])
        prev = vocab.MONTHS[vocab.MONTHS.index(month) - 1]
        data_dir = rng.choice(("data", "exports", "inbox", "raw"))
        src = f"{data_dir}/{schema.stem}_{month}.csv"
        stale = rng.random() < 0.6
        stale_path = rng.choice((f"{data_dir}/{schema.stem}_{prev}.csv", f"{data_dir}/{schema.stem}_{month}_draft.csv",
                                 f"{data_dir}/{schema.stem}_{month} (1).csv")) if stale else None
        as_json = ctx.uses("json-write")
        out = f"out/{schema.group}_summary.{'json' if as_json else 'csv'}"
        report = f"reports/{month}-{vocab.slug(schema.stem)}.md" if ctx.uses("markdown-report") else None
        count_col = rng.choice(("count", f"{schema.dataset.entity.replace(' ', '_')}s", "n_rows", "records"))
        total_col = rng.choice((f"{schema.measure}_total", f"total_{schema.measure}", schema.measure))
        steps = []
        if as_json:
            steps.append(f"Write `{out}`: a JSON object with `\"month\": \"{month}\"`, `\"groups\"` (an object "
                         f"keyed by {schema.group}, each value `{{\"{count_col}\": <rows>, \"{total_col}\": <sum of "
                         f"{schema.measure}>}}`) and `\"rows_used\"` (the number of rows counted).")
        else:
            steps.append(f"Write `{out}` with exactly the columns `{schema.group},{count_col},{total_col}`: one row "
                         f"per {schema.group} value, where `{count_col}` is the number of rows and `{total_col}` "
                         f"the sum of `{schema.measure}`.")
        steps.append(f"Round totals to {schema.measure_spec.decimals} decimals." if schema.measure_spec.decimals
                     else "Totals are whole numbers.")
        rules = []
        if ctx.uses("csv-clean-malformed"):
            rules.append(f"Some rows are malformed (a wrong number of fields, or a `{schema.measure}` that is not a "
                         f"number); skip them.")
        if ctx.uses("csv-dedupe"):
            rules.append(f"The export repeats some {schema.dataset.entity}s: count each `{schema.id}` once "
                         f"(the first occurrence).")
        if stale:
            rules.append(f"Use only `{src}`; other files in `{data_dir}/` are not this month's final export.")
        if report:
            steps.append(f"Write `{report}` with a line `Total {schema.measure}: <grand total>` and a line "
                         f"`Top {schema.group}: <the {schema.group} with the largest total>`, each on its own line.")
        instruction = (f"Summarise the {month} {schema.dataset.entity} export `{src}` by `{schema.group}`.\n\n"
                       + "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1))
                       + ("\n\n" + "\n".join(rules) if rules else "") + "\n")
        points = len(rules) + bool(report) + as_json
        return TaskPlan(
            title=f"Summarise {month} {schema.dataset.entity}s by {schema.group}", domain=self.domain,
            difficulty=difficulty_for(points),
            capabilities=tuple(c for c, on in (("fine-grained", True), ("error-recovery", bool(rules)),
                                               ("file-state", stale), ("cross-file", bool(report))) if on),
            instruction=instruction, intent=rng.choice(self.intents),
            expected_artifacts=tuple(p for p in (out, report) if p),
            params={"schema": schema, "month": month, "prev": prev, "src": src, "stale_path": stale_path, "out": out,
                    "report": report, "count_col": count_col, "total_col": total_col, "as_json": as_json})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        s = p["schema"]
        n = {"easy": rng.randint(12, 20), "medium": rng.randint(20, 36), "hard": rng.randint(30, 60)}[plan.difficulty]
        rows: list = draw_rows(rng, s, n, p["month"])
        traps = []
        if ctx.uses("csv-dedupe"):
            for r in rng.sample(rows, rng.randint(1, 3)):
                rows.insert(rng.randint(rows.index(r) + 1, len(rows)), dict(r))
            traps.append("duplicate-rows")
        lines = [[r[h] for h in s.header] for r in rows]
        if ctx.uses("csv-clean-malformed"):
            good = list(lines)   # corrupt copies of well-formed rows only
            for _ in range(rng.randint(1, 3)):
                bad = list(rng.choice(good))
                kind = rng.choice(("short", "text", "empty"))
                if kind == "short":
                    bad = bad[:-2]
                else:
                    bad[s.header.index(s.measure)] = "n/a" if kind == "text" else ""
                bad[0] = bad[0] + "X"
                lines.insert(rng.randint(1, len(lines)), bad)
            traps.append("malformed-rows")
        files = {p["src"]: to_csv(s.header, lines)}
        if p["stale_path"]:
            files[p["stale_path"]] = to_csv(s.header, [[r[h] for h in s.header]
                                                      for r in draw_rows(rng, s, rng.randint(8, 20), p["prev"], 500)])
            traps.append("stale-file")
        readme = (f"# {ctx.persona.organisation}: {s.dataset.entity} exports\n\nExports land in "
                  f"`{p['src'].split('/')[0]}/` as `{s.stem}_<YYYY-MM>.csv`. Columns: "
                  f"{', '.join(f'`{h}`' for h in s.header)}.\n")
        files["README.md"] = readme
        return Workspace(files=files, traps=tuple(traps))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p, s = plan.params, plan.params["schema"]
        header, raw = parse_csv(ws.files[p["src"]])
        mi, gi, ii = header.index(s.measure), header.index(s.group), header.index(s.id)
        seen: set[str] = set()
        groups: dict[str, list[float]] = {}
        bad = dups = 0
        for r in raw:
            try:
                value = float(r[mi]) if len(r) == len(header) else None
            except ValueError:
                value = None
            if value is None:
                bad += 1
                continue
            if r[ii] in seen:
                dups += 1
                continue
            seen.add(r[ii])
            groups.setdefault(r[gi], []).append(value)
        dec = s.measure_spec.decimals
        table = OrderedDict((g, (len(v), round(sum(v), dec))) for g, v in sorted(groups.items()))
        grand = round(sum(t for _, t in table.values()), dec)
        top = max(table, key=lambda g: (table[g][1], g))
        b = VerificationBuilder()
        out, cc, tc = p["out"], p["count_col"], p["total_col"]
        tol = 0.01 if dec else 0
        if p["as_json"]:
            doc = {"month": p["month"], "groups": {g: {cc: n, tc: t} for g, (n, t) in table.items()},
                   "rows_used": sum(n for n, _ in table.values())}
            b.write(out, json.dumps(doc, indent=2) + "\n")
            b.check("schema", "json_schema", "The summary is a JSON object with month, groups and rows_used.",
                    path=out, schema={"type": "object", "required": ["month", "groups", "rows_used"],
                                      "properties": {"groups": {"type": "object", "additionalProperties": {
                                          "type": "object", "required": [cc, tc]}}}})
            b.check("rows-used", "json_value", f"{doc['rows_used']} rows are counted.", path=out,
                    pointer="/rows_used", equals=doc["rows_used"])
            for g, (n, t) in table.items():
                b.check(f"total-{vocab.slug(g)}", "json_value", f"{g}: total {s.measure} {t}.", path=out,
                        pointer=f"/groups/{g}/{tc}", approx=t, tolerance=tol)
                b.check(f"count-{vocab.slug(g)}", "json_value", f"{g}: {n} rows.", path=out,
                        pointer=f"/groups/{g}/{cc}", equals=n)
            total_extractor = None
        else:
            text = to_csv([s.group, cc, tc], [[g, str(n), fmt_number(t, dec)] for g, (n, t) in table.items()])
            b.write(out, text)
            b.check("columns", "csv_columns", "The summary has exactly the requested columns.", path=out,
                    columns=[s.group, cc, tc], exact=True, min_rows=len(table))
            b.check("group-count", "csv_value", f"One row per {s.group} ({len(table)}).", path=out, column=s.group,
                    aggregate="count", equals=len(table))
            b.check("rows-used", "csv_value", f"{sum(n for n, _ in table.values())} rows counted in all.", path=out,
                    column=cc, aggregate="sum", equals=sum(n for n, _ in table.values()))
            for g, (n, t) in table.items():
                b.check(f"total-{vocab.slug(g)}", "csv_value", f"{g}: total {s.measure} {t}.", path=out,
                        column=tc, where={s.group: g}, approx=t, tolerance=tol)
            total_extractor = {"path": out, "column": tc, "aggregate": "sum"}
        if p["report"]:
            rep = f"# {p['month']} {s.dataset.entity}s\n\nTotal {s.measure}: {fmt_number(grand, dec)}\nTop {s.group}: {top}\n"
            b.write(p["report"], rep)
            b.check("report-top", "regex", f"The report names {top} as the top {s.group}.", path=p["report"],
                    pattern=rf"^Top {s.group}: {_re(top)}\s*$")
            if total_extractor:
                b.check("report-total", "same_value", "The report's grand total matches the summary.",
                        a={"path": p["report"], "regex": rf"^Total {s.measure}: ([0-9.]+)\s*$"}, b=total_extractor,
                        tolerance=max(tol, 0.011) if dec else 0)
            else:
                b.check("report-total", "regex", f"The report's grand total is {fmt_number(grand, dec)}.",
                        path=p["report"], pattern=rf"^Total {s.measure}: {_re(fmt_number(grand, dec))}\s*$")
            b.rubric_item("report-clear", "The report is short, states the requested lines exactly and is "
                          "consistent with the summary.", [p["report"], out])
        # mutants: the mistakes a careless analyst makes
        g0 = next(iter(table))
        n0, t0 = table[g0]
        bump = 1  # a whole unit: tolerances are hundredths
        if p["as_json"]:
            b.mutant("total-off", f"{g0}'s total is off by one unit").write(out, json.dumps(
                {**doc, "groups": {**doc["groups"], g0: {cc: n0, tc: round(t0 + bump, dec)}}}, indent=2) + "\n")
            if bad or dups:
                b.mutant("bad-rows-counted", "malformed or repeated rows were counted").write(out, json.dumps(
                    {**doc, "rows_used": doc["rows_used"] + bad + dups,
                     "groups": {**doc["groups"], g0: {cc: n0 + bad + dups, tc: t0}}}, indent=2) + "\n")
        else:
            rows = [[g, str(n), fmt_number(t, dec)] for g, (n, t) in table.items()]
            b.mutant("total-off", f"{g0}'s total is off by one unit").write(
                out, to_csv([s.group, cc, tc], [[g0, str(n0), fmt_number(t0 + bump, dec)]] + rows[1:]))
            b.mutant("missing-count-column", f"the {cc} column is missing").write(
                out, to_csv([s.group, tc], [[r[0], r[2]] for r in rows]))
            if bad or dups:
                b.mutant("bad-rows-counted", "malformed or repeated rows were counted").write(
                    out, to_csv([s.group, cc, tc], [[g0, str(n0 + bad + dups), rows[0][2]]] + rows[1:]))
        if p["stale_path"]:
            _, stale_raw = parse_csv(ws.files[p["stale_path"]])
            stale_groups: dict[str, list[float]] = {}
            for r in stale_raw:
                stale_groups.setdefault(r[gi], []).append(float(r[mi]))
            st = {g: (len(v), round(sum(v), dec)) for g, v in sorted(stale_groups.items())}
            if p["as_json"]:
                b.mutant("stale-file", f"summarised {p['stale_path']} instead").write(out, json.dumps(
                    {"month": p["month"], "groups": {g: {cc: n, tc: t} for g, (n, t) in st.items()},
                     "rows_used": sum(n for n, _ in st.values())}, indent=2) + "\n")
            else:
                b.mutant("stale-file", f"summarised {p['stale_path']} instead").write(
                    out, to_csv([s.group, cc, tc], [[g, str(n), fmt_number(t, dec)] for g, (n, t) in st.items()]))
        if p["report"]:
            wrong = next((g for g in table if g != top), top)
            b.mutant("report-wrong-top", "the report names the wrong top group").write(
                p["report"], f"# {p['month']}\n\nTotal {s.measure}: {fmt_number(grand, dec)}\nTop {s.group}: {wrong}\n")
        return b.build()



# ------------------------------------------------------------------ metric drift between snapshots

ENTITY_KINDS = (
    # (sectors, plural noun, names, metrics: (name, lo, hi, decimals))
    (("tech", "software"), "services", tuple(f"{s}-svc" for s in vocab.SERVICES),
     (("p95_ms", 40, 900, 0), ("error_rate_pct", 0.2, 9.0, 2), ("rps", 20, 4000, 0))),
    (("retail", "hospitality"), "stores", tuple(f"{c} store" for c in vocab.CITIES),
     (("weekly_revenue", 2000, 40000, 2), ("conversion_pct", 0.5, 6.0, 2), ("basket_eur", 12, 90, 2))),
    (("marketing",), "campaigns", ("spring-sale", "brand-search", "retarget-eu", "newsletter-q2", "tiktok-launch",
                                   "partner-promo", "black-friday", "loyalty-push", "podcast-ads", "app-install"),
     (("ctr_pct", 0.3, 8.0, 2), ("spend_eur", 200, 9000, 2), ("cpa_eur", 4, 120, 2))),
    (("facilities",), "sites", ("North Wing", "Annex", "Warehouse", "Tower A", "Tower B", "Lab Block", "Depot",
                                "Canteen", "Car Park", "Gatehouse"),
     (("kwh", 300, 9000, 1), ("water_m3", 10, 400, 1), ("peak_kw", 20, 300, 1))),
    (("health",), "clinics", ("Riverside", "Old Town", "Harbour", "Northgate", "Parkview", "Hillside", "Meadow",
                              "Station Road", "Quayside"),
     (("wait_min", 5, 60, 1), ("no_show_pct", 1, 20, 1), ("visits", 80, 900, 0))),
    (("logistics",), "depots", ("DC-North", "DC-South", "Hub-East", "Hub-West", "Crossdock-1", "Crossdock-2",
                                "Airport", "Port", "Rail Yard"),
     (("on_time_pct", 70, 99.5, 1), ("parcels", 500, 20000, 0), ("damage_rate_pct", 0.1, 3.0, 2))),
)


def _entity_kind(rng, sector: str):
    fitting = [k for k in ENTITY_KINDS if sector in k[0]]
    return rng.choice(fitting) if fitting and rng.random() < 0.8 else rng.choice(ENTITY_KINDS)


class MetricDrift(Family):
    name = "metric-drift"
    domain = "analysis"
    intents = ("monitoring", "data-analysis")
    skills = ("json-diff", "json-write")
    optional_skills = ("markdown-report",)
    summary = "Compare two JSON metric snapshots; flag entities whose metric moved past a threshold, list new and removed ones."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        _, plural, names, metrics = _entity_kind(rng, ctx.persona.sector)
        metric = rng.choice(metrics)
        week = rng.randint(2, 50)
        year = rng.choice((2024, 2025))
        a, b = f"{year}-W{week - 1:02d}", f"{year}-W{week:02d}"
        folder = rng.choice(("metrics", "snapshots", "exports/metrics"))
        shape = rng.choice(("keyed", "list"))
        threshold = rng.choice((10, 15, 20, 25, 30))
        out = f"reports/drift-{b}.json"
        report = f"reports/drift-{b}.md" if ctx.uses("markdown-report") else None
        stale = rng.random() < 0.5
        steps = (f"Compare `{metric[0]}` for every {plural[:-1]} between `{folder}/{a}.json` and `{folder}/{b}.json`, "
                 f"and write `{out}`, a JSON object with:\n"
                 f"- `flagged`: the names of {plural} present in both snapshots whose `{metric[0]}` changed by more "
                 f"than {threshold}% in either direction (relative to {a}), sorted by name;\n"
                 f"- `changes`: an object mapping each flagged name to its change in percent, rounded to one "
                 f"decimal (negative for a drop);\n"
                 f"- `new`: names only in {b}, sorted; `removed`: names only in {a}, sorted.\n")
        if report:
            steps += (f"\nAlso write `{report}` with a line `Flagged: <number of flagged {plural}>` and a line "
                      f"`Largest move: <name>` naming the flagged {plural[:-1]} with the largest absolute change.\n")
        steps += f"\n{plural.capitalize()} whose value is missing (null) in either snapshot are neither flagged nor new."
        if stale:
            steps += f" `{folder}/{b}-partial.json` is an incomplete export; ignore it."
        return TaskPlan(
            title=f"Flag {plural} whose {metric[0]} drifted more than {threshold}% in {b}", domain=self.domain,
            difficulty=difficulty_for(1 + stale + bool(report) + (shape == "list")),
            capabilities=("fine-grained", "cross-file") + (("file-state",) if stale else ()),
            instruction=steps + "\n", intent=rng.choice(self.intents),
            expected_artifacts=tuple(p for p in (out, report) if p),
            params={"plural": plural, "names": names, "metric": metric, "a": a, "b": b, "folder": folder,
                    "shape": shape, "threshold": threshold, "out": out, "report": report, "stale": stale})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        name, lo, hi, dec = p["metric"]
        pool = list(p["names"])
        rng.shuffle(pool)
        n = min(len(pool) - 2, rng.randint(5, 9))
        both, removed, new = pool[:n], pool[n:n + 1], pool[n + 1:n + 2]
        t = p["threshold"]
        before, after = {}, {}
        for i, e in enumerate(both):
            base = round(rng.uniform(lo, hi), dec)
            while True:
                # first two move past the threshold (one up, one down), the rest anything, never near the edge
                change = (t + rng.uniform(2, 25)) if i == 0 else -(t + rng.uniform(2, 25)) if i == 1 else rng.uniform(-t - 20, t + 20)
                value = round(base * (1 + change / 100), dec)
                real = (value - base) / base * 100 if base else 0
                if base and abs(abs(real) - t) > 0.6:
                    break
            before[e], after[e] = base, value
        missing = both[-1]
        after[missing] = None
        for e in removed:
            before[e] = round(rng.uniform(lo, hi), dec)
        for e in new:
            after[e] = round(rng.uniform(lo, hi), dec)
        others = [m for m in ("p50", "count", "samples", "owner_team") if m != name][:2]

        def doc(values: dict, week: str) -> str:
            extra = {o: rng.randint(1, 500) for o in others}
            if p["shape"] == "keyed":
                body = {e: {name: v, **{o: rng.randint(1, 500) for o in others}} for e, v in sorted(values.items())}
                return json.dumps({"week": week, p["plural"]: body}, indent=2) + "\n"
            rows = [{"name": e, name: v, **extra} for e, v in sorted(values.items())]
            return json.dumps({"week": week, "items": rows}, indent=2) + "\n"

        files = {f"{p['folder']}/{p['a']}.json": doc(before, p["a"]), f"{p['folder']}/{p['b']}.json": doc(after, p["b"])}
        traps = ["missing-values", "added-and-removed"]
        if p["stale"]:
            partial = {e: round(rng.uniform(lo, hi), dec) for e in both[: max(2, n // 2)]}
            files[f"{p['folder']}/{p['b']}-partial.json"] = doc(partial, p["b"])
            traps.append("stale-file")
        files["README.md"] = (f"Weekly {p['plural']} snapshots, one JSON file per ISO week in `{p['folder']}/`.\n"
                              f"`{name}` is measured in the last 7 days.\n")
        return Workspace(files=files, traps=tuple(traps))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        name = p["metric"][0]

        def values(text: str) -> dict:
            d = json.loads(text)
            if "items" in d:
                return {r["name"]: r[name] for r in d["items"]}
            return {e: v[name] for e, v in d[p["plural"]].items()}

        a = values(ws.files[f"{p['folder']}/{p['a']}.json"])
        b = values(ws.files[f"{p['folder']}/{p['b']}.json"])
        changes = {}
        for e in sorted(set(a) & set(b)):
            if a[e] is None or b[e] is None:
                continue
            pct = (b[e] - a[e]) / a[e] * 100
            if abs(pct) > p["threshold"]:
                changes[e] = round(pct, 1)
        new = sorted(e for e in set(b) - set(a) if b[e] is not None)
        removed = sorted(set(a) - set(b))
        doc = {"flagged": sorted(changes), "changes": changes, "new": new, "removed": removed}
        out = p["out"]
        bld = VerificationBuilder()
        bld.write(out, json.dumps(doc, indent=2) + "\n")
        bld.check("schema", "json_schema", "The report has flagged, changes, new and removed.", path=out,
                  schema={"type": "object", "required": ["flagged", "changes", "new", "removed"],
                          "properties": {"flagged": {"type": "array", "items": {"type": "string"}},
                                         "changes": {"type": "object", "additionalProperties": {"type": "number"}}}})
        bld.check("flagged", "json_value", f"Exactly {', '.join(doc['flagged'])} moved past {p['threshold']}%.",
                  path=out, pointer="/flagged", equals=doc["flagged"], weight=2)
        for e, pct in changes.items():
            bld.check(f"change-{vocab.slug(e)}", "json_value", f"{e} changed by {pct}%.", path=out,
                      pointer=f"/changes/{e}", approx=pct, tolerance=0.051)
        bld.check("new", "json_value", f"New: {new}.", path=out, pointer="/new", equals=new)
        bld.check("removed", "json_value", f"Removed: {removed}.", path=out, pointer="/removed", equals=removed)
        largest = max(changes, key=lambda e: (abs(changes[e]), e))
        if p["report"]:
            bld.write(p["report"], f"# Drift {p['b']}\n\nFlagged: {len(changes)}\nLargest move: {largest}\n")
            bld.check("report-count", "regex", f"The report says {len(changes)} flagged.", path=p["report"],
                      pattern=rf"^Flagged: {len(changes)}\s*$")
            bld.check("report-largest", "regex", f"The largest move is {largest}.", path=p["report"],
                      pattern=rf"^Largest move: {_re(largest)}\s*$")
        one_sided = {e: v for e, v in changes.items() if v > 0}
        bld.mutant("increases-only", "only increases were flagged").write(out, json.dumps(
            {**doc, "flagged": sorted(one_sided), "changes": one_sided}, indent=2) + "\n")
        first = next(iter(changes))
        bld.mutant("sign-lost", f"{first}'s change is reported without its sign or rounding").write(out, json.dumps(
            {**doc, "changes": {**changes, first: round(-changes[first] + 0.3, 1)}}, indent=2) + "\n")
        bld.mutant("new-and-removed-swapped", "new and removed are swapped").write(out, json.dumps(
            {**doc, "new": removed, "removed": new}, indent=2) + "\n")
        if p["report"]:
            other = next((e for e in changes if e != largest), None)
            if other:
                bld.mutant("report-largest-wrong", "the report names another entity").write(
                    p["report"], f"# Drift\n\nFlagged: {len(changes)}\nLargest move: {other}\n")
        return bld.build()


# ------------------------------------------------------------------ policy audit

class PolicyAudit(Family):
    name = "policy-audit"
    domain = "analysis"
    intents = ("data-analysis", "data-cleaning")
    skills = ("csv-filter-rows", "yaml-read")
    optional_skills = ("markdown-report",)
    summary = "Check every record of an export against a YAML policy (limits per category, blocked people, period) and list violations with reasons."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        s = draw_schema(rng, pick_dataset(rng, ctx.persona.sector))
        month = rng.choice(vocab.MONTHS)
        src = f"{rng.choice(('data', 'exports', 'audit/input'))}/{s.stem}_{month}.csv"
        policy = rng.choice(("policy.yaml", "config/policy.yaml", "rules/audit-policy.yaml"))
        out = rng.choice(("audit/violations.csv", f"audit/{month}-violations.csv", "out/violations.csv"))
        use_block = rng.random() < 0.6
        use_period = rng.random() < 0.5
        summary = f"audit/{month}-summary.md" if ctx.uses("markdown-report") else None
        reasons = ["over-limit"] + (["blocked"] if use_block else []) + (["out-of-period"] if use_period else [])
        text = (f"Audit `{src}` against `{policy}` and write `{out}` with exactly the columns "
                f"`{s.id},reason`: one row per violating record, in the order of the source file.\n\n"
                f"Reasons (a record with several gets them joined with `;` in this order: {', '.join(reasons)}):\n"
                f"- `over-limit`: `{s.measure}` is strictly above the limit for its `{s.group}` "
                f"(`limits` in the policy, or `default_limit` when its {s.group} is not listed);\n")
        if use_block:
            text += f"- `blocked`: `{s.person}` is in the policy's `blocked` list;\n"
        if use_period:
            text += f"- `out-of-period`: `{s.date}` is outside the policy's `period` (`from`/`to`, inclusive);\n"
        text += "A record at exactly its limit is within policy.\n"
        if summary:
            text += f"\nThen write `{summary}` with a line `Violations: <number of rows in {out}>`.\n"
        return TaskPlan(
            title=f"Audit {month} {s.dataset.entity}s against the policy", domain=self.domain,
            difficulty=difficulty_for(1 + use_block + use_period + bool(summary)),
            capabilities=("cross-file", "fine-grained"), instruction=text, intent=rng.choice(self.intents),
            expected_artifacts=tuple(x for x in (out, summary) if x),
            params={"schema": s, "month": month, "src": src, "policy": policy, "out": out, "use_block": use_block,
                    "use_period": use_period, "summary": summary, "reasons": reasons})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        s = p["schema"]
        rows = draw_rows(rng, s, rng.randint(14, 40), p["month"])
        m = s.measure_spec
        span = m.hi - m.lo
        listed = rng.sample(list(s.group_values), k=min(len(s.group_values) - 1, rng.randint(2, 3)))
        limits = {g: float(fmt_number(m.lo + span * rng.uniform(0.45, 0.8), m.decimals)) for g in listed}
        default = float(fmt_number(m.lo + span * rng.uniform(0.5, 0.85), m.decimals))
        limits = {g: int(v) if m.decimals == 0 else v for g, v in limits.items()}
        default = int(default) if m.decimals == 0 else default
        # one record exactly at its limit: within policy
        edge = rng.choice(rows)
        edge[s.measure] = fmt_number(limits.get(edge[s.group], default), m.decimals)
        policy = {"limits": limits, "default_limit": default}
        people = sorted({r[s.person] for r in rows})
        traps = ["at-limit-record", "default-limit"]
        if p["use_block"]:
            policy["blocked"] = rng.sample(people, 1) + [vocab.person(rng)]
            traps.append("blocked-list")
        if p["use_period"]:
            policy["period"] = {"from": f"{p['month']}-03", "to": f"{p['month']}-26"}
            traps.append("period-bounds")
        header = (f"# Audit policy for {s.dataset.entity}s ({s.measure} in {m.unit})\n"
                  f"# limits apply per {s.group}\n")
        from ..writer import dump_yaml
        return Workspace(files={p["src"]: to_csv(s.header, rows), p["policy"]: header + dump_yaml(policy)},
                         traps=tuple(traps))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        import yaml as _yaml
        p, s = plan.params, plan.params["schema"]
        policy = _yaml.safe_load(ws.files[p["policy"]])
        header, raw = parse_csv(ws.files[p["src"]])
        col = {h: i for i, h in enumerate(header)}
        out_rows = []
        for r in raw:
            why = []
            limit = policy["limits"].get(r[col[s.group]], policy["default_limit"])
            if float(r[col[s.measure]]) > float(limit):
                why.append("over-limit")
            if p["use_block"] and r[col[s.person]] in policy["blocked"]:
                why.append("blocked")
            if p["use_period"] and not (str(policy["period"]["from"]) <= r[col[s.date]] <= str(policy["period"]["to"])):
                why.append("out-of-period")
            if why:
                out_rows.append([r[col[s.id]], ";".join(why)])
        if not out_rows:
            raise ValueError("the drawn data has no violations; nothing to audit")
        b = VerificationBuilder()
        out = p["out"]
        b.write(out, to_csv([s.id, "reason"], out_rows))
        b.check("columns", "csv_columns", "Exactly the id and reason columns.", path=out, columns=[s.id, "reason"],
                exact=True)
        b.check("count", "csv_value", f"{len(out_rows)} violating records.", path=out, column=s.id,
                aggregate="count", equals=len(out_rows), weight=2)
        multi_rows = [r for r in out_rows if ";" in r[1]][:1]   # a record with several reasons is always checked
        for rid, why in multi_rows + [r for r in out_rows[:6] if r not in multi_rows]:
            b.check(f"reason-{vocab.slug(rid)}", "csv_value", f"{rid}: {why}.", path=out, column="reason",
                    where={s.id: rid}, equals=why)
        over = [r for r in out_rows if "over-limit" in r[1]]
        if over:
            b.check("over-limit-count", "csv_value", f"{len(over)} records over their limit.", path=out,
                    column="reason", aggregate="count", where={"reason": "over-limit"},
                    equals=sum(1 for r in out_rows if r[1] == "over-limit"))
        if p["summary"]:
            b.write(p["summary"], f"# Audit {p['month']}\n\nViolations: {len(out_rows)}\n")
            b.check("summary-count", "same_value", "The summary's count matches the violations file.",
                    a={"path": p["summary"], "regex": r"^Violations: (\d+)\s*$"},
                    b={"path": out, "column": s.id, "aggregate": "count"})
        b.mutant("drop-last", "the last violation is missing").write(out, to_csv([s.id, "reason"], out_rows[:-1]))
        multi = next((r for r in out_rows if ";" in r[1]), None)
        if multi:
            b.mutant("first-reason-only", "only the first reason of a multi-reason record").write(
                out, to_csv([s.id, "reason"], [[r[0], r[1].split(";")[0]] if r is multi else r for r in out_rows]))
        header, raw = parse_csv(ws.files[p["src"]])
        at_limit = [r for r in raw if float(r[col[s.measure]]) == float(policy["limits"].get(r[col[s.group]], policy["default_limit"]))]
        if at_limit:
            rid = at_limit[0][col[s.id]]
            extra = [r for r in out_rows if r[0] != rid] + [[rid, "over-limit"]]
            b.mutant("at-limit-flagged", "a record exactly at its limit was flagged").write(out, to_csv([s.id, "reason"], extra))
        return b.build()


# ------------------------------------------------------------------ run an existing report script

REPORT_SCRIPT = """\"\"\"Monthly {entity} report: count and total {measure} per group for one month of {stem} exports.\"\"\"
import argparse
import csv
import json
from collections import defaultdict

MEASURE = "{measure}"
DATE = "{date}"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--input", required=True, help="the CSV export")
    ap.add_argument("{month_opt}", dest="month", required=True, help="YYYY-MM")
    ap.add_argument("{group_opt}", dest="group", default="{default_group}", help="column to group by")
    ap.add_argument("{format_opt}", dest="fmt", choices=["csv", "json"], default="csv")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    totals, counts = defaultdict(float), defaultdict(int)
    with open(a.input, newline="") as f:
        for row in csv.DictReader(f):
            if row[DATE].startswith(a.month):
                totals[row[a.group]] += float(row[MEASURE])
                counts[row[a.group]] += 1
    rows = [{{"group": k, "count": counts[k], "total": round(totals[k], 2)}} for k in sorted(totals)]
    with open(a.out, "w", newline="") as f:
        if a.fmt == "json":
            json.dump({{"month": a.month, "group_by": a.group, "rows": rows}}, f, indent=2)
        else:
            w = csv.DictWriter(f, fieldnames=["group", "count", "total"])
            w.writeheader()
            w.writerows(rows)


if __name__ == "__main__":
    main()
"""


class RunReportScript(Family):
    name = "run-report-script"
    domain = "analysis"
    intents = ("report-generation", "automation")
    skills = ("python-run-script",)
    optional_skills = ("json-query",)
    summary = "Produce a report by running the team's existing script with the right options (read its CLI), not by rewriting it."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        s = draw_schema(rng, pick_dataset(rng, ctx.persona.sector))
        months = sorted(rng.sample(vocab.MONTHS, 3))
        month = months[1]
        script = rng.choice(("scripts/monthly_report.py", "tools/report.py", "bin/make_report.py"))
        opts = {"month_opt": rng.choice(("--month", "--period")), "group_opt": rng.choice(("--group-by", "--by")),
                "format_opt": rng.choice(("--format", "--as"))}
        fmt = "json" if ctx.uses("json-query") or rng.random() < 0.5 else "csv"
        out = f"reports/{month}-by-{s.other_group}.{fmt}"
        text = (f"Make the {month} report of `{s.measure}` per `{s.other_group}` from `data/{s.stem}.csv` as "
                f"{fmt.upper()} at `{out}`, using the team's script `{script}` (run it; do not edit or replace it - "
                f"its options are in its `--help`).\n")
        return TaskPlan(title=f"Run the {month} report by {s.other_group}", domain=self.domain, difficulty="easy" if fmt == "csv" else "medium",
                        capabilities=("tool-selection", "file-state"), instruction=text, intent=rng.choice(self.intents),
                        expected_artifacts=(out,),
                        params={"schema": s, "months": months, "month": month, "script": script, "opts": opts,
                                "fmt": fmt, "out": out})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        s = p["schema"]
        rows = []
        for i, m in enumerate(p["months"]):
            rows += draw_rows(rng, s, rng.randint(8, 20), m, start=1 + 100 * i)
        rows.sort(key=lambda r: r[s.date])
        script = REPORT_SCRIPT.format(entity=s.dataset.entity, measure=s.measure, stem=s.stem, date=s.date,
                                      default_group=s.group, **p["opts"])
        files = {f"data/{s.stem}.csv": to_csv(s.header, rows), p["script"]: script,
                 "README.md": f"# Reports\n\nEvery month we run `{p['script']}` on the export in `data/`.\n"}
        return Workspace(files=files, traps=("several-months", "non-default-grouping"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p, s = plan.params, plan.params["schema"]
        header, raw = parse_csv(ws.files[f"data/{s.stem}.csv"])

        def report(month: str, group: str) -> list[dict]:
            gi, mi, di = header.index(group), header.index(s.measure), header.index(s.date)
            totals, counts = {}, {}
            for r in raw:
                if r[di].startswith(month):
                    totals[r[gi]] = totals.get(r[gi], 0.0) + float(r[mi])
                    counts[r[gi]] = counts.get(r[gi], 0) + 1
            return [{"group": k, "count": counts[k], "total": round(totals[k], 2)} for k in sorted(totals)]

        rows = report(p["month"], s.other_group)
        o = p["opts"]
        run = (f"python3 {p['script']} --input data/{s.stem}.csv {o['month_opt']} {{month}} {o['group_opt']} {{group}} "
               f"{o['format_opt']} {p['fmt']} --out {p['out']}")
        b = VerificationBuilder()
        b.exec("mkdir -p reports && " + run.format(month=p["month"], group=s.other_group))
        out = p["out"]
        if p["fmt"] == "json":
            b.check("month", "json_value", f"The report is for {p['month']}.", path=out, pointer="/month", equals=p["month"])
            b.check("group-by", "json_value", f"Grouped by {s.other_group}.", path=out, pointer="/group_by", equals=s.other_group)
            b.check("rows", "json_schema", f"{len(rows)} groups.", path=out,
                    schema={"type": "object", "properties": {"rows": {"type": "array", "minItems": len(rows), "maxItems": len(rows)}}})
            for i, r in enumerate(rows):
                b.check(f"total-{vocab.slug(r['group'])}", "json_value", f"{r['group']}: {r['total']}.", path=out,
                        pointer=f"/rows/{i}/total", approx=r["total"], tolerance=0.005)
        else:
            b.check("columns", "csv_columns", "group,count,total.", path=out, columns=["group", "count", "total"], exact=True)
            b.check("rows", "csv_value", f"{len(rows)} groups.", path=out, column="group", aggregate="count", equals=len(rows))
            for r in rows:
                b.check(f"total-{vocab.slug(r['group'])}", "csv_value", f"{r['group']}: {r['total']}.", path=out,
                        column="total", where={"group": r["group"]}, approx=r["total"], tolerance=0.005)
                b.check(f"count-{vocab.slug(r['group'])}", "csv_value", f"{r['group']}: {r['count']} rows.", path=out,
                        column="count", where={"group": r["group"]}, equals=r["count"])
        b.check("script-untouched", "regex", "The script is unchanged.", path=p["script"],
                pattern=r"\A" + _re(ws.files[p["script"]]) + r"\Z", multiline=False)
        b.mutant("wrong-month", "ran for the previous month").exec(run.format(month=p["months"][0], group=s.other_group))
        b.mutant("default-grouping", "left the default grouping").exec(run.format(month=p["month"], group=s.group))
        b.mutant("script-edited", "the script was edited").edit(p["script"], "import argparse\n", "import argparse  # patched\n")
        return b.build()


# ------------------------------------------------------------------ shared: compare a table with expected rows

TABLE_CHECK = '''"""Compare a CSV or Markdown table with the expected rows, in order (numbers within a tolerance)."""
import csv, io, json, os, re, sys
path, spec_name = sys.argv[1], sys.argv[2]
spec = json.load(open(os.path.join(os.environ["CLAWBENCH_CHECKS"], spec_name)))


def verdict(ok, observed, message=""):
    print(json.dumps({"passed": ok, "observed": observed, "expected": spec["expected_summary"], "message": message}))
    sys.exit(0 if ok else 1)


try:
    text = open(path, encoding="utf-8").read()
except OSError as e:
    verdict(False, "missing", str(e))
if spec["format"] == "csv":
    rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
else:
    rows = []
    for line in text.splitlines():
        s = line.strip()
        if not s.startswith("|"):
            if rows:
                break   # the first table only
            continue
        s = s[1:-1] if s.endswith("|") and len(s) > 1 else s[1:]
        cells = [c.strip() for c in s.split("|")]
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
            continue
        rows.append(cells)
if not rows:
    verdict(False, "no table", "the file holds no table")
header, body = [c.strip() for c in rows[0]], rows[1:]
if header != spec["columns"]:
    verdict(False, {"header": header}, "the header differs")
if len(body) != len(spec["rows"]):
    verdict(False, {"rows": len(body)}, "%d rows, expected %d" % (len(body), len(spec["rows"])))
numeric, tol = set(spec["numeric"]), spec["tolerance"]
for n, (got, want) in enumerate(zip(body, spec["rows"]), 1):
    got = [c.strip() for c in got] + [""] * (len(header) - len(got))
    for col, g, w in zip(header, got, want):
        if col in numeric and w != "":
            try:
                ok = abs(float(g) - float(w)) <= tol
            except ValueError:
                ok = False
        else:
            ok = g == w
        if not ok:
            verdict(False, {"row": n, "column": col, "value": g}, "row %d, %s: %r, expected %r" % (n, col, g, w))
verdict(True, {"rows": len(body)})
'''


def _table_check(b: VerificationBuilder, cid: str, description: str, path: str, fmt: str, columns: list[str],
                 rows: list[list[str]], numeric: list[str], tolerance: float, weight: float = 3) -> None:
    """A python check that compares the table at `path` (CSV or the first Markdown table) with `rows`."""
    spec_name = f"expected_{cid}.json"
    b.check_files[spec_name] = json.dumps({"format": fmt, "columns": columns, "rows": rows, "numeric": numeric,
                                           "tolerance": tolerance,
                                           "expected_summary": f"{len(rows)} rows as specified"}, indent=1) + "\n"
    b.python_check(cid, description, "check_table.py", TABLE_CHECK, args=[path, spec_name], weight=weight)


# ------------------------------------------------------------------ bank statement vs ledger reconciliation

_BANKS = ("Northbank", "Kestrel Bank", "Harbour Savings", "Fjord Bank", "Union Mutual", "Atlas Bank", "Meridian Bank",
          "Lakeland Credit Union")
_CURRENCIES = (("EUR", "€"), ("GBP", "£"), ("USD", "$"))
# (convention, date, description, reference, amount column or (out, in) columns, balance)
_BANK_LAYOUTS = (
    ("signed", "Date", "Description", "Reference", "Amount", "Balance"),
    ("signed", "Booking date", "Details", "Ref", "Amount", "Running balance"),
    ("signed", "Transaction Date", "Narrative", "Payment reference", "Value", "Balance"),
    ("split", "Date", "Description", "Reference", ("Paid out", "Paid in"), "Balance"),
    ("split", "Booking date", "Payee / payer", "Ref", ("Money out", "Money in"), "Balance"),
    ("split", "Value date", "Transaction", "Reference", ("Debit", "Credit"), "Balance"),
)
_DATE_FORMATS = {"%d/%m/%Y": "day first (DD/MM/YYYY)", "%d.%m.%Y": "DD.MM.YYYY", "%d %b %Y": "like `07 Mar 2024`",
                 "%m/%d/%Y": "month first (MM/DD/YYYY)", "%d-%m-%Y": "DD-MM-YYYY"}
# (id, date, reference, counterparty, amount) column names of the ledger
_LEDGER_FIELDS = (("entry_id", "date", "reference", "counterparty", "amount"),
                  ("journal_no", "posted", "ref", "memo", "amount"),
                  ("txn_id", "booked_on", "document_ref", "party", "amount"))
_LEDGER_TYPES = (("direction", "in", "out"), ("type", "receipt", "payment"), ("flow", "inflow", "outflow"))
_PARTY_SUFFIXES = ("Ltd", "& Co", "GmbH", "Supplies", "Trading", "Services", "BV", "Partners", "Wholesale")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_FINANCE_OPENERS = ("I'm closing {month_name} for {org} and need the bank reconciliation done.",
                    "Month-end at {org}: please reconcile the {bank} account for {month_name}.",
                    "Our accountant wants the {month_name} bank reconciliation for {org} by Friday.",
                    "Can you reconcile {org}'s {bank} statement for {month_name} against our books?")


def _month_shift(month: str, delta: int) -> str:
    y, m = map(int, month.split("-"))
    m += delta
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return f"{y}-{m:02d}"


def _money_text(value: float, symbol: str, formatted: bool, signed: bool = True) -> str:
    body = f"{abs(value):,.2f}" if formatted else f"{abs(value):.2f}"
    body = f"{symbol}{body}" if formatted and symbol else body
    return ("-" if value < 0 and signed else "") + body


def _parse_money(text: str, thousands: bool = True) -> float | None:
    s = text.strip()
    if not s:
        return 0.0
    if "," in s and not thousands:
        return None   # the near miss: float() on '1,234.50' fails and the line is skipped
    s = re.sub(r"[^0-9.\-]", "", s)
    return float(s)


class LedgerReconcile(Family):
    name = "ledger-reconcile"
    domain = "analysis"
    intents = ("data-analysis", "data-cleaning")
    skills = ("csv-inspect", "csv-merge-join")
    optional_skills = ("json-query", "json-write", "markdown-report")
    summary = ("Reconcile a bank statement export against the bookkeeping ledger by reference and amount: list the "
               "unmatched items of each side and summarise counts, totals and the net difference.")

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        month = rng.choice(vocab.MONTHS[1:-1])
        prev = _month_shift(month, -1)
        year = month[:4]
        bank = rng.choice(_BANKS)
        currency, symbol = rng.choice(_CURRENCIES)
        layout = rng.choice(_BANK_LAYOUTS)
        date_fmt = rng.choice(("%m/%d/%Y", "%d %b %Y") if currency == "USD" else
                              ("%d/%m/%Y", "%d.%m.%Y", "%d %b %Y", "%d-%m-%Y"))
        ledger_json = ctx.uses("json-query") or (not ctx.uses("json-write") and rng.random() < 0.3)
        fields = rng.choice(_LEDGER_FIELDS)
        typed = rng.random() < 0.5
        ltype = rng.choice(_LEDGER_TYPES) if typed else None
        bank_dir = rng.choice(("bank", "bank/statements", "statements", "finance/bank"))
        stem = rng.choice(("statement_{m}", "{bank}_{m}", "export_{m}", "account-{m}"))
        name_of = lambda m, extra="": stem.format(m=m, bank=vocab.slug(bank).replace("-", "_")) + extra + ".csv"
        statement = f"{bank_dir}/{name_of(month)}"
        quarter = f"{year}-Q{(int(month[5:]) - 1) // 3 + 1}"
        ledger = rng.choice((f"ledger/{year}", f"books/ledger_{year}", f"ledger/cashbook_{quarter}",
                             f"accounts/bank_ledger_{year}")) + (".json" if ledger_json else ".csv")
        optional = ["duplicate-line", "formatted-amounts", "reference-case", "stale-statement", "out-of-period",
                    "short-payment"]
        traps = [t for t in optional if rng.random() < 0.55]
        while len(traps) < 2:
            extra = rng.choice([t for t in optional if t not in traps])
            traps.append(extra)
        traps.sort(key=optional.index)
        stale = None
        if "stale-statement" in traps:
            stale = f"{bank_dir}/" + rng.choice((name_of(prev), name_of(month, "_provisional"), name_of(month, " (1)")))
        out_dir = rng.choice(("recon", "reconciliation", f"closing/{month}", "out/recon"))
        unmatched = f"{out_dir}/" + rng.choice(("unmatched.csv", f"unmatched_{month}.csv", "open_items.csv"))
        as_json = ctx.uses("json-write")
        summary = f"{out_dir}/" + (rng.choice(("summary.json", f"recon_{month}.json")) if as_json
                                   else rng.choice(("summary.csv", f"recon_summary_{month}.csv")))
        report = (f"reports/bank-reconciliation-{month}.md" if ctx.uses("markdown-report") else None)
        src_col, ref_col = rng.choice(("source", "side")), rng.choice(("reference", "ref"))
        diff_key = rng.choice(("difference", "net_difference"))
        signs = []
        conv, acol = layout[0], layout[4]
        if conv == "signed":
            signs.append(f"the statement's `{acol}` column is negative for money going out")
        else:
            signs.append(f"the statement has separate `{acol[0]}` (money out) and `{acol[1]}` (money in) columns, "
                         f"both positive")
        if typed:
            signs.append(f"the ledger's `{fields[4]}` is always positive and `{ltype[0]}` says `{ltype[1]}` or "
                         f"`{ltype[2]}`")
        else:
            signs.append(f"the ledger's `{fields[4]}` is negative for payments")
        month_name = f"{_MONTH_NAMES[int(month[5:]) - 1]} {year}"
        opener = rng.choice(_FINANCE_OPENERS).format(month_name=month_name, org=ctx.persona.organisation, bank=bank)
        metrics = ["matched", "unmatched_bank", "unmatched_ledger", "bank_total", "ledger_total", diff_key]
        text = (f"{opener}\n\nThe statement is `{statement}` (exported from {bank}, {currency}; dates are "
                f"{_DATE_FORMATS[date_fmt]}); the ledger is `{ledger}`. Sign conventions: {signs[0]}; "
                f"{signs[1]}.\n\nRules:\n"
                f"- Work with signed amounts from our side: money received is positive, money paid out is negative.\n"
                f"- Statement amounts may carry a currency symbol and thousands separators.\n"
                f"- The bank's export sometimes repeats a line word for word (same date, reference, amount and "
                f"balance); count such a repeated line once.\n"
                f"- A statement line matches a ledger entry when their references are equal ignoring case and "
                f"surrounding spaces, and their signed amounts are equal. Each line and each entry matches at most "
                f"once; the same reference with a different amount leaves both unmatched.\n"
                f"- Only ledger entries dated in {month} take part.\n"
                f"- Use `{statement}` only" + (", not the other exports next to it" if stale else "") + ".\n\n"
                f"Write:\n"
                f"1. `{unmatched}` with exactly the columns `{src_col},{ref_col},date,amount`: one row per unmatched "
                f"statement line (`{src_col}` = `bank`) and per unmatched ledger entry (`ledger`); bank rows first, "
                f"each side sorted by date and then reference. Write the reference upper-case without surrounding "
                f"spaces, the item's own date (statement date or ledger date) as YYYY-MM-DD and the signed amount with two decimals, no symbol or separators.\n")
        if as_json:
            text += (f"2. `{summary}`: a JSON object with `\"month\": \"{month}\"`, `matched` (matched pairs), "
                     f"`unmatched_bank`, `unmatched_ledger` (row counts of each side), `bank_total` (sum of every "
                     f"statement line, a repeated line once), `ledger_total` (sum of the {month} ledger entries) and "
                     f"`{diff_key}` (`bank_total` minus `ledger_total`); money rounded to 2 decimals.\n")
        else:
            text += (f"2. `{summary}` with exactly the columns `metric,value` and these rows in this order: "
                     + ", ".join(f"`{m}`" for m in metrics) + f". `matched` counts matched pairs, `unmatched_bank` "
                     f"and `unmatched_ledger` the rows of each side, `bank_total` is the sum of every statement line "
                     f"(a repeated line once), `ledger_total` the sum of the {month} ledger entries and `{diff_key}` "
                     f"is `bank_total` minus `ledger_total`; money with 2 decimals.\n")
        if report:
            text += (f"3. `{report}`: a short note for the accountant with a line `Matched: <pairs>` and a line "
                     f"`Net difference: <{diff_key}>`, then one bullet per unmatched item saying what it probably "
                     f"is (bank fee, uncleared payment, short payment...).\n")
        sign_trap = conv == "split" or typed
        points = len(traps) + sign_trap + bool(report) - 1
        return TaskPlan(
            title=f"Reconcile the {month} {bank} statement against the ledger", domain=self.domain,
            difficulty=difficulty_for(points),
            capabilities=tuple(c for c, on in (("cross-file", True), ("fine-grained", True),
                                               ("error-recovery", "duplicate-line" in traps or "formatted-amounts" in traps),
                                               ("file-state", bool(stale))) if on),
            instruction=text, intent=rng.choice(self.intents),
            expected_artifacts=tuple(x for x in (unmatched, summary, report) if x),
            params={"month": month, "prev": prev, "bank": bank, "currency": currency, "symbol": symbol,
                    "layout": layout, "date_fmt": date_fmt, "ledger_json": ledger_json, "fields": fields,
                    "ltype": ltype, "statement": statement, "stale": stale, "ledger": ledger, "traps": traps,
                    "unmatched": unmatched, "summary": summary, "as_json": as_json, "report": report,
                    "src_col": src_col, "ref_col": ref_col, "diff_key": diff_key, "metrics": metrics})

    # -- stage 2 -------------------------------------------------------------------------------
    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        traps, month = p["traps"], p["month"]
        conv, dcol, desc_col, rcol, acol, bcol = p["layout"]
        symbol, formatted = p["symbol"], "formatted-amounts" in traps
        parties = []
        while len(parties) < 14:
            name = f"{rng.choice(vocab.LAST_NAMES)} {rng.choice(_PARTY_SUFFIXES)}"
            if name not in parties:
                parties.append(name)
        inv = (rng.choice(("INV", "SI", "INV" + month[2:4], "AR")), rng.randint(1000, 7000))
        bill = (rng.choice(("PO", "BILL", "PI", "SUP")), rng.randint(200, 900))
        counters = {"inv": inv[1], "bill": bill[1]}

        def next_ref(kind: str) -> str:
            counters[kind] += rng.randint(1, 4)
            prefix = inv[0] if kind == "inv" else bill[0]
            return f"{prefix}-{counters[kind]}"

        def amount(receipt: bool, big: bool = False) -> float:
            if big:
                return round(rng.uniform(1000, 9500), 2) * (1 if receipt else -1)
            return round(rng.uniform(60, 4800) if receipt else -rng.uniform(15, 2600), 2)

        n = {"easy": rng.randint(7, 10), "medium": rng.randint(9, 14), "hard": rng.randint(11, 18)}[plan.difficulty]
        bank_lines: list[dict] = []    # day, desc, ref, amount
        ledger: list[dict] = []        # date, ref, party, amount
        for i in range(n):
            receipt = rng.random() < 0.45
            ref, party = next_ref("inv" if receipt else "bill"), rng.choice(parties)
            value = amount(receipt, big=(i == 0))
            day = rng.randint(1, 24)
            ledger.append({"date": f"{month}-{day:02d}", "ref": ref, "party": party, "amount": value})
            verb = rng.choice(("Transfer from", "Credit", "Faster payment from", "SEPA credit")) if receipt else \
                rng.choice(("Payment to", "Transfer to", "SEPA debit", "Bill payment"))
            bank_lines.append({"day": day + rng.randint(0, 3), "desc": f"{verb} {party}", "ref": ref, "amount": value})
        mmyy = month[5:] + month[2:4]
        bank_only = rng.sample((("Account maintenance fee", f"FEE-{mmyy}", -rng.choice((4.5, 7.5, 12.0, 15.0, 25.0))),
                                ("Interest paid", f"INT-{mmyy}", round(rng.uniform(0.4, 38), 2)),
                                (f"Direct debit {rng.choice(('Citypower', 'AquaNet', 'FleetLease', 'TeleOne'))}",
                                 f"DD-{rng.randint(10000, 99999)}", -round(rng.uniform(40, 700), 2)),
                                (f"Card payment {rng.choice(('OfficeHub', 'Parkwise', 'Cloudly', 'Stationers'))}",
                                 f"CARD-{rng.randint(1000, 9999)}", -round(rng.uniform(6, 240), 2))),
                               rng.randint(1, 3))
        for desc, ref, value in bank_only:
            bank_lines.append({"day": rng.randint(1, 28), "desc": desc, "ref": ref, "amount": value})
        for _ in range(rng.randint(1, 3)):   # in the books, not yet through the bank
            receipt = rng.random() < 0.4
            ref = next_ref("inv") if receipt else rng.choice((next_ref("bill"), f"CHQ-{rng.randint(100100, 100999)}"))
            ledger.append({"date": f"{month}-{rng.randint(25, 28):02d}", "ref": ref, "party": rng.choice(parties),
                           "amount": amount(receipt)})
        if "short-payment" in traps:
            ref, party = next_ref("inv"), rng.choice(parties)
            value = round(rng.uniform(300, 3000), 2)
            day = rng.randint(3, 20)
            ledger.append({"date": f"{month}-{day:02d}", "ref": ref, "party": party, "amount": value})
            bank_lines.append({"day": day + rng.randint(1, 4), "desc": f"Transfer from {party} (less charges)",
                               "ref": ref, "amount": round(value - rng.choice((1.5, 2.5, 5.0, 12.0, 15.0)), 2)})
        prev_entries = []
        if "out-of-period" in traps:
            for _ in range(rng.randint(1, 3)):
                before = rng.random() < 0.6
                receipt = rng.random() < 0.5
                when = (f"{p['prev']}-{rng.randint(18, 28):02d}" if before
                        else f"{_month_shift(month, 1)}-{rng.randint(1, 6):02d}")
                entry = {"date": when, "ref": next_ref("inv" if receipt else "bill"), "party": rng.choice(parties),
                         "amount": amount(receipt)}
                ledger.append(entry)
                if before:
                    prev_entries.append(entry)
        if "reference-case" in traps:
            shown = [line for line in bank_lines if line["ref"][0].isalpha()]
            for line in rng.sample(shown, min(len(shown), rng.randint(2, 4))):
                line["ref"] = rng.choice((line["ref"].lower(), f" {line['ref']}", f"{line['ref']} ",
                                          line["ref"].capitalize()))
        y, m = map(int, month.split("-"))
        date_of = lambda d: dt.date(y, m, d)

        def statement(lines: list[dict], opening: float, duplicate: bool) -> str:
            lines = sorted(lines, key=lambda x: (x["day"], x["ref"].strip().upper()))
            balance, out_rows = opening, []
            for line in lines:
                balance = round(balance + line["amount"], 2)
                when = (line["date"] if "date" in line else date_of(line["day"])).strftime(p["date_fmt"])
                money = ([_money_text(line["amount"], symbol, formatted)] if conv == "signed" else
                         [_money_text(-line["amount"], symbol, formatted, False) if line["amount"] < 0 else "",
                          _money_text(line["amount"], symbol, formatted) if line["amount"] > 0 else ""])
                out_rows.append([when, line["desc"], line["ref"], *money, _money_text(balance, symbol, formatted)])
            if duplicate:
                k = rng.randrange(len(out_rows))
                out_rows.insert(k + 1, list(out_rows[k]))
            head = [dcol, desc_col, rcol, *([acol] if conv == "signed" else list(acol)), bcol]
            return to_csv(head, out_rows)

        opening = round(rng.uniform(2000, 40000), 2)
        files = {p["statement"]: statement(bank_lines, opening, "duplicate-line" in traps)}
        if p["stale"]:
            if p["prev"] in p["stale"]:
                py, pm = map(int, p["prev"].split("-"))
                old = [{"date": dt.date(py, pm, int(e["date"][8:])), "day": int(e["date"][8:]),
                        "desc": f"Transfer {e['party']}", "ref": e["ref"], "amount": e["amount"]} for e in prev_entries]
                for _ in range(rng.randint(4, 8)):
                    receipt = rng.random() < 0.5
                    d = rng.randint(1, 28)
                    old.append({"date": dt.date(py, pm, d), "day": d, "desc": f"Transfer {rng.choice(parties)}",
                                "ref": f"{inv[0] if receipt else bill[0]}-{rng.randint(100, 999)}",
                                "amount": amount(receipt)})
                files[p["stale"]] = statement(old, round(opening - rng.uniform(-3000, 3000), 2), False)
            else:   # downloaded mid-month: the first half only
                files[p["stale"]] = statement([x for x in bank_lines if x["day"] <= 15], opening, False)
        f_id, f_date, f_ref, f_party, f_amount = p["fields"]
        ledger.sort(key=lambda e: (e["date"], e["ref"]))
        records = []
        for k, e in enumerate(ledger, 1):
            rec = {f_id: f"JE-{month[2:4]}{k:04d}", f_date: e["date"], f_ref: e["ref"], f_party: e["party"]}
            if p["ltype"]:
                rec[f_amount] = abs(e["amount"])
                rec[p["ltype"][0]] = p["ltype"][1] if e["amount"] > 0 else p["ltype"][2]
            else:
                rec[f_amount] = e["amount"]
            records.append(rec)
        cols = [f_id, f_date, f_ref, f_party, f_amount] + ([p["ltype"][0]] if p["ltype"] else [])
        if p["ledger_json"]:
            files[p["ledger"]] = json.dumps({"company": ctx.persona.organisation, "account": f"{p['bank']} current account",
                                             "currency": p["currency"], "entries": records}, indent=2) + "\n"
        else:
            files[p["ledger"]] = to_csv(cols, [[fmt_number(r[c], 2) if c == f_amount else str(r[c]) for c in cols]
                                               for r in records])
        files["notes/month-end.md"] = (
            f"# Month-end checklist ({ctx.persona.organisation})\n\n"
            f"1. Download the {p['bank']} statement as CSV into `{p['statement'].rsplit('/', 1)[0]}/`.\n"
            f"2. Reconcile it against `{p['ledger']}`.\n3. Chase unmatched receipts; book bank fees and interest.\n"
            f"4. Send the summary to the accountant.\n")
        return Workspace(files=files, traps=tuple(traps) + (("sign-convention",) if conv == "split" or p["ltype"] else ())
                         + ("date-formats",))

    # -- stage 3 -------------------------------------------------------------------------------
    def _reconcile(self, p: dict, bank_text: str, ledger_text: str, *, dedupe=True, norm_ref=True, signs=True,
                   period=True, ref_only=False, thousands=True, iso_dates=True):
        conv, dcol, _, rcol, acol, _ = p["layout"]
        header, raw = parse_csv(bank_text)
        col = {h: i for i, h in enumerate(header)}
        seen, bank = set(), []
        for r in raw:
            if dedupe and tuple(r) in seen:
                continue
            seen.add(tuple(r))
            if conv == "signed":
                value = _parse_money(r[col[acol]], thousands)
            else:
                out_v, in_v = _parse_money(r[col[acol[0]]], thousands), _parse_money(r[col[acol[1]]], thousands)
                value = None if out_v is None or in_v is None else (in_v - out_v if signs else in_v + out_v)
            if value is None:
                continue
            when = dt.datetime.strptime(r[col[dcol]].strip(), p["date_fmt"]).date().isoformat()
            bank.append({"ref": r[col[rcol]], "date": when if iso_dates else r[col[dcol]], "amount": round(value, 2)})
        _, f_date, f_ref, _, f_amount = p["fields"]
        if p["ledger_json"]:
            entries = json.loads(ledger_text)["entries"]
        else:
            lh, lr = parse_csv(ledger_text)
            entries = [dict(zip(lh, r)) for r in lr]
        ledger = []
        for e in entries:
            value = float(e[f_amount])
            if p["ltype"] and signs and e[p["ltype"][0]] == p["ltype"][2]:
                value = -value
            if period and not str(e[f_date]).startswith(p["month"]):
                continue
            ledger.append({"ref": str(e[f_ref]), "date": str(e[f_date]), "amount": round(value, 2)})
        norm = (lambda s: s.strip().upper()) if norm_ref else (lambda s: s)
        key = (lambda x: norm(x["ref"])) if ref_only else (lambda x: (norm(x["ref"]), round(x["amount"] * 100)))
        open_ledger: dict = {}
        for e in ledger:
            open_ledger.setdefault(key(e), []).append(e)
        matched, un_bank = 0, []
        for line in bank:
            if open_ledger.get(key(line)):
                open_ledger[key(line)].pop(0)
                matched += 1
            else:
                un_bank.append(line)
        un_ledger = [e for e in ledger if any(e is x for x in open_ledger.get(key(e), []))]
        rows = [["bank", norm(x["ref"]), x["date"], fmt_number(x["amount"], 2)]
                for x in sorted(un_bank, key=lambda x: (x["date"], norm(x["ref"])))]
        rows += [["ledger", norm(x["ref"]), x["date"], fmt_number(x["amount"], 2)]
                 for x in sorted(un_ledger, key=lambda x: (x["date"], norm(x["ref"])))]
        bank_total = round(sum(x["amount"] for x in bank), 2)
        ledger_total = round(sum(x["amount"] for x in ledger), 2)
        summary = {"matched": matched, "unmatched_bank": len(un_bank), "unmatched_ledger": len(un_ledger),
                   "bank_total": bank_total, "ledger_total": ledger_total,
                   p["diff_key"]: round(bank_total - ledger_total, 2)}
        return rows, summary

    def _outputs(self, p: dict, rows: list[list[str]], summary: dict) -> dict[str, str]:
        files = {p["unmatched"]: to_csv([p["src_col"], p["ref_col"], "date", "amount"], rows)}
        if p["as_json"]:
            files[p["summary"]] = json.dumps({"month": p["month"], **summary}, indent=2) + "\n"
        else:
            files[p["summary"]] = to_csv(["metric", "value"], [
                [m, fmt_number(summary[m], 2) if isinstance(summary[m], float) else str(summary[m])]
                for m in p["metrics"]])
        if p["report"]:
            kinds = {"FEE": "bank fee to book", "INT": "interest to book", "DD-": "direct debit to book",
                     "CAR": "card payment to book", "CHQ": "cheque not yet presented"}
            bullets = [f"- {src} {ref} {date} {amt}: " + next(
                (v for k, v in kinds.items() if ref.startswith(k)),
                "short payment or timing difference" if src == "bank" else "not yet through the bank")
                for src, ref, date, amt in rows]
            files[p["report"]] = (f"# Bank reconciliation {p['month']}\n\nMatched: {summary['matched']}\n"
                                  f"Net difference: {fmt_number(summary[p['diff_key']], 2)}\n\n## Unmatched items\n\n"
                                  + "\n".join(bullets) + "\n")
        return files

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        bank_text, ledger_text = ws.files[p["statement"]], ws.files[p["ledger"]]
        rows, summary = self._reconcile(p, bank_text, ledger_text)
        if not rows or not summary["matched"]:
            raise ValueError("the drawn statement reconciles trivially")
        b = VerificationBuilder()
        for path, content in self._outputs(p, rows, summary).items():
            b.write(path, content)
        un, sm, cols = p["unmatched"], p["summary"], [p["src_col"], p["ref_col"], "date", "amount"]
        b.check("unmatched-columns", "csv_columns", "The unmatched list has exactly the requested columns.", path=un,
                columns=cols, exact=True)
        n_bank = summary["unmatched_bank"]
        _table_check(b, "unmatched-rows", f"Exactly the {n_bank} unmatched statement lines and "
                     f"{summary['unmatched_ledger']} unmatched ledger entries, normalised and in order.", un, "csv",
                     cols, rows, ["amount"], 0.005)
        dk = p["diff_key"]
        if p["as_json"]:
            b.check("summary-schema", "json_schema", "The summary is a JSON object with the requested fields.", path=sm,
                    schema={"type": "object", "required": ["month", *p["metrics"]],
                            "properties": {"matched": {"type": "integer"}, "unmatched_bank": {"type": "integer"},
                                           "unmatched_ledger": {"type": "integer"}, "bank_total": {"type": "number"},
                                           "ledger_total": {"type": "number"}, dk: {"type": "number"}}})
            where = lambda m: {"path": sm, "pointer": f"/{m}"}
            value_check = lambda cid, desc, m, **want: b.check(cid, "json_value", desc, path=sm, pointer=f"/{m}", **want)
        else:
            b.check("summary-columns", "csv_columns", "The summary has exactly metric,value.", path=sm,
                    columns=["metric", "value"], exact=True, min_rows=len(p["metrics"]))
            where = lambda m: {"path": sm, "column": "value", "where": {"metric": m}}
            value_check = lambda cid, desc, m, **want: b.check(cid, "csv_value", desc, path=sm, column="value",
                                                               where={"metric": m}, **want)
        value_check("matched", f"{summary['matched']} matched pairs.", "matched", equals=summary["matched"], weight=2)
        value_check("unmatched-bank", f"{n_bank} unmatched statement lines.", "unmatched_bank", equals=n_bank)
        value_check("unmatched-ledger", f"{summary['unmatched_ledger']} unmatched ledger entries.", "unmatched_ledger",
                    equals=summary["unmatched_ledger"])
        value_check("bank-total", f"Statement total {summary['bank_total']:.2f}.", "bank_total",
                    approx=summary["bank_total"], tolerance=0.01)
        value_check("ledger-total", f"Ledger total for {p['month']} {summary['ledger_total']:.2f}.", "ledger_total",
                    approx=summary["ledger_total"], tolerance=0.01)
        value_check("difference", f"Net difference {summary[dk]:.2f} (bank minus ledger).", dk,
                    approx=summary[dk], tolerance=0.01)
        if p["report"]:
            b.check("report-matched", "regex", f"The note says {summary['matched']} matched.", path=p["report"],
                    pattern=rf"^Matched: {summary['matched']}\s*$")
            b.check("report-difference", "same_value", "The note's net difference agrees with the summary.",
                    a={"path": p["report"], "regex": r"^Net difference: (-?[0-9][0-9,]*\.?[0-9]*)\s*$"}, b=where(dk),
                    tolerance=0.01)
            b.rubric_item("report-explains", "Each unmatched item in the note gets a plausible explanation (bank fee, "
                          "interest, uncleared payment, short payment) consistent with the unmatched list.",
                          [p["report"], un])

        def spoil(mid: str, description: str, rows2, summary2) -> None:
            m = b.mutant(mid, description)
            for path, content in self._outputs(p, rows2, summary2).items():
                m.write(path, content)

        knobs = (("duplicate-counted", "the repeated statement line was counted twice", {"dedupe": False}),
                 ("references-raw", "references were compared without trimming and case-folding", {"norm_ref": False}),
                 ("signs-ignored", "the two sign conventions were not reconciled", {"signs": False}),
                 ("other-months", "ledger entries from other months were reconciled too", {"period": False}),
                 ("reference-only", "lines were matched on the reference alone", {"ref_only": True}),
                 ("separators-unparsed", "amounts with thousands separators were skipped", {"thousands": False}),
                 ("dates-as-exported", "statement dates were copied in the bank's format", {"iso_dates": False}))
        for mid, description, kw in knobs:
            spoil(mid, description, *self._reconcile(p, bank_text, ledger_text, **kw))
        if p["stale"]:
            spoil("stale-statement", f"reconciled {p['stale']} instead", *self._reconcile(p, ws.files[p["stale"]], ledger_text))
        spoil("bank-side-only", "only the statement side of the unmatched items was listed",
              [r for r in rows if r[0] == "bank"], summary)
        spoil("difference-reversed", "the net difference is ledger minus bank", rows,
              {**summary, dk: round(-summary[dk], 2)} if summary[dk] else {**summary, dk: 1.0})
        return b.build()


# ------------------------------------------------------------------ survey roll-up

# (sectors, survey title, survey slug, who answers, scale questions (key, text), choice questions (key, text,
# options), free-text questions (key, text))
_SURVEY_THEMES = (
    (("education",), "Course feedback", "course-feedback", "students",
     (("clarity", "The lessons were clearly explained"), ("workload", "The workload was manageable"),
      ("feedback", "Feedback on my work was useful"), ("recommend", "I would recommend this course to a friend"),
      ("pace", "The pace of the course suited me")),
     (("study_mode", "How do you prefer to study?", ("In class", "Online", "Mixed")),
      ("homework_hours", "Hours of homework per week", ("0-2", "3-5", "6-10", "More than 10")),
      ("resources", "Which resource helped most?", ("Textbook", "Slides", "Videos", "Past papers"))),
     (("change", "What should we change next term?"),)),
    (("health",), "Patient experience", "patient-experience", "patients",
     (("booking_ease", "How easy was it to book your appointment?"), ("waiting", "How satisfied were you with the waiting time?"),
      ("explained", "How well was your treatment explained?"), ("cleanliness", "How clean was the clinic?"),
      ("reception", "How helpful was the reception team?")),
     (("booked_via", "How did you book?", ("Phone", "Online", "Walk-in", "App")),
      ("visit_type", "What was your visit for?", ("Check-up", "Treatment", "Follow-up")),
      ("return", "Would you come back?", ("Yes", "No", "Not sure"))),
     (("comments", "Anything else you want to tell us?"),)),
    (("retail", "hospitality"), "Customer satisfaction", "customer-satisfaction", "customers",
     (("overall", "Overall, how satisfied are you?"), ("staff", "How friendly were our staff?"),
      ("value", "How do you rate value for money?"), ("recommend", "How likely are you to recommend us?"),
      ("range", "How happy are you with our range?")),
     (("visit_freq", "How often do you visit?", ("Weekly", "Monthly", "A few times a year", "First visit")),
      ("heard_from", "How did you hear about us?", ("Friend", "Social media", "Search", "Walked past")),
      ("channel", "Where do you usually shop with us?", ("In store", "Online", "Both"))),
     (("improve", "What could we do better?"),)),
    (("corporate", "legal", "agency"), "Employee pulse", "employee-pulse", "staff",
     (("valued", "I feel valued at work"), ("workload", "My workload is manageable"),
      ("growth", "I see a path to grow here"), ("manager", "My manager supports me"), ("tools", "I have the tools I need")),
     (("office_days", "How many office days suit you?", ("None", "1-2", "3-4", "Every day")),
      ("team", "Which team are you in?", ("Operations", "Finance", "Client services", "People")),
      ("training", "Preferred training format", ("Workshop", "E-learning", "Mentoring"))),
     (("one_change", "If you could change one thing, what would it be?"),)),
    (("events",), "Post-event feedback", "event-feedback", "attendees",
     (("venue", "How would you rate the venue?"), ("catering", "How would you rate the catering?"),
      ("content", "How relevant was the programme?"), ("organisation", "How well organised was the day?"),
      ("networking", "How useful was the networking time?")),
     (("favourite", "Which session did you like most?", ("Keynote", "Workshops", "Panel", "Lightning talks")),
      ("travel", "How did you travel?", ("Train", "Car", "Bike", "Walked")),
      ("attend_again", "Will you attend next year?", ("Yes", "No", "Maybe"))),
     (("suggestions", "Suggestions for next year"),)),
    (("tech", "software", "marketing"), "Product feedback", "product-feedback", "users",
     (("ease", "How easy is the product to use?"), ("reliability", "How reliable has it been?"),
      ("support", "How satisfied are you with support?"), ("docs", "How useful is the documentation?"),
      ("recommend", "How likely are you to recommend us?")),
     (("plan", "Which plan are you on?", ("Free", "Pro", "Team", "Enterprise")),
      ("usage", "How often do you use it?", ("Daily", "Weekly", "Monthly", "Rarely")),
      ("platform", "Main platform", ("Web", "iOS", "Android", "Desktop"))),
     (("missing", "What feature is missing?"),)),
    (("nonprofit", "research"), "Volunteer survey", "volunteer-survey", "volunteers",
     (("welcome", "I felt welcome as a volunteer"), ("briefing", "The briefing prepared me well"),
      ("impact", "I can see the impact of my work"), ("coordination", "Shifts were well coordinated"),
      ("again", "I want to volunteer again")),
     (("role", "Main role", ("Events", "Fundraising", "Admin", "Field work")),
      ("hours", "Hours per month", ("Under 5", "5-10", "11-20", "Over 20")),
      ("contact", "Preferred contact", ("Email", "Phone", "Text message"))),
     (("ideas", "Ideas for the coming season"),)),
    (("logistics", "facilities"), "Service survey", "service-survey", "clients",
     (("on_time", "How satisfied are you with on-time delivery?"), ("condition", "How satisfied are you with the condition of goods?"),
      ("communication", "How clear is our communication?"), ("portal", "How easy is our booking portal to use?"),
      ("value", "How do you rate value for money?")),
     (("volume", "Shipments per month", ("1-10", "11-50", "51-200", "Over 200")),
      ("contact_pref", "How do you prefer to contact us?", ("Email", "Phone", "Portal chat")),
      ("renew", "Will you renew your contract?", ("Yes", "No", "Undecided"))),
     (("feedback", "Any other feedback?"),)),
)
_SCALES = ((1, 5), (1, 5), (1, 7), (0, 10), (1, 10))
_RESPONDENT_DOMAINS = ("example.com", "mail.example.org", "post.example.net", "inbox.example", "webmail.example.co")


def _survey_theme(rng, sector: str):
    fitting = [t for t in _SURVEY_THEMES if sector in t[0]]
    return rng.choice(fitting) if fitting and rng.random() < 0.85 else rng.choice(_SURVEY_THEMES)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class SurveyRollup(Family):
    name = "survey-rollup"
    domain = "analysis"
    intents = ("data-analysis", "report-generation")
    skills = ("json-query", "yaml-read", "csv-group-aggregate")
    optional_skills = ("json-write", "markdown-table", "markdown-report")
    summary = ("Roll up survey submissions (JSON or JSON lines) per question against a YAML questions file: response "
               "counts, means of scale questions, option counts of choice questions; staff tests, repeat submissions, "
               "skipped answers and option spellings handled.")

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        _, title, slug, who, scales, choices, texts = _survey_theme(rng, ctx.persona.sector)
        month = rng.choice(vocab.MONTHS)
        noun = title.lower() if "survey" in title.lower() else f"{title.lower()} survey"
        survey_id = f"{slug}-{month}"
        shape = rng.choice(("list", "object", "jsonl"))
        folder = rng.choice((f"surveys/{slug}", "surveys", "forms/exports", f"data/{slug}"))
        responses = f"{folder}/" + rng.choice(("responses", f"{slug}_responses", f"export_{month}")) + (
            ".jsonl" if shape == "jsonl" else ".json")
        questions = rng.choice((f"{folder}/questions.yaml", f"forms/{slug}.yaml", f"config/{slug}-questions.yaml"))
        stale = None
        if rng.random() < 0.45:
            stale = f"{folder}/" + rng.choice((f"pilot_{month}", f"{slug}_responses_old", "responses_partial")) + (
                ".jsonl" if shape == "jsonl" else ".json")
        keys = {"who": rng.choice(("email", "respondent", "respondent_email")),
                "when": rng.choice(("submitted_at", "timestamp", "completed_at")),
                "answers": rng.choice(("answers", "responses", "data"))}
        staff_domain = vocab.slug(ctx.persona.organisation) + rng.choice((".example", ".example.org", "-staff.example"))
        id_style = rng.choice(("numbered", "keyed", "prefixed"))
        md_table = ctx.uses("markdown-table")
        as_json = ctx.uses("json-write")
        report = f"reports/{survey_id}-summary.md" if ctx.uses("markdown-report") else None
        table = (f"reports/{survey_id}-results.md" if md_table else
                 rng.choice((f"out/{slug}_by_question.csv", f"results/{survey_id}.csv", f"reports/{survey_id}-questions.csv")))
        detail = (rng.choice((f"out/{slug}_summary.json", f"results/{survey_id}.json")) if as_json else
                  rng.choice((f"out/{slug}_options.csv", f"results/{survey_id}-options.csv")))
        cols = [rng.choice(("question", "question_id")), "type", rng.choice(("responses", "answered", "n")),
                rng.choice(("mean", "average")), rng.choice(("top_answer", "most_common"))]
        q, _, resp, mean, top = cols
        include_text = rng.random() < 0.7
        rules = [(f"- Submissions from `@{staff_domain}` addresses (any case) are colleagues testing the form; "
                  f"leave them out."),
                 (f"- A person is identified by `{keys['who']}`, ignoring case. If someone submitted more than once, "
                  f"keep only their latest submission by `{keys['when']}` (not file order) and drop the earlier "
                  f"ones entirely, even answers the latest one left empty."),
                 "- A question left empty (`null`, an empty string or no key at all) was skipped by that person.",
                 (f"- Answers to choice questions may differ from the options in `{questions}` in case or "
                  f"surrounding spaces; count them under the option as spelled in `{questions}`.")]
        if stale:
            rules.append(f"- Use `{responses}` only; `{stale}` is an older, incomplete export.")
        kind = "Markdown table" if md_table else "CSV"
        steps = [f"`{table}`: a {kind} with exactly the columns `{', '.join(cols) if md_table else ','.join(cols)}`"
                 f" - one row per scale or choice question in the order of `{questions}`"
                 + (" (leave free-text questions out)" if include_text else "") + f". `{q}` is the question id, "
                 f"`type` is `scale` or `choice`, `{resp}` the number of people who answered it. For scale questions "
                 f"`{mean}` is the mean answer rounded to 2 decimals and `{top}` is empty; for choice questions "
                 f"`{mean}` is empty and `{top}` is the option chosen most often (a tie goes to the option listed "
                 f"first)."]
        if as_json:
            steps.append(f"`{detail}`: a JSON object `{{\"survey\": <the survey id from {questions}>, \"respondents\": "
                         f"<people counted>, \"questions\": {{...}}}}` where `questions` maps each scale question id "
                         f"to `{{\"responses\": <n>, \"mean\": <2 decimals>}}` and each choice question id to "
                         f"`{{\"responses\": <n>, \"counts\": {{<option>: <n>, ...}}}}` with every listed option, "
                         f"0 included.")
        else:
            steps.append(f"`{detail}` with exactly the columns `question,option,count`: one row per option of every "
                         f"choice question (0 when nobody chose it), questions in file order and options in the "
                         f"order listed.")
        if report:
            steps.append(f"`{report}`: a few lines for the team with a line `Respondents: <people counted>` and a line "
                         f"`Lowest-rated: <id of the scale question with the lowest mean>` (a tie goes to the one "
                         f"listed first).")
        opener = rng.choice((
            (f"The {noun} for our {who} ({month}) has closed. Please roll up the answers from `{responses}`; the "
             f"questions are defined in `{questions}`."),
            (f"Can you summarise our {noun} results ({month})? The export is `{responses}` and the question "
             f"list is `{questions}`."),
            (f"I need the {month} {noun} numbers for {ctx.persona.organisation}: answers in `{responses}`, "
             f"questions in `{questions}`.")))
        text = (f"{opener}\n\nWho and what counts:\n" + "\n".join(rules) + "\n\nWrite:\n"
                + "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1)) + "\n")
        points = 2 + bool(stale) + bool(report) + md_table + (shape == "jsonl")
        return TaskPlan(
            title=f"Roll up the {month} {noun}", domain=self.domain, difficulty=difficulty_for(points),
            capabilities=tuple(c for c, on in (("cross-file", True), ("fine-grained", True), ("error-recovery", True),
                                               ("file-state", bool(stale))) if on),
            instruction=text, intent=rng.choice(self.intents),
            expected_artifacts=tuple(x for x in (table, detail, report) if x),
            params={"title": title, "slug": slug, "who": who, "scales": scales, "choices": choices, "texts": texts,
                    "month": month, "survey_id": survey_id, "shape": shape, "responses": responses,
                    "questions": questions, "stale": stale, "keys": keys, "staff_domain": staff_domain,
                    "id_style": id_style, "md_table": md_table, "as_json": as_json, "report": report, "table": table,
                    "detail": detail, "cols": cols, "include_text": include_text})

    # -- stage 2 -------------------------------------------------------------------------------
    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        lo, hi = rng.choice(_SCALES)
        scales = rng.sample(p["scales"], rng.randint(2, 4))
        choices = rng.sample(p["choices"], rng.randint(1, 3))
        texts = list(p["texts"]) if p["include_text"] else []
        items = [("scale", s) for s in scales] + [("choice", c) for c in choices] + [("text", t) for t in texts]
        rng.shuffle(items)
        if items[-1][0] != "text" and texts and rng.random() < 0.7:   # free text usually comes last
            items = [x for x in items if x[0] != "text"] + [x for x in items if x[0] == "text"]
        questions = []
        for n, (kind, spec) in enumerate(items, 1):
            qid = {"numbered": f"q{n}", "keyed": spec[0], "prefixed": f"Q{n:02d}_{spec[0]}"}[p["id_style"]]
            q = {"id": qid, "text": spec[1], "type": kind}
            if kind == "scale":
                q.update(min=lo, max=hi)
            elif kind == "choice":
                q["options"] = list(spec[2])
            questions.append(q)
        lines = [f"# {p['title']}, {p['month']} ({ctx.persona.organisation}); answers are collected by the web form",
                 f"survey: {p['survey_id']}", f"title: {json.dumps(p['title'] + ' ' + p['month'])}", "questions:"]
        for q in questions:
            lines.append(f"  - id: {q['id']}")
            lines.append(f"    text: {json.dumps(q['text'])}")
            lines.append(f"    type: {q['type']}")
            if q["type"] == "scale":
                lines += [f"    min: {lo}", f"    max: {hi}"]
            elif q["type"] == "choice":
                lines.append(f"    options: [{', '.join(json.dumps(o) for o in q['options'])}]")
        files = {p["questions"]: "\n".join(lines) + "\n"}
        keys, traps = p["keys"], ["skipped-answers", "staff-tests", "repeat-submissions", "option-spelling"]
        y, m = map(int, p["month"].split("-"))
        start = dt.datetime(y, m, rng.randint(1, 10), 8, 0)
        people = vocab.people(rng, rng.randint(12, 26))

        def stamp(t: dt.datetime) -> str:
            return t.strftime("%Y-%m-%dT%H:%M:%SZ")

        def answers(bias: float, respell: bool) -> dict:
            out = {}
            for q in questions:
                roll = rng.random()
                if roll < (0.12 if q["type"] != "text" else 0.35):
                    style = rng.choice(("null", "missing", "empty" if q["type"] != "scale" else "null"))
                    if style != "missing":
                        out[q["id"]] = None if style == "null" else ""
                    continue
                if q["type"] == "scale":
                    value = round(lo + (hi - lo) * min(1.0, max(0.0, rng.gauss(bias, 0.25))))
                    out[q["id"]] = value
                elif q["type"] == "choice":
                    weights = [rng.random() + (1.2 if k == 0 else 0) for k in range(len(q["options"]))]
                    option = rng.choices(q["options"], weights=weights)[0]
                    if respell and rng.random() < 0.25:
                        option = rng.choice((option.lower(), option.upper(), f"{option} ", f" {option.lower()}"))
                    out[q["id"]] = option
                else:
                    out[q["id"]] = rng.choice(("More practical examples please.", "All good, thanks!", "Parking was hard.",
                                               "Shorter forms.", "n/a", "Keep it up", "Better signage"))
            return out

        subs = []
        for k, person in enumerate(people):
            first, last = person.split()
            email = f"{first.lower()}.{last.lower()}@{rng.choice(_RESPONDENT_DOMAINS)}"
            when = start + dt.timedelta(hours=rng.randint(0, 14 * 24), minutes=rng.randint(0, 59))
            subs.append({"who": email, "when": when, "answers": answers(rng.uniform(0.45, 0.85), True)})
        # someone submits again later with changed answers (and sometimes a differently cased address)
        for original in rng.sample(subs[:-2], rng.randint(1, 2)):
            again = {"who": original["who"] if rng.random() < 0.5 else original["who"].capitalize(),
                     "when": original["when"] + dt.timedelta(hours=rng.randint(1, 72), minutes=rng.randint(1, 59)),
                     "answers": answers(rng.uniform(0.3, 0.9), True)}
            subs.insert(subs.index(original) + (0 if rng.random() < 0.5 else 1), again)
        # colleagues testing the form
        staff = [f"test@{p['staff_domain']}", f"{vocab.handle(vocab.person(rng))}@{p['staff_domain'].upper()}"]
        for addr in staff[:rng.randint(1, 2)]:
            subs.insert(rng.randint(0, 3), {"who": addr, "when": start - dt.timedelta(hours=rng.randint(1, 48)),
                                            "answers": answers(rng.choice((0.0, 1.0)), False)})
        # make sure every trap is really present: a skipped scale answer, a respelled option
        scale_ids = [q["id"] for q in questions if q["type"] == "scale"]
        choice_qs = [q for q in questions if q["type"] == "choice"]
        real = [s for s in subs if not s["who"].lower().endswith("@" + p["staff_domain"])]
        if not any(_blank(s["answers"].get(i)) for s in real for i in scale_ids):
            rng.choice(real)["answers"][rng.choice(scale_ids)] = None
        if not any(isinstance(s["answers"].get(q["id"]), str) and s["answers"][q["id"]] not in q["options"]
                   and not _blank(s["answers"][q["id"]]) for s in real for q in choice_qs):
            q = rng.choice(choice_qs)
            holder = next((s for s in real if not _blank(s["answers"].get(q["id"]))), real[0])
            option = holder["answers"].get(q["id"]) or q["options"][0]
            holder["answers"][q["id"]] = rng.choice([v for v in (option.lower(), option.upper(), f" {option}", f"{option} ")
                                                     if v != option])

        def record(k: int, s: dict) -> dict:
            return {"id": f"R{k:04d}", keys["who"]: s["who"], keys["when"]: stamp(s["when"]),
                    "channel": rng.choice(("web", "qr", "email-link")), keys["answers"]: s["answers"]}

        def dump(records: list[dict]) -> str:
            if p["shape"] == "jsonl":
                return "".join(json.dumps(r) + "\n" for r in records)
            if p["shape"] == "list":
                return json.dumps(records, indent=2) + "\n"
            return json.dumps({"survey": p["survey_id"], "exported": stamp(max(s["when"] for s in subs)
                                                                           + dt.timedelta(hours=6)),
                               "submissions": records}, indent=2) + "\n"

        records = [record(k, s) for k, s in enumerate(subs, 1)]
        files[p["responses"]] = dump(records)
        if p["stale"]:
            files[p["stale"]] = dump(records[: max(4, len(records) // 2)])
            traps.append("stale-export")
        if p["shape"] == "jsonl":
            traps.append("json-lines")
        return Workspace(files=files, traps=tuple(traps))

    # -- stage 3 -------------------------------------------------------------------------------
    def _rollup(self, p: dict, ws: Workspace, responses_text: str, *, staff=False, dedupe="latest", normalise=True,
                skipped_count=False, with_text=False):
        import yaml as _yaml
        spec = _yaml.safe_load(ws.files[p["questions"]])
        keys = p["keys"]
        if p["shape"] == "jsonl":
            records = [json.loads(line) for line in responses_text.splitlines() if line.strip()]
        else:
            doc = json.loads(responses_text)
            records = doc["submissions"] if isinstance(doc, dict) else doc
        if not staff:
            records = [r for r in records if not r[keys["who"]].strip().lower().endswith("@" + p["staff_domain"].lower())]
        if dedupe != "none":
            chosen: dict[str, dict] = {}
            for r in records:
                who = r[keys["who"]].strip().lower()
                if who not in chosen or (dedupe == "latest" and r[keys["when"]] > chosen[who][keys["when"]]):
                    chosen[who] = r
            records = [r for r in records if any(r is c for c in chosen.values())]
        table, detail = [], {}
        for q in spec["questions"]:
            values = [r[keys["answers"]].get(q["id"]) for r in records]
            given = [v for v in values if not _blank(v)]
            responses = len(records) if skipped_count else len(given)
            if q["type"] == "scale":
                mean = round(sum(given) / len(given), 2) if given else 0.0
                table.append([q["id"], "scale", str(responses), f"{mean:.2f}", ""])
                detail[q["id"]] = {"responses": responses, "mean": mean}
            elif q["type"] == "choice":
                counts = {o: 0 for o in q["options"]}
                canon = {o.lower(): o for o in q["options"]}
                for v in given:
                    label = canon.get(v.strip().lower()) if normalise else v
                    if label is not None:
                        counts[label] = counts.get(label, 0) + 1
                best = max(counts.values())
                top = next(o for o in counts if counts[o] == best)
                table.append([q["id"], "choice", str(responses), "", top])
                detail[q["id"]] = {"responses": responses, "counts": counts}
            elif with_text:
                table.append([q["id"], "text", str(responses), "", ""])
        return table, detail, len(records), spec

    def _outputs(self, p: dict, table, detail, respondents, spec) -> dict[str, str]:
        files = {}
        if p["md_table"]:
            files[p["table"]] = (f"# {p['title']} {p['month']}: results by question\n\n| " + " | ".join(p["cols"])
                                 + " |\n|" + "---|" * len(p["cols"]) + "\n"
                                 + "".join("| " + " | ".join(r) + " |\n" for r in table))
        else:
            files[p["table"]] = to_csv(p["cols"], table)
        choice_rows = [[qid, o, str(c)] for qid, d in detail.items() if "counts" in d for o, c in d["counts"].items()]
        if p["as_json"]:
            files[p["detail"]] = json.dumps({"survey": spec["survey"], "respondents": respondents, "questions": detail},
                                            indent=2) + "\n"
        else:
            files[p["detail"]] = to_csv(["question", "option", "count"], choice_rows)
        if p["report"]:
            scale = [(d["mean"], qid) for qid, d in detail.items() if "mean" in d]
            low = min(scale, key=lambda x: x[0])[1]
            files[p["report"]] = (f"# {p['title']} {p['month']}\n\nRespondents: {respondents}\nLowest-rated: {low}\n\n"
                                  f"{len(detail)} questions rolled up; see `{p['table']}`.\n")
        return files

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        text = ws.files[p["responses"]]
        table, detail, respondents, spec = self._rollup(p, ws, text)
        b = VerificationBuilder()
        for path, content in self._outputs(p, table, detail, respondents, spec).items():
            b.write(path, content)
        cols = p["cols"]
        if not p["md_table"]:
            b.check("table-columns", "csv_columns", "The per-question table has exactly the requested columns.",
                    path=p["table"], columns=cols, exact=True)
        _table_check(b, "table-rows", f"{len(table)} question rows with the right counts, means and top answers.",
                     p["table"], "markdown" if p["md_table"] else "csv", cols, table, [cols[2], cols[3]], 0.006)
        choices = [(qid, d) for qid, d in detail.items() if "counts" in d]
        if p["as_json"]:
            det = p["detail"]
            b.check("detail-schema", "json_schema", "The JSON summary has survey, respondents and questions.", path=det,
                    schema={"type": "object", "required": ["survey", "respondents", "questions"],
                            "properties": {"respondents": {"type": "integer"},
                                           "questions": {"type": "object", "required": list(detail)}}})
            b.check("survey-id", "json_value", f"The survey id is {spec['survey']}.", path=det, pointer="/survey",
                    equals=spec["survey"])
            b.check("respondents", "json_value", f"{respondents} people counted.", path=det, pointer="/respondents",
                    equals=respondents, weight=2)
            for qid, d in choices:
                b.check(f"counts-{vocab.slug(qid)}", "json_value", f"{qid}: {d['counts']}.", path=det,
                        pointer=f"/questions/{qid}/counts", equals=d["counts"])
            sid, sd = next((qid, d) for qid, d in detail.items() if "mean" in d)
            b.check(f"mean-{vocab.slug(sid)}", "json_value", f"{sid}: mean {sd['mean']}.", path=det,
                    pointer=f"/questions/{sid}/mean", approx=sd["mean"], tolerance=0.006)
        else:
            rows = [[qid, o, str(c)] for qid, d in choices for o, c in d["counts"].items()]
            b.check("options-columns", "csv_columns", "The option counts have exactly question,option,count.",
                    path=p["detail"], columns=["question", "option", "count"], exact=True)
            _table_check(b, "option-counts", f"{len(rows)} option rows with the right counts.", p["detail"], "csv",
                         ["question", "option", "count"], rows, ["count"], 0, weight=2)
        if p["report"]:
            low = min(((d["mean"], qid) for qid, d in detail.items() if "mean" in d), key=lambda x: x[0])[1]
            b.check("report-respondents", "regex", f"The report counts {respondents} respondents.", path=p["report"],
                    pattern=rf"^Respondents: {respondents}\s*$")
            b.check("report-lowest", "regex", f"The lowest-rated question is {low}.", path=p["report"],
                    pattern=rf"^Lowest-rated: {_re(low)}\s*$")
            b.rubric_item("report-useful", "The report is short, reads well for the team and agrees with the table.",
                          [p["report"], p["table"]])
        # declarative spot checks, as many as the 12-check budget leaves
        sid, sd = min(((qid, d) for qid, d in detail.items() if "mean" in d), key=lambda x: x[1]["mean"])
        cid, cd = choices[0]
        top = next(r[4] for r in table if r[0] == cid)
        extras = []
        if p["md_table"]:
            extras.append(lambda: b.check("table-header", "regex", "The Markdown table has the requested header.",
                                          path=p["table"], pattern=r"^\|\s*" + r"\s*\|\s*".join(map(_re, cols))
                                          + r"\s*\|\s*$"))
        else:
            extras += [lambda: b.check("table-count", "csv_value", f"{len(table)} question rows.", path=p["table"],
                                       column=cols[0], aggregate="count", equals=len(table)),
                       lambda: b.check(f"table-mean-{vocab.slug(sid)}", "csv_value", f"{sid}: mean {sd['mean']:.2f}.",
                                       path=p["table"], column=cols[3], where={cols[0]: sid}, approx=sd["mean"],
                                       tolerance=0.006),
                       lambda: b.check(f"table-top-{vocab.slug(cid)}", "csv_value", f"{cid}: most chosen {top}.",
                                       path=p["table"], column=cols[4], where={cols[0]: cid}, equals=top)]
        if not p["as_json"]:
            extras.append(lambda: b.check(f"option-{vocab.slug(cid)}", "csv_value", f"{cid}: {top} chosen "
                                          f"{cd['counts'][top]} times.", path=p["detail"], column="count",
                                          where={"question": cid, "option": top}, equals=cd["counts"][top]))
        for add in extras:
            if len(b.checks) < 12:
                add()

        def spoil(mid: str, description: str, result) -> None:
            m = b.mutant(mid, description)
            for path, content in self._outputs(p, *result).items():
                m.write(path, content)

        spoil("staff-included", "the staff test submissions were counted", self._rollup(p, ws, text, staff=True))
        spoil("repeats-kept", "every submission of a repeat respondent was counted",
              self._rollup(p, ws, text, dedupe="none"))
        spoil("first-submission-kept", "the earliest in file order was kept instead of the latest",
              self._rollup(p, ws, text, dedupe="first"))
        spoil("spellings-split", "options spelled differently were not folded into the listed option",
              self._rollup(p, ws, text, normalise=False))
        spoil("skipped-counted", "skipped questions were counted as responses",
              self._rollup(p, ws, text, skipped_count=True))
        if any(q["type"] == "text" for q in spec["questions"]):
            spoil("free-text-row", "the free-text question got a row", self._rollup(p, ws, text, with_text=True))
        if p["stale"]:
            spoil("stale-export", f"rolled up {p['stale']} instead", self._rollup(p, ws, ws.files[p["stale"]]))
        return b.build()


FAMILIES = [CsvGroupSummary(), MetricDrift(), PolicyAudit(), RunReportScript(), LedgerReconcile(), SurveyRollup()]
