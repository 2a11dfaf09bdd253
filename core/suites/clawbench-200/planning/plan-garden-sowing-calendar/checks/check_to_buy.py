"""garden/seeds-to-buy.txt lists exactly the crops whose newest packet is past its reliable years."""
import json, os, sys

PATH = "garden/seeds-to-buy.txt"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["to_buy"]
if not os.path.isfile(PATH):
    verdict(False, "missing", want, f"{PATH} does not exist")
lines = [l.strip() for l in open(PATH, encoding="utf-8").read().splitlines() if l.strip()]
if sorted(lines) != sorted(want):
    verdict(False, lines, want, "wrong set of packets to buy")
if lines != want:
    verdict(False, lines, want, "right packets, not sorted alphabetically")
verdict(True, lines, want, "shopping list is right")
