"""Drift report and prod config after the 4.2 drift check.

Usage: check_drift.py rows|apptoml|ini|unchanged
"""
import configparser
import csv
import hashlib
import json
import os
import sys

try:
    import tomllib
except ModuleNotFoundError:  # python < 3.11
    tomllib = None

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


mode = sys.argv[1]
exp = json.load(open(os.path.join(CHECKS, "expected_prod.json")))
if mode == "rows":
    want = json.load(open(os.path.join(CHECKS, "expected_drift.json")))
    path = "reports/drift-prod-vs-staging.csv"
    if not os.path.isfile(path):
        verdict(False, "missing", path, "the drift report was not written")
    with open(path, newline="", encoding="utf-8") as fh:
        table = [[c.strip() for c in r] for r in csv.reader(fh) if r]
    header, rows = (table[0], table[1:]) if table else ([], [])
    if header != ["file", "key", "kind", "staging", "prod"]:
        verdict(False, header, ["file", "key", "kind", "staging", "prod"], "wrong header")
    key = lambda r: tuple(r[:3])
    if sorted(map(key, rows)) != sorted(map(key, want)):
        verdict(False, {"extra": sorted(set(map(key, rows)) - set(map(key, want)))},
                {"missing": sorted(set(map(key, want)) - set(map(key, rows)))}, "wrong set of findings (file, key, kind)")
    for i, (g, e) in enumerate(zip(rows, want), start=2):
        if g != e:
            verdict(False, g, e, f"line {i} differs (values as written, secrets as ***, sorted by file then key)")
    verdict(True, f"{len(rows)} findings", f"{len(want)} findings", "drift report matches")
elif mode == "apptoml":
    if tomllib is None:
        verdict(False, None, None, "python3 >= 3.11 needed")
    path = "config/prod/app.toml"
    try:
        text = open(path, encoding="utf-8").read()
        got = tomllib.loads(text)
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")
    except tomllib.TOMLDecodeError as e:
        verdict(False, "invalid TOML", "valid TOML", str(e))
    want = exp["app.toml"]
    for table in sorted(set(got) | set(want)):
        if got.get(table) != want.get(table):
            verdict(False, {table: got.get(table)}, {table: want.get(table)}, f"[{table}] is not as required")
    for comment in ("# orders-api 4.1 - production. Every change needs a CAB ticket; keep comments.",
                    "# profiler hook used by the perf team during load tests (not in the schema yet, keep it)"):
        if comment not in text:
            verdict(False, "comment missing", comment, "prod app.toml must be edited in place, keeping its comments")
    verdict(True, "ok", "ok", "prod app.toml fixed")
elif mode == "ini":
    path = "config/prod/features.ini"
    c = configparser.ConfigParser()
    try:
        if not c.read(path, encoding="utf-8"):
            verdict(False, "missing", path, f"{path} does not exist")
    except configparser.Error as e:
        verdict(False, "unparseable", "valid INI", str(e).splitlines()[0])
    got = {s: dict(c[s]) for s in c.sections()}
    if got != exp["features.ini"]:
        verdict(False, got, exp["features.ini"], "prod features.ini flags are not as required")
    text = open(path, encoding="utf-8").read()
    if "; ramping up, see GROWTH-88" not in text:
        verdict(False, "comment missing", "; ramping up, see GROWTH-88", "keep the file's comments")
    verdict(True, got, exp["features.ini"], "prod features fixed")
elif mode == "unchanged":
    want = json.load(open(os.path.join(CHECKS, "hashes.json")))
    changed = [p for p, h in want.items() if not os.path.isfile(p) or hashlib.sha256(open(p, "rb").read()).hexdigest() != h]
    verdict(not changed, changed, [], "prod secrets, staging files and the schema must not change")
verdict(False, mode, "rows|apptoml|ini|unchanged", "bad argument")
