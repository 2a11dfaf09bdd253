"""outbox/ holds exactly this run's drafts and manifest (the June run archived, no leftovers of
a crashed run), each byte-for-byte as the rules in docs/reminders.md produce them."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected_outbox.json"), encoding="utf-8"))["july"]
if not os.path.isdir("outbox"):
    verdict(False, "missing", "outbox/", "outbox/ does not exist")
files = sorted(f for f in os.listdir("outbox") if os.path.isfile(os.path.join("outbox", f)))
if files != sorted(want):
    verdict(False, {"extra": sorted(set(files) - set(want))}, {"missing": sorted(set(want) - set(files))},
            "outbox/ must contain exactly the July drafts and manifest.csv")
for f in sorted(want):
    got = open(os.path.join("outbox", f), encoding="utf-8").read()
    if got.replace("\r\n", "\n") != want[f]:
        gl, wl = got.splitlines(), want[f].splitlines()
        diff = next(((i + 1, g, e) for i, (g, e) in enumerate(zip(gl, wl)) if g != e), (min(len(gl), len(wl)) + 1, "", ""))
        verdict(False, {f: diff[1]}, {f: diff[2]}, f"{f} differs at line {diff[0]}")
verdict(True, f"{len(files)} files", f"{len(want)} files", "July outbox matches")
