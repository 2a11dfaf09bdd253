"""config/drinking_water_limits.json is valid JSON again with every setting unchanged."""
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


EXPECTED = {
    "source": "Water Services (Drinking Water Standards for New Zealand) Regulations 2022, Table 2",
    "units": "mg/L",
    "watch_fraction_of_mav": 0.5,
    "parameters": {
        "arsenic": {"mav": 0.01, "cas": "7440-38-2"},
        "boron": {"mav": 2.4, "cas": "7440-42-8"},
        "cadmium": {"mav": 0.004, "cas": "7440-43-9"},
        "chromium": {"mav": 0.05, "cas": "7440-47-3"},
        "copper": {"mav": 2.0, "cas": "7440-50-8"},
        "fluoride": {"mav": 1.5, "cas": "16984-48-8"},
        "lead": {"mav": 0.01, "cas": "7439-92-1"},
        "manganese": {"mav": 0.4, "cas": "7439-96-5"},
        "nitrate": {"mav": 50, "cas": "14797-55-8", "basis": "NO3"},
    },
    "updated": "2024-03-18",
}
try:
    doc = json.load(open("config/drinking_water_limits.json", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "config/drinking_water_limits.json", "the limits file is gone")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", f"the limits file still does not parse: {e}")
if doc != EXPECTED:
    diff = {k: doc.get(k) for k in set(doc) | set(EXPECTED) if doc.get(k) != EXPECTED.get(k)}
    verdict(False, diff, {k: EXPECTED.get(k) for k in diff}, "the repair changed, added or removed settings")
verdict(True, "valid, unchanged", "valid, unchanged", "limits file repaired")
