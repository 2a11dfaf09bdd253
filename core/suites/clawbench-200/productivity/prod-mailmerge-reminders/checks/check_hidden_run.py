"""The fixed scripts/mailmerge.py follows docs/reminders.md on another month too: run it through
--config on a hidden export (other dates, fees, opt-out spellings, missing names) into a
temporary outbox and compare every file."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "fixture_expected.json"), encoding="utf-8"))
if not os.path.isfile("scripts/mailmerge.py"):
    verdict(False, "missing", "scripts/mailmerge.py", "the script is gone")
tmp = tempfile.mkdtemp(prefix="cb-mm-")
try:
    out = os.path.join(tmp, "out")
    ini = os.path.join(tmp, "merge.ini")
    with open(ini, "w", encoding="utf-8") as fh:
        fh.write("[merge]\nrun_date = 2024-09-02\nwindow_days = 30\n"
                 f"contacts = {os.path.join(CHECKS, 'fixture_members.csv')}\n"
                 f"template = {os.path.abspath('templates/renewal_reminder.txt')}\n"
                 f"outbox = {out}\nsender = Quayside Works <members@quaysideworks.example>\n")
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    try:
        proc = subprocess.run([sys.executable, "scripts/mailmerge.py", "--config", ini], capture_output=True,
                              text=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        verdict(False, "timed out", "exit 0", "the script ran for more than 60 s")
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        verdict(False, f"exit {proc.returncode}", "exit 0", f"the script fails on another export: {last}")
    files = sorted(os.listdir(out)) if os.path.isdir(out) else []
    if files != sorted(want):
        verdict(False, {"extra": sorted(set(files) - set(want))}, {"missing": sorted(set(want) - set(files))},
                "wrong set of drafts for the hidden export (status, opt-out, date formats, inclusive window)")
    for f in sorted(want):
        got = open(os.path.join(out, f), encoding="utf-8").read().replace("\r\n", "\n")
        if got != want[f]:
            gl, wl = got.splitlines(), want[f].splitlines()
            diff = next(((i + 1, g, e) for i, (g, e) in enumerate(zip(gl, wl)) if g != e), (min(len(gl), len(wl)) + 1, "", ""))
            verdict(False, {f: diff[1]}, {f: diff[2]}, f"hidden run: {f} differs at line {diff[0]}")
    verdict(True, f"{len(files)} files", f"{len(want)} files", "the script handles another month's export")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
