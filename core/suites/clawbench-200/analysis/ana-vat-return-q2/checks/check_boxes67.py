"""Boxes 6 and 7 of returns/vat_return_2024Q2.json are whole pounds per the guide."""
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = json.load(open("returns/vat_return_2024Q2.json", encoding="utf-8"))
except (OSError, json.JSONDecodeError) as e:
    verdict(False, "unreadable", "returns/vat_return_2024Q2.json", str(e))
want = {"box6": 146937, "box7": 122065, "box8": 0, "box9": 0}
got = {k: doc.get(k) for k in want}
if any(not isinstance(got[k], (int, float)) or got[k] != want[k] for k in want):
    verdict(False, got, want, "boxes 6-9 must be whole pounds (pence dropped), imports at customs value")
verdict(True, got, want, "boxes 6-9 right")
