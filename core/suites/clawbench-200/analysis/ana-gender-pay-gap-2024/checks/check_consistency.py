"""The JSON's quartile percentages are the gender mix of each quartile in the hourly CSV."""
import csv
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = json.load(open("reports/gpg_2024.json", encoding="utf-8"))
    rows = list(csv.DictReader(open("reports/gpg_2024_hourly.csv", newline="", encoding="utf-8")))
except (OSError, json.JSONDecodeError) as e:
    verdict(False, "unreadable", "gpg_2024.json and gpg_2024_hourly.csv", str(e))
names = {1: "lower", 2: "lower_middle", 3: "upper_middle", 4: "upper"}
observed, expected = {}, {}
for q, name in names.items():
    members = [r for r in rows if str(r.get("quartile", "")).strip() in (str(q), f"{q}.0")]
    if not members:
        verdict(False, name, "members", f"quartile {q} is empty in the CSV")
    male = 100.0 * sum(1 for r in members if r.get("gender", "").strip() == "M") / len(members)
    block = (doc.get("quartiles") or {}).get(name) or {}
    observed[name] = [block.get("male_pct"), block.get("female_pct")]
    expected[name] = [round(male, 1), round(100 - male, 1)]
    if not all(isinstance(x, (int, float)) for x in observed[name]) or \
            abs(observed[name][0] - male) > 0.051 or abs(observed[name][1] - (100 - male)) > 0.051:
        verdict(False, observed, expected, f"the {name} quartile in the JSON does not match the CSV")
verdict(True, observed, expected, "JSON quartiles agree with the CSV")
