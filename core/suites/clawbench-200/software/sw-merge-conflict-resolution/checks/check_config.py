"""Both config files parse and carry max_minutes (from #88) and max_series_weeks (from #91),
no max_duration_hours, with every other value unchanged."""
import json
import sys
import tomllib

WANT = {
    "config/defaults.toml": {"booking": {"max_minutes": 240, "max_series_weeks": 12, "opening": "07:00", "closing": "22:00"},
                             "rooms": {"names": ["Anchor", "Bosun", "Crow's Nest", "Galley"]}},
    "config/production.toml": {"booking": {"max_minutes": 180, "max_series_weeks": 26, "opening": "07:00", "closing": "21:00"},
                               "rooms": {"names": ["Anchor", "Bosun", "Crow's Nest", "Galley", "Lighthouse"]}},
}
for path, want in WANT.items():
    try:
        got = tomllib.load(open(path, "rb"))
    except (FileNotFoundError, tomllib.TOMLDecodeError) as e:
        print(json.dumps({"passed": False, "observed": str(e)[:160], "expected": want, "message": f"{path} missing or not valid TOML"}))
        sys.exit(1)
    if got != want:
        print(json.dumps({"passed": False, "observed": got, "expected": want, "message": f"{path} is not resolved as both PRs require"}))
        sys.exit(1)
print(json.dumps({"passed": True, "observed": "both configs resolved", "expected": "both configs resolved", "message": "config resolved"}))
