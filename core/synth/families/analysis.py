"""Analysis & reasoning families: numbers computed from exports, with the traps real exports have."""
from __future__ import annotations

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
        b.exec(f"mkdir -p reports && " + run.format(month=p["month"], group=s.other_group))
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


FAMILIES = [CsvGroupSummary(), MetricDrift(), PolicyAudit(), RunReportScript()]
