"""out/2024-06_giro.json and out/2024-06_savings.json hold exactly the expected import
(format, balances, every transaction in file order), and the summary agrees with them."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHECKS, "expected_out.json"), encoding="utf-8"))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


mode = sys.argv[1]
if mode == "imports":
    for acc in ("giro", "savings"):
        path = f"out/2024-06_{acc}.json"
        try:
            got = json.load(open(path, encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError) as e:
            verdict(False, repr(e), path, f"{path} missing or not JSON")
        want = EXP[acc]
        for key in ("format", "opening_balance_cents", "closing_balance_cents"):
            if got.get(key) != want[key]:
                verdict(False, {key: got.get(key)}, {key: want[key]}, f"{path}: wrong {key}")
        gt, wt = got.get("transactions"), want["transactions"]
        if not isinstance(gt, list) or len(gt) != len(wt):
            verdict(False, len(gt) if isinstance(gt, list) else gt, len(wt), f"{path}: wrong number of transactions")
        for i, (g, w) in enumerate(zip(gt, wt)):
            if g != w:
                verdict(False, g, w, f"{path}: transaction {i} differs")
    verdict(True, "both imports exact", "both imports exact", "imports as expected")
else:  # summary consistency
    try:
        summ = json.load(open("out/2024-06-summary.json"))["accounts"]
        problems = []
        for acc in ("giro", "savings"):
            data = json.load(open(f"out/2024-06_{acc}.json", encoding="utf-8"))
            am = [t["amount_cents"] for t in data["transactions"]]
            want = {"transactions": len(am), "credits_cents": sum(a for a in am if a > 0), "debits_cents": sum(a for a in am if a < 0),
                    "net_cents": sum(am), "closing_balance_cents": data.get("closing_balance_cents")}
            if summ[acc] != want:
                problems.append({acc: {"summary": summ[acc], "from import": want}})
    except Exception as e:
        verdict(False, repr(e), "summary and imports", "cannot compare the summary with the imports")
    verdict(not problems, problems or "consistent", "summary = figures of out/2024-06_*.json", "summary matches the imports" if not problems else "summary disagrees with the imports")
