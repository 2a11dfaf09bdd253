"""A zone file loads (same rules as tools/checkzone.py) and holds exactly the expected records
after CHG-2291 (owner, TTL, type and data of every record, SOA serial included).

    check_zone.py forward|reverse
"""
import importlib.util
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("zonelib", os.path.join(CHECKS, "zonelib.py"))
zonelib = importlib.util.module_from_spec(spec)
spec.loader.exec_module(zonelib)
EXP = json.load(open(os.path.join(CHECKS, "expected_zones.json")))
which = sys.argv[1]
path, origin = {"forward": ("zones/db.sunfield-vet.example", "sunfield-vet.example"),
                "reverse": ("zones/db.203.0.113", "113.0.203.in-addr.arpa")}[which]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    text = open(path, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", path, f"{path} is missing")
records, errors = zonelib.parse(text, origin)
if errors:
    verdict(False, errors[:3], "zone loads", f"{path} does not load")
got = sorted(json.dumps(list(r[:3]) + [list(r[3])]) for r in records)
want = sorted(json.dumps(r[:3] + [r[3]]) for r in EXP[which])
if got != want:
    extra = [json.loads(x) for x in got if x not in want]
    missing = [json.loads(x) for x in want if x not in got]
    verdict(False, {"unexpected": extra[:4]}, {"missing": missing[:4]}, f"{path}: records differ from the expected result")
verdict(True, f"{len(records)} records", f"{len(want)} records", f"{path} loads and is as expected")
