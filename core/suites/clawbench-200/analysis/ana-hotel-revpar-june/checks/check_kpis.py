"""Every figure of reports/kpi-2024-06.json matches the KPI definitions (ints exact, money and
ratios within a cent), and each block is internally consistent."""
import json
import os
import sys

PATH = "reports/kpi-2024-06.json"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
try:
    got = json.load(open(PATH, encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", f"{PATH} does not parse: {e}")

blocks = [("total", got.get("total"), want["total"])]
blocks += [(f"room_types.{k}", (got.get("room_types") or {}).get(k), v) for k, v in want["room_types"].items()]
for name, g, wv in blocks:
    if not isinstance(g, dict):
        verdict(False, g, wv, f"{name} is missing")
    for field, value in wv.items():
        x = g.get(field)
        if not isinstance(x, (int, float)) or isinstance(x, bool):
            verdict(False, {name: g}, {name: wv}, f"{name}.{field} is not a number")
        if isinstance(value, int) and x != value:
            verdict(False, {f"{name}.{field}": x}, {f"{name}.{field}": value}, f"{name}.{field} is wrong")
        if abs(x - value) > 0.011:
            verdict(False, {f"{name}.{field}": x}, {f"{name}.{field}": value}, f"{name}.{field} is wrong")
    # internal consistency of the published block
    if g["sold"] and abs(g["room_revenue"] / g["sold"] - g["adr"]) > 0.011:
        verdict(False, g, wv, f"{name}: adr is not room_revenue / sold")
sum_rev = sum(got["room_types"][k]["room_revenue"] for k in want["room_types"])
if abs(sum_rev - got["total"]["room_revenue"]) > 0.02:
    verdict(False, sum_rev, got["total"]["room_revenue"], "room type revenues do not add up to the total")
verdict(True, got["total"], want["total"], "all June KPIs match the definitions")
