"""config/docks.toml parses again, with the copy-pasted table turned back into door D6 and
every setting as intended."""
import json
import os
import sys
import tomllib

here = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = tomllib.load(open(os.path.join(here, "docks_expected.toml"), "rb"))
try:
    got = tomllib.load(open("config/docks.toml", "rb"))
except FileNotFoundError:
    verdict(False, "missing", "config/docks.toml", "config missing")
except tomllib.TOMLDecodeError as e:
    verdict(False, "invalid TOML", "valid TOML", f"config/docks.toml still does not parse: {e}")
if got.get("door") != want["door"]:
    verdict(False, got.get("door"), want["door"], "doors must be D1-D6 (D6 standard, opened 2024-07-15)")
if got != want:
    verdict(False, got.get("site"), want["site"], "site settings changed")
verdict(True, sorted(got["door"]), sorted(want["door"]), "config repaired")
