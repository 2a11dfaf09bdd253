"""l10n/status.json agrees with reports/l10n-gaps.csv: for each locale ok + with_issues = source
messages, with_issues = distinct keys with a non-obsolete issue, obsolete_removed = obsolete rows,
percent_ready = ok / source_messages x 100 rounded to 1 decimal."""
import csv
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    status = json.load(open("l10n/status.json", encoding="utf-8"))
    rows = list(csv.DictReader(open("reports/l10n-gaps.csv", newline="", encoding="utf-8")))
except FileNotFoundError as e:
    verdict(False, "missing", e.filename, f"{e.filename} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "valid JSON", str(e))
total = status.get("source_messages") if isinstance(status, dict) else None
if total != 44:
    verdict(False, total, 44, "source_messages must count the 44 English messages (plural objects once, ignore_keys left out)")
locs = status.get("locales") or {}
if sorted(locs) != ["de", "fr", "pl", "pt-BR"]:
    verdict(False, sorted(locs), ["de", "fr", "pl", "pt-BR"], "one entry per target locale")
for loc, entry in locs.items():
    bad = {r["key"] for r in rows if r.get("locale") == loc and r.get("issue") != "obsolete"}
    obs = sum(1 for r in rows if r.get("locale") == loc and r.get("issue") == "obsolete")
    exp = {"ok": total - len(bad), "with_issues": len(bad), "percent_ready": round(100 * (total - len(bad)) / total, 1),
           "obsolete_removed": obs}
    got = {k: entry.get(k) for k in exp}
    if got != exp:
        verdict(False, {loc: got}, {loc: exp}, f"{loc}: status does not agree with the report")
verdict(True, {k: v.get("percent_ready") for k, v in locs.items()}, "consistent", "status agrees with the report")
