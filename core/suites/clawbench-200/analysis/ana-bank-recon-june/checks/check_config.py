"""config/recon.toml still parses, last_reconciled is 2024-06-30, nothing else changed."""
import json
import sys
import tomllib

EXPECTED = {
    "account": {"gl_account": "1010", "name": "Operating checking", "bank": "First Prairie Bank", "bank_account_last4": "4471"},
    "matching": {"date_tolerance_days": 3, "match_checks_by_number": True},
    "status": {"last_reconciled": "2024-06-30", "reconciled_by": "marisol.vega", "reviewer": "d.alvarez (CPA)"},
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


try:
    with open("config/recon.toml", "rb") as fh:
        doc = tomllib.load(fh)
except FileNotFoundError:
    verdict(False, "missing", "config/recon.toml", "the config is gone")
except tomllib.TOMLDecodeError as e:
    verdict(False, "unparsable", "valid TOML", f"recon.toml no longer parses: {e}")
status = doc.get("status", {})
if not isinstance(status.get("last_reconciled"), str):
    status["last_reconciled"] = str(status.get("last_reconciled"))
if doc != EXPECTED:
    keys = sorted(set(doc) | set(EXPECTED))
    diff = {k: doc.get(k) for k in keys if doc.get(k) != EXPECTED.get(k)}
    verdict(False, diff, {k: EXPECTED.get(k) for k in diff}, "only [status] last_reconciled may change, to \"2024-06-30\"")
verdict(True, doc["status"]["last_reconciled"], "2024-06-30", "config updated, other keys unchanged")
