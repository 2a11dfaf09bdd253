"""register/contracts-register.csv: one row per contract, every column by the playbook."""
import csv
import json
import os
import sys

PATH = "register/contracts-register.csv"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_contracts.json"), encoding="utf-8"))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, "the register is gone")
with open(PATH, newline="", encoding="utf-8") as fh:
    reader = csv.DictReader(fh)
    header = [h.strip() for h in (reader.fieldnames or [])]
    rows = [{(k or "").strip(): (v or "").strip() for k, v in r.items()} for r in reader]
if header != exp["columns"]:
    verdict(False, header, exp["columns"], "the register's columns changed")
ids = [r["contract_id"] for r in rows]
want_ids = [r["contract_id"] for r in exp["rows"]]
if ids != want_ids:
    verdict(False, ids, want_ids, "one row per contract in contracts/, ordered by contract_id (a missing contract gets the next id)")
for got, want in zip(rows, exp["rows"]):
    diff = {k: got.get(k) for k in want if got.get(k) != want[k]}
    if diff:
        verdict(False, {want["contract_id"]: diff}, {want["contract_id"]: {k: want[k] for k in diff}},
                f"{want['contract_id']} differs from the contract text, its amendments/notices or the playbook's date rules")
verdict(True, f"{len(rows)} rows", f"{len(want_ids)} rows", "register matches the contracts")
