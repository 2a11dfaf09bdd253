"""The fixed tools/migrate_manifests.py handles another set of manifests by the same rules
(upper-case e-mails on both sides, ms/s/m units for timeouts and intervals, repeated env keys,
values with several '=', empty values, autoscale tier-1 below 2, unknown owner, missing
fields, replicas 0, an existing schema 2 file, a sub-folder to ignore)."""
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "hidden_expected.json")))


def verdict(ok, observed, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": "hidden set migrated by the rules", "message": message}, default=str))
    sys.exit(0 if ok else 1)


if not os.path.isfile("tools/migrate_manifests.py"):
    verdict(False, "missing", "tools/migrate_manifests.py is gone")
tmp = tempfile.mkdtemp()
try:
    root = os.path.join(tmp, "hidden")
    shutil.copytree(os.path.join(CHECKS, "hidden"), root)
    digest = lambda p: hashlib.sha256(open(p, "rb").read()).hexdigest()
    v2_before = digest(os.path.join(root, "services", "d-v2.yaml"))
    old_before = digest(os.path.join(root, "services", "archive", "e-old.yaml"))
    p = subprocess.run([sys.executable, os.path.abspath("tools/migrate_manifests.py"), os.path.join(root, "services"),
                        "--teams", os.path.join(root, "teams.csv"), "--report", os.path.join(root, "out", "report.csv")],
                       capture_output=True, text=True, timeout=60, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    if p.returncode != 0:
        verdict(False, (p.stderr or p.stdout).strip()[-300:], "the tool fails on the hidden manifests")
    problems = []
    for name, doc in want["services"].items():
        got = yaml.safe_load(open(os.path.join(root, "services", name), encoding="utf-8"))
        if got != doc:
            problems.append({"file": name, "got": got})
    if digest(os.path.join(root, "services", "d-v2.yaml")) != v2_before:
        problems.append("schema 2 file was rewritten")
    if digest(os.path.join(root, "services", "archive", "e-old.yaml")) != old_before:
        problems.append("sub-folder manifest was touched")
    try:
        rows = [[c.strip() for c in r] for r in csv.reader(open(os.path.join(root, "out", "report.csv"), newline="")) if r]
    except FileNotFoundError:
        rows = "missing"
    if rows != want["report"]:
        problems.append({"report": rows})
finally:
    shutil.rmtree(tmp, ignore_errors=True)
verdict(not problems, problems[:3], "the tool migrates other manifests correctly" if not problems else "the tool breaks rules on other manifests")
