"""docs/_index.yaml: status follows the audit (needs-fix iff an error finding), nothing else changed."""
import json
import sys

import yaml

NEEDS_FIX = {"migration/v1-to-v2.md", "payments/disputes.md", "payments/refunds.md", "reference/changelog.md", "webhooks.md"}
PAGES = [("getting-started.md", "Getting started"), ("webhooks.md", "Webhooks"), ("payments/refunds.md", "Refunds"),
         ("payments/disputes.md", "Disputes"), ("migration/v1-to-v2.md", "Migrating from v1 to v2"),
         ("reference/errors.md", "Errors"), ("reference/changelog.md", "API changelog")]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("docs/_index.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "docs/_index.yaml", "the page registry is gone")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", str(e).splitlines()[0])
want = {"section": "Developer guides",
        "pages": [{"file": f, "title": t, "status": "needs-fix" if f in NEEDS_FIX else "ok"} for f, t in PAGES]}
if doc != want:
    got_status = {p.get("file"): p.get("status") for p in (doc or {}).get("pages", []) if isinstance(p, dict)}
    verdict(False, got_status, {p["file"]: p["status"] for p in want["pages"]},
            "status must be needs-fix exactly for pages with an error finding; nothing else may change")
verdict(True, sorted(NEEDS_FIX), sorted(NEEDS_FIX), "registry statuses match the audit")
