"""tools/cal_due.py itself follows QP-07: run it on a hidden register (blank intervals of
several classes, month-end dates, inactive assets) and compare with the expected list."""
import csv, io, json, os, subprocess, sys, tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected.json")))
want = [r for r in csv.reader(io.StringIO(exp["hidden"])) if r]
out = os.path.join(tempfile.mkdtemp(), "due.csv")
cmd = ["python3", "tools/cal_due.py", "--register", os.path.join(CHECKS, "hidden_register.csv"),
       "--intervals", "equipment/intervals.ini", "--as-of", "2025-02-10", "--days", "45", "--out", out]
try:
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "exit 0", "could not run tools/cal_due.py")
if p.returncode != 0:
    verdict(False, (p.stderr or p.stdout).strip().splitlines()[-1:] or p.returncode, "exit 0",
            "tools/cal_due.py fails on another register")
got = [[c.strip() for c in r] for r in csv.reader(open(out, newline="", encoding="utf-8")) if r]
if got != want:
    verdict(False, got, want, "the script's list for the hidden register is wrong")
verdict(True, f"{len(got) - 1} rows", f"{len(want) - 1} rows", "the script applies class defaults and month-end clamping")
