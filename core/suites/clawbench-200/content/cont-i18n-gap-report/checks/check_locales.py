"""Every target locale file exists under its config name, parses and keeps the agencies' text
(fr.json is the renamed fr_FR.json delivery, unchanged)."""
import json
import os
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_l10n.json"), encoding="utf-8"))["locales"]
for loc, exp in want.items():
    path = f"app/locales/{loc}.json"
    try:
        got = json.load(open(path, encoding="utf-8"))
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist (locale files are named exactly as in targets)")
    except json.JSONDecodeError as e:
        verdict(False, "invalid JSON", "valid JSON", f"{path} does not parse: {e}")
    if got != exp:
        verdict(False, f"{loc}.json changed", f"{loc}.json as delivered", "translations must stay exactly as the agencies delivered them")
verdict(True, sorted(want), sorted(want), "all target locale files present and unchanged")
