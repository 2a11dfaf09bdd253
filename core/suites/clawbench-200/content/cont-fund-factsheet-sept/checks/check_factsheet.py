"""factsheets/2024-09.md: template filled, with the expected performance table, fund size,
top holdings (no cash) and the v7 risk warning."""
import json
import os
import re
import sys

PATH = "factsheets/2024-09.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_factsheet.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
text = open(PATH, encoding="utf-8").read()
if "{{" in text or "}}" in text:
    verdict(False, re.findall(r"\{\{[^}]*\}\}", text), [], "placeholders left unfilled")


def table(header_first):
    rows = []
    lines = text.splitlines()
    for i, ln in enumerate(lines):
        if ln.strip().startswith("|") and ln.strip().strip("|").split("|")[0].strip() == header_first:
            for nxt in lines[i + 1:]:
                if not nxt.strip().startswith("|"):
                    break
                cells = [c.strip() for c in nxt.strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
            return rows
    verdict(False, "no table", header_first, f"no table starting with '{header_first}'")


def pct(v):
    return "n/a" if v is None else f"{v:+.2f}%"


want_perf = [[c, f"{r['nav']:.4f}", pct(r["1m"]), pct(r["3m"]), pct(r["ytd"]), pct(r["1y"]), pct(r["since_launch"])]
             for c, r in exp["perf"]["classes"].items()]
got_perf = table("Share class")
if got_perf != want_perf:
    verdict(False, got_perf, want_perf, "performance table differs (values, signs, n/a, class order)")
got_top = table("#")
want_top = [[str(r[0]), r[1], r[2], r[3]] for r in exp["top"]]
if got_top != want_top:
    verdict(False, got_top, want_top, "top-5 holdings differ (30 Sept file, by weight, cash excluded)")
if not re.search(r"^Fund size: " + re.escape(exp["size"]) + r"\s*$", text, re.M):
    m = re.search(r"^Fund size: .*$", text, re.M)
    verdict(False, m.group(0) if m else None, f"Fund size: {exp['size']}", "fund size = units x end NAV summed, GBP millions, 1 decimal")
if exp["disclaimer"] not in text or "ref. v7" not in text:
    verdict(False, "v7 text missing", "v7 risk warning word for word", "the risk warning in force on 30 September is v7")
if exp["old_disclaimer"][:60] in text:
    verdict(False, "v6 text present", "no v6 text", "the retired v6 warning must not appear")
for fixed in ("# Larchfield Global Income Fund", "Monthly factsheet - as at 30 September 2024", "## Performance (cumulative, %)", "## Top 5 holdings"):
    if fixed not in text:
        verdict(False, f"missing: {fixed}", fixed, "template text must be kept")
verdict(True, "factsheet ok", "factsheet ok", "factsheet filled per the rules")
