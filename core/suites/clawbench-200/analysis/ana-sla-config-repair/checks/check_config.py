"""config/sla.ini parses again and holds exactly the intended settings (lockers' new 98% target kept)."""
import configparser
import json
import sys

EXPECTED = {
    "report": {"month": "2024-06", "tickets_file": "data/tickets_2024-06.csv", "output_dir": "out",
               "business_hours_only": "no"},
    "queue.general": {"first_response_minutes": "240", "target_pct": "90"},
    "queue.billing": {"first_response_minutes": "120", "target_pct": "95"},
    "queue.lockers": {"first_response_minutes": "30", "target_pct": "98"},
    "queue.partners": {"first_response_minutes": "480", "target_pct": "85"},
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


cfg = configparser.ConfigParser()
try:
    with open("config/sla.ini", encoding="utf-8") as fh:
        cfg.read_file(fh)
except FileNotFoundError:
    verdict(False, "missing", "config/sla.ini", "config/sla.ini does not exist")
except configparser.Error as e:
    verdict(False, "unparsable", "valid INI", f"config/sla.ini still does not parse: {str(e).splitlines()[0]}")
observed = {s: dict(cfg[s]) for s in cfg.sections()}
if observed != EXPECTED:
    keys = sorted(set(observed) | set(EXPECTED))
    diff = {s: observed.get(s) for s in keys if observed.get(s) != EXPECTED.get(s)}
    verdict(False, diff, {s: EXPECTED.get(s) for s in diff}, "the repair must restore the lockers section without changing any setting")
verdict(True, observed["queue.lockers"], EXPECTED["queue.lockers"], "config parses, every section and value as intended")
