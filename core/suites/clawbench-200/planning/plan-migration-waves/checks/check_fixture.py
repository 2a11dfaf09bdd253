"""The repaired tools/plan_waves.py, run on a hidden catalogue (a renamed service referenced
by its old name, a cycle waived by the exceptions file, other limits and dates), writes the
plan that migration/RULES.md gives."""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v.isoformat() if isinstance(v, datetime.date) else v


want = json.load(open(os.path.join(CHECKS, "fixture_expected.json")))
if not os.path.isfile("tools/plan_waves.py"):
    verdict(False, "missing", "tools/plan_waves.py", "the planning script was removed")
tmp = tempfile.mkdtemp(prefix="waves-")
try:
    shutil.copytree(os.path.join(CHECKS, "fixture", "services"), os.path.join(tmp, "services"))
    exc = os.path.join(tmp, "exceptions.yaml")
    shutil.copy(os.path.join(CHECKS, "fixture", "exceptions.yaml"), exc)
    conf = open(os.path.join(CHECKS, "fixture", "plan.toml"), encoding="utf-8").read().replace('"EXC"', json.dumps(exc))
    open(os.path.join(tmp, "plan.toml"), "w", encoding="utf-8").write(conf)
    out = os.path.join(tmp, "out")
    try:
        proc = subprocess.run([sys.executable, "tools/plan_waves.py", "--services", os.path.join(tmp, "services"),
                               "--config", os.path.join(tmp, "plan.toml"), "--out-dir", out],
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        verdict(False, "timed out", want, "the script hangs on the hidden catalogue")
    if proc.returncode != 0:
        verdict(False, (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1], want,
                "the script fails on a catalogue with a renamed service and a waived cycle")
    try:
        got = plain(yaml.safe_load(open(os.path.join(out, "waves.yaml"), encoding="utf-8")))
    except (OSError, yaml.YAMLError) as e:
        verdict(False, str(e), want, "the script did not write a readable waves.yaml")
    if got != want:
        verdict(False, got, want, "the plan for the hidden catalogue is wrong")
    verdict(True, "plan ok", "plan ok", "the script handles renamed services and ignore_edges")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
