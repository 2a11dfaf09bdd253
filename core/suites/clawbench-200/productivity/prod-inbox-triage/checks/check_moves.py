"""Every message file of the batch was moved, byte-for-byte unchanged and under its own name,
into triage/<label>/ for the label of the first matching rule; inbox/ only keeps .keep."""
import hashlib
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected_index.json"), encoding="utf-8"))
left = sorted(f for f in os.listdir("inbox") if f != ".keep") if os.path.isdir("inbox") else []
if left:
    verdict(False, left, [], "messages are still in inbox/")
if not os.path.isfile("inbox/.keep"):
    verdict(False, "missing", "inbox/.keep", "inbox/.keep must stay")
found = {}
for root, _, files in os.walk("triage"):
    for f in files:
        if f.endswith(".eml"):
            found.setdefault(f, []).append(os.path.relpath(root, "triage"))
wrong = []
for fn, frm, subj, label, rule in exp["rows"]:
    places = found.pop(fn, [])
    if places != [label]:
        wrong.append({fn: {"found_in": places, "expected": label}})
        continue
    digest = hashlib.sha256(open(os.path.join("triage", label, fn), "rb").read()).hexdigest()
    if digest != exp["sha256"][fn]:
        wrong.append({fn: "content was modified"})
if found:
    wrong.append({"unexpected": found})
if wrong:
    verdict(False, wrong[:5], "each message once, unchanged, in triage/<label>/", f"{len(wrong)} message(s) misplaced or changed")
verdict(True, f"{len(exp['rows'])} messages placed", f"{len(exp['rows'])} messages placed", "all messages triaged correctly")
