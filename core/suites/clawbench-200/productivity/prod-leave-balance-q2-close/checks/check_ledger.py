"""ledger.json rolled forward to 2024-06-30: balances, new history entry, everything else kept."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["ledger"]
try:
    got = json.load(open("leave/ledger.json", encoding="utf-8"))
except Exception as e:
    verdict(False, "unparsable", "valid JSON", str(e))
for k in ("studio", "unit"):
    if got.get(k) != exp[k]:
        verdict(False, {k: got.get(k)}, {k: exp[k]}, "untouched key changed")
if got.get("as_of") != "2024-06-30":
    verdict(False, got.get("as_of"), "2024-06-30", "as_of not rolled forward")
gb = got.get("balances") or {}
if sorted(gb) != sorted(exp["balances"]):
    verdict(False, sorted(gb), sorted(exp["balances"]), "wrong set of employees in balances")
bad = {k: gb[k] for k in gb if not isinstance(gb[k], (int, float)) or abs(gb[k] - exp["balances"][k]) > 0.005}
if bad:
    verdict(False, bad, {k: exp["balances"][k] for k in bad}, "balances differ")
h = got.get("history") or []
if h[:2] != exp["history"][:2] or len(h) != 3 or (h[2] or {}).get("as_of") != "2024-06-30":
    verdict(False, h, "the two old entries + one for 2024-06-30", "history must keep its entries and gain one for this close")
verdict(True, "2024-06-30", "2024-06-30", "ledger rolled forward")
