"""Each test restores global state: after every test (run one by one in a single process, in
discovery order) the environment variables and the working directory are as before it."""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__))))
from _common import copy_workspace, env  # noqa: E402

PROBE = r'''
import json, os, sys, unittest
def flatten(s):
    for t in s:
        if isinstance(t, unittest.TestSuite):
            yield from flatten(t)
        else:
            yield t
leaks = []
for t in flatten(unittest.defaultTestLoader.discover("tests", top_level_dir=".")):
    env, cwd = dict(os.environ), os.getcwd()
    unittest.TextTestRunner(stream=open(os.devnull, "w")).run(t)
    changed = sorted(k for k in set(env) | set(os.environ) if env.get(k) != os.environ.get(k))
    if changed or os.getcwd() != cwd:
        leaks.append({"test": t.id(), "env": changed, "cwd_changed": os.getcwd() != cwd})
        os.environ.clear(); os.environ.update(env); os.chdir(cwd)
print(json.dumps(leaks))
'''
tmp, root = copy_workspace()
try:
    p = subprocess.run([sys.executable, "-c", PROBE], cwd=root, capture_output=True, text=True, env=env(), timeout=120)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
try:
    leaks = json.loads(p.stdout.strip().splitlines()[-1])
except (IndexError, json.JSONDecodeError):
    leaks = [{"probe_error": p.stderr.strip()[-200:]}]
ok = not leaks
print(json.dumps({"passed": ok, "observed": leaks[:4], "expected": [], "message": "no global state leaks" if ok else "tests leak environment or cwd changes"}))
sys.exit(0 if ok else 1)
