"""The fixed scripts/perf.py follows docs/performance-method.md on another NAV file:
invalid NAVs skipped, latest published_at wins, base = last NAV on/before a month-end start,
null before launch."""
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


script = os.path.abspath("scripts/perf.py")
if not os.path.isfile(script):
    verdict(False, "missing", "scripts/perf.py", "the script is gone")
want = json.load(open(os.path.join(CHECKS, "fixture_expected.json")))
tmp = tempfile.mkdtemp(prefix="cb-perf-")
try:
    nav = os.path.join(tmp, "nav.csv")
    shutil.copy(os.path.join(CHECKS, "fixture_nav.csv"), nav)
    out = os.path.join(tmp, "out", "perf.json")
    cfg = open(os.path.join(CHECKS, "fixture_config.toml")).read().replace("NAVFILE", nav).replace("OUTFILE", out)
    cfg_path = os.path.join(tmp, "cfg.toml")
    open(cfg_path, "w").write(cfg)
    try:
        p = subprocess.run([sys.executable, script, "--config", cfg_path], capture_output=True, text=True, timeout=60, cwd=tmp)
    except subprocess.TimeoutExpired:
        verdict(False, "timeout", "exit 0", "perf.py ran past 60 s")
    if p.returncode != 0 or not os.path.isfile(out):
        verdict(False, f"exit {p.returncode}", "exit 0 and the output JSON", (p.stderr.strip().splitlines() or ["no output written"])[-1])
    try:
        got = json.load(open(out))
    except json.JSONDecodeError as e:
        verdict(False, "invalid JSON", "JSON", str(e))
    for cls, w in want["classes"].items():
        g = (got.get("classes") or {}).get(cls)
        if not isinstance(g, dict):
            verdict(False, list((got.get("classes") or {})), list(want["classes"]), f"class {cls} missing from the output")
        for k in ("nav", "1m", "3m", "ytd", "1y", "since_launch"):
            a, b = g.get(k), w[k]
            if b is None:
                ok = a is None
            else:
                ok = isinstance(a, (int, float)) and not isinstance(a, bool) and abs(a - b) <= 0.006
            if not ok:
                verdict(False, {cls: {k: a}}, {cls: {k: b}}, f"{cls} {k} differs from the documented method")
    verdict(True, "fixture ok", "fixture ok", "perf.py follows the method on an unseen NAV file")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
