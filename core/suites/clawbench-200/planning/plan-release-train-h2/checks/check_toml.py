"""release/train.toml parses again, keeps every setting, has the repaired slack channel and
records planned_through."""
import datetime
import json
import sys

try:
    import tomllib
except ModuleNotFoundError:
    tomllib = None

EXPECTED = {
    "train": {"name": "kestrel-mobile", "platforms": ["ios", "android"], "anchor_cut": "2024-07-02",
              "cadence_days": 14, "freeze_business_days_before_cut": 2, "ship_days_after_cut": 7,
              "last_version": "5.12.0", "last_captain": "ben", "planned_through": "5.24.0"},
    "calendar": {"holidays_file": "release/holidays.txt", "blackout_weeks": ["2024-08-26", "2024-12-30"]},
    "owners": {"captain_rotation": ["ana", "ben", "chen", "dee", "eko"], "qa_lead": "priyanka",
               "slack_channel": "#kestrel-release"},
    "store": {"ios_phased_release": True, "android_rollout_steps": [1, 5, 20, 50, 100]},
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def plain(v):
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    return v


if tomllib is None:
    verdict(False, None, None, "python3 >= 3.11 (tomllib) is needed")
try:
    with open("release/train.toml", "rb") as fh:
        conf = plain(tomllib.load(fh))
except FileNotFoundError:
    verdict(False, "missing", "valid TOML", "release/train.toml does not exist")
except tomllib.TOMLDecodeError as e:
    verdict(False, "invalid TOML", "valid TOML", f"release/train.toml does not parse: {e}")
# anchor_cut may stay a TOML date or become the same date as a string
for table, want in EXPECTED.items():
    got = conf.get(table)
    if got != want:
        diff = {k: (got or {}).get(k) for k in set(want) | set(got or {}) if (got or {}).get(k) != want.get(k)}
        verdict(False, {table: diff}, {table: {k: want.get(k) for k in diff}},
                f"[{table}] differs: only the broken string may be repaired and train.planned_through added")
if set(conf) != set(EXPECTED):
    verdict(False, sorted(conf), sorted(EXPECTED), "unexpected tables")
verdict(True, conf["train"]["planned_through"], "5.24.0", "train.toml repaired and updated")
