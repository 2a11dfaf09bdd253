"""The crontabs in cron.d/ carry exactly the policy fixes: violating database jobs moved out of
01:00-03:59 by their hour field only, the renamed script repointed, the retired job commented
out with the agreed prefix; every other line is unchanged and no line was added or removed."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHECKS, "expected_crontabs.json")))
PREFIX = "# DISABLED 2024-07-01 (retired): "


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want_files = sorted(list(EXP["original"]) + ["reports.bak"])
try:
    have_files = sorted(os.listdir("cron.d"))
except FileNotFoundError:
    verdict(False, "missing", want_files, "cron.d/ is missing")
if have_files != want_files:
    verdict(False, have_files, want_files, "cron.d/ must hold exactly the same files as before")
stale = EXP.get("stale")
if stale is not None and open("cron.d/reports.bak").read() != stale:
    verdict(False, "modified", "unchanged", "cron.d/reports.bak is inert (cron skips names with a dot) and must not be edited")

problems = []
for name, original in EXP["original"].items():
    got = open(os.path.join("cron.d", name), encoding="utf-8").read().rstrip("\n").split("\n")
    orig = original.rstrip("\n").split("\n")
    changes = EXP["changes"].get(name, {})
    if len(got) != len(orig):
        problems.append(f"{name}: {len(got)} lines, expected {len(orig)} (no line may be added or removed)")
        continue
    for i, (g, o) in enumerate(zip(got, orig)):
        want = changes.get(str(i))
        if want is None:
            if g.rstrip() != o.rstrip():
                problems.append(f"{name}:{i + 1}: changed but should be untouched: {g.strip()!r}")
            continue
        if want.startswith(PREFIX):
            if not g.startswith(PREFIX) or g[len(PREFIX):].split() != o.split():
                problems.append(f"{name}:{i + 1}: expected the retired job commented out as {PREFIX!r} + original line, got {g.strip()!r}")
        elif g.split() != want.split():
            problems.append(f"{name}:{i + 1}: expected {' '.join(want.split())!r}, got {' '.join(g.split())!r}")
if problems:
    verdict(False, problems[:5], "policy fixes only", f"{len(problems)} crontab line(s) wrong")
verdict(True, "all fixes applied", "policy fixes only", "crontabs follow the batch policy, other lines untouched")
