"""ar/recon_2024-06-30.json has exactly CLOSE.md's keys with the right figures."""
import json
import sys

PATH = "ar/recon_2024-06-30.json"
WANT = {"as_of": "2024-06-30", "gl_1200_balance": 185803.32, "aging_total_open": 190140.72, "unapplied_cash": 2242.40,
        "unapplied_credit_notes": 845.00, "subledger_net": 187053.32, "difference": -1250.00, "unexplained": 0.0}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = json.load(open(PATH, encoding="utf-8"))
except (OSError, ValueError) as e:
    verdict(False, str(e), "valid JSON", f"{PATH} missing or invalid")
keys = set(WANT) | {"reconciling_items"}
if not isinstance(doc, dict) or set(doc) != keys:
    verdict(False, sorted(doc) if isinstance(doc, dict) else doc, sorted(keys), "keys must be exactly those of CLOSE.md")
for k, v in WANT.items():
    x = doc[k]
    if isinstance(v, str):
        if x != v:
            verdict(False, {k: x}, {k: v}, f"{k} wrong")
    elif not isinstance(x, (int, float)) or isinstance(x, bool) or abs(x - v) > 0.005:
        verdict(False, {k: x}, {k: v}, f"{k} wrong (a number, to the cent)")
items = doc["reconciling_items"]
if not isinstance(items, list) or abs(sum(i.get("amount", 0) for i in items) + doc["unexplained"] - doc["difference"]) > 0.005:
    verdict(False, items, "items + unexplained = difference", "reconciling items and unexplained do not add up to the difference")
verdict(True, {k: doc[k] for k in ("difference", "unexplained")}, {"difference": -1250.0, "unexplained": 0.0}, "reconciliation complete")
