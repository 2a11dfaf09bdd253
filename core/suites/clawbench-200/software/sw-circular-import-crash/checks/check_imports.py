"""Each brewlog module imports first thing in a fresh interpreter, the public API is intact
and the CLI starts."""
import json
import os
import subprocess
import sys

env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=os.getcwd())
probes = [
    "import brewlog",
    "import brewlog.models",
    "import brewlog.calc",
    "import brewlog.cli",
    "from brewlog.calc import expected_fg; from brewlog.models import Recipe; assert expected_fg(1.060, Recipe('x', 'IPA', 75.0)) == 1.015",
    "from brewlog import Batch, Recipe, abv, apparent_attenuation, expected_fg; assert abv(1.050, 1.010) == 5.3",
]
failed = []
for code in probes:
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30)
    if p.returncode != 0:
        failed.append({"code": code[:60], "error": (p.stderr.strip().splitlines() or ["?"])[-1][:160]})
p = subprocess.run([sys.executable, "-m", "brewlog.cli", "--help"], capture_output=True, text=True, env=env, timeout=30)
if p.returncode != 0:
    failed.append({"code": "python3 -m brewlog.cli --help", "error": (p.stderr.strip().splitlines() or ["?"])[-1][:160]})
ok = not failed
print(json.dumps({"passed": ok, "observed": failed[:4], "expected": [], "message": "imports and API fine" if ok else f"{len(failed)} import probe(s) fail"}))
sys.exit(0 if ok else 1)
