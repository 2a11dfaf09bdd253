"""The fixed scripts/render_postings.py applies the compliance rules to other inputs too:
run it through --config on a hidden set of reqs (hourly remote role, Illinois, Oregon and
North Carolina locations, filled and cancelled reqs, another window_days) and compare its
feed with the expected one."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", "."))
from _common import CHECKS, verdict  # noqa: E402

if not os.path.isfile("scripts/render_postings.py"):
    verdict(False, "missing", "scripts/render_postings.py", "the script is gone")
expected = json.load(open(os.path.join(CHECKS, "fixture_expected.json")))
try:
    base = tempfile.mkdtemp(prefix="cb-cont-")
except OSError:
    base = os.path.abspath(".cb-check-tmp")
    os.makedirs(base, exist_ok=True)
tmp = os.path.join(base, "run")
try:
    shutil.copytree(os.path.join(CHECKS, "fixture"), tmp)
    os.makedirs(os.path.join(tmp, "scripts"), exist_ok=True)
    os.makedirs(os.path.join(tmp, "out"), exist_ok=True)
    shutil.copy("scripts/render_postings.py", os.path.join(tmp, "scripts", "render_postings.py"))
    try:
        proc = subprocess.run([sys.executable, "scripts/render_postings.py", "--config", "config/postings.toml"],
                              cwd=tmp, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        verdict(False, "timed out", "exit 0", "the script ran for more than 60 s")
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        verdict(False, f"exit {proc.returncode}", "exit 0", f"script fails on another set of reqs: {last}")
    try:
        got = json.load(open(os.path.join(tmp, "out", "postings.json"), encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        verdict(False, "no feed", "out/postings.json", f"the script did not write the feed named by --config: {e}")
    gp = got.get("postings", []) if isinstance(got, dict) else []
    keys = [(p.get("req_id"), p.get("location")) for p in gp]
    want_keys = [(p["req_id"], p["location"]) for p in expected["postings"]]
    if keys != want_keys:
        verdict(False, keys, want_keys, "only approved reqs, by req id then location order")
    problems = []
    for g, w in zip(gp, expected["postings"]):
        for k in ("file", "pay_basis", "pay_min", "pay_max", "benefits_disclosed", "apply_by", "apply_url"):
            v = g.get(k)
            if k in ("pay_min", "pay_max"):
                ok = isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v - w[k]) < 0.005
            else:
                ok = v == w[k]
            if not ok:
                problems.append({w["file"]: {k: v, "expected": w[k]}})
        f = os.path.join(tmp, "out", w["file"])
        if not os.path.isfile(f):
            problems.append({w["file"]: "file not written"})
    if problems:
        verdict(False, problems[:6], "rules applied to the hidden reqs", f"{len(problems)} value(s) wrong on the hidden reqs")
    verdict(True, f"{len(gp)} postings", f"{len(want_keys)} postings", "script applies the rules generally")
finally:
    shutil.rmtree(base, ignore_errors=True)
