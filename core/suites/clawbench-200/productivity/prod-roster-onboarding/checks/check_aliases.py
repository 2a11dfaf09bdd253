"""mail/aliases: Felix removed from every list, Amara added (roster order) to the team and
on-call lists, every other alias unchanged."""
import json
import os
import sys

PATH = "mail/aliases"
CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected_aliases.json")))
try:
    text = open(PATH, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
got = {}
for n, line in enumerate(text.splitlines(), 1):
    if not line.strip() or line.lstrip().startswith("#"):
        continue
    if ":" not in line:
        verdict(False, line, "alias: address, address", f"line {n} is not an alias definition")
    name, targets = line.split(":", 1)
    if name.strip() in got:
        verdict(False, name.strip(), "unique aliases", f"alias {name.strip()} is defined twice")
    got[name.strip()] = [t.strip() for t in targets.split(",") if t.strip()]
if sorted(got) != sorted(want):
    verdict(False, sorted(got), sorted(want), "aliases were added or removed")
for name, addrs in want.items():
    if got[name] != addrs:
        verdict(False, {name: got[name]}, {name: addrs}, f"alias {name} has the wrong members or order")
verdict(True, "all aliases match", "all aliases match", "aliases updated")
