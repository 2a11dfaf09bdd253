"""reports/terms-sweep.json: per-file counts for exactly the two guides, total = their sum."""
import json
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    rep = json.load(open("reports/terms-sweep.json", encoding="utf-8"))
except (OSError, json.JSONDecodeError) as e:
    verdict(False, "unreadable", "JSON report", str(e))
files = rep.get("files") if isinstance(rep, dict) else None
want_keys = ["docs/guides/ip-access-control.md", "docs/guides/webhooks.md"]
if not isinstance(files, dict) or sorted(files) != want_keys:
    verdict(False, sorted(files) if isinstance(files, dict) else files, want_keys, "files must list exactly the two swept guides")
if not all(isinstance(v, int) and not isinstance(v, bool) for v in files.values()):
    verdict(False, files, "integers", "counts must be integers")
if rep.get("total_replacements") != sum(files.values()):
    verdict(False, rep.get("total_replacements"), sum(files.values()), "total_replacements is not the sum of the per-file counts")
verdict(True, rep.get("total_replacements"), sum(files.values()), "report consistent")
