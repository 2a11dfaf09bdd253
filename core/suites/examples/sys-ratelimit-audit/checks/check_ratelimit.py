"""conf/ratelimit.toml still parses, blocks exactly the old + new abusive clients, records the
change date, and every other setting is untouched."""
import json
import sys

try:
    import tomllib
except ModuleNotFoundError:  # python < 3.11
    tomllib = None

PATH = "conf/ratelimit.toml"
EXPECTED_BLOCKED = ["192.0.2.14", "198.51.100.77", "203.0.113.45", "203.0.113.7"]
UNCHANGED = {
    "global": {"requests_per_minute": 600, "burst": 120, "response_status": 429, "log_rejections": True},
    "allowlist": {"ips": ["10.0.0.5", "10.0.0.6", "198.51.100.1"]},
    "rules": [
        {"path": "/api/login", "requests_per_minute": 30, "burst": 5},
        {"path": "/api/search", "requests_per_minute": 120, "burst": 20},
        {"path": "/api/checkout", "requests_per_minute": 60, "burst": 10},
    ],
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


if tomllib is None:
    verdict(False, None, None, "python3 >= 3.11 (tomllib) is needed to run this check")
try:
    with open(PATH, "rb") as fh:
        conf = tomllib.load(fh)
except FileNotFoundError:
    verdict(False, "missing", "valid TOML", f"{PATH} does not exist")
except tomllib.TOMLDecodeError as e:
    verdict(False, "invalid TOML", "valid TOML", f"{PATH} no longer parses: {e}")

block = conf.get("blocklist", {})
ips = block.get("ips")
if not isinstance(ips, list) or len(ips) != len(set(map(str, ips))):
    verdict(False, ips, EXPECTED_BLOCKED, "blocklist.ips must be a list without duplicates")
if sorted(ips) != EXPECTED_BLOCKED:
    verdict(False, sorted(ips), EXPECTED_BLOCKED, "blocklist.ips must be the existing entry plus exactly the abusive clients")
if block.get("updated") != "2024-06-08":
    verdict(False, block.get("updated"), "2024-06-08", "blocklist.updated must record the date of the change")
if block.get("ticket") != "SEC-212":
    verdict(False, block.get("ticket"), "SEC-212", "blocklist.ticket was changed")
for key, want in UNCHANGED.items():
    if conf.get(key) != want:
        verdict(False, {key: conf.get(key)}, {key: want}, f"[{key}] was changed; only [blocklist] may change")
extra = sorted(set(conf) - {"global", "allowlist", "blocklist", "rules"})
if extra:
    verdict(False, extra, [], "unexpected new top-level tables")
verdict(True, sorted(ips), EXPECTED_BLOCKED, "blocklist updated, everything else unchanged")
