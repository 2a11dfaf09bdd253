"""The fixed scripts/rollup.py follows docs/ROLLUP.md on another month's sheets: h:mm and comma
hours, blank hours, aliases, rows outside the month, non-hourly projects, per-client rounding."""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


script = os.path.abspath("scripts/rollup.py")
if not os.path.isfile(script):
    verdict(False, "missing", "scripts/rollup.py", "the script is gone")
want = json.load(open(os.path.join(CHECKS, "fixture_expected.json")))
tmp = tempfile.mkdtemp(prefix="cb-rollup-")
try:
    fx = os.path.join(tmp, "fx")
    shutil.copytree(os.path.join(CHECKS, "fixture"), fx)
    ini = os.path.join(tmp, "rollup.ini")
    with open(ini, "w") as fh:
        fh.write(f"[run]\nmonth = 2024-03\ntimesheet_dir = {fx}/sheets\nprojects = {fx}/projects.yaml\n"
                 f"contractors = {fx}/contractors.yaml\n\n[output]\nhours_csv = {tmp}/o/h.csv\ninvoice_json = {tmp}/o/i.json\n")
    try:
        p = subprocess.run([sys.executable, script, "--config", ini], capture_output=True, text=True, timeout=60, cwd=tmp)
    except subprocess.TimeoutExpired:
        verdict(False, "timeout", "exit 0", "rollup.py ran past 60 s")
    if p.returncode != 0 or not os.path.isfile(f"{tmp}/o/h.csv") or not os.path.isfile(f"{tmp}/o/i.json"):
        verdict(False, f"exit {p.returncode}", "exit 0 and both outputs", (p.stderr.strip().splitlines() or ["outputs missing"])[-1])
    got_h = [[c.strip() for c in r] for r in csv.reader(open(f"{tmp}/o/h.csv", newline="")) if r]
    if got_h != want["hours"]:
        verdict(False, got_h, want["hours"], "hours CSV differs on the hidden sheets")
    got_i = json.load(open(f"{tmp}/o/i.json"))
    wi = want["invoice"]
    if got_i.get("month") != wi["month"] or sorted((got_i.get("clients") or {})) != sorted(wi["clients"]):
        verdict(False, {"month": got_i.get("month"), "clients": sorted(got_i.get("clients") or {})},
                {"month": wi["month"], "clients": sorted(wi["clients"])}, "invoice summary covers the wrong month or clients")
    for cl, v in wi["clients"].items():
        g = got_i["clients"][cl]
        for k in ("hours", "amount"):
            if not isinstance(g.get(k), (int, float)) or abs(g[k] - v[k]) > 0.011:
                verdict(False, {cl: g}, {cl: v}, f"{cl} {k} differs")
    for k in ("total_hours", "total_amount"):
        if not isinstance(got_i.get(k), (int, float)) or abs(got_i[k] - wi[k]) > 0.011:
            verdict(False, {k: got_i.get(k)}, {k: wi[k]}, f"{k} differs")
    verdict(True, "fixture ok", "fixture ok", "rollup.py follows ROLLUP.md on unseen sheets")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
