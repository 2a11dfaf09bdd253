"""site/site.yaml still parses; the two changed pages are bumped and dated, the others untouched."""
import json
import sys

import yaml

PATH = "site/site.yaml"
EXPECTED_PAGES = [
    {"slug": "privacy-policy", "title": "Privacy Policy", "file": "legal/privacy-policy.md", "version": 13, "updated": "2024-10-01"},
    {"slug": "subprocessors", "title": "Sub-processors", "file": "legal/subprocessors.md", "version": 10, "updated": "2024-10-01", "rss": True},
    {"slug": "dpa", "title": "Data Processing Addendum", "file": "legal/dpa.md", "version": 4, "updated": "2023-02-01"},
    {"slug": "terms", "title": "Terms of Service", "file": "legal/terms.md", "version": 6, "updated": "2024-01-08"},
]
EXPECTED_TOP = {"site": "fernway-legal", "base_url": "https://fernway.example/legal", "default_locale": "en",
                "build": {"output": "public/", "date_format": "%-d %B %Y"}}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open(PATH, encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", f"{PATH} no longer parses: {e}")
if not isinstance(doc, dict):
    verdict(False, type(doc).__name__, "mapping", "site.yaml is not a mapping")
pages = doc.get("pages")
if not isinstance(pages, list):
    verdict(False, pages, "list of pages", "pages is missing")
norm = []
for p in pages:
    p = dict(p)
    if "updated" in p:
        p["updated"] = str(p["updated"])
    norm.append(p)
if norm != EXPECTED_PAGES:
    diff = [(g, e) for g, e in zip(norm, EXPECTED_PAGES) if g != e] or [norm]
    verdict(False, diff[0][0] if isinstance(diff[0], tuple) else norm, diff[0][1] if isinstance(diff[0], tuple) else EXPECTED_PAGES,
            "privacy-policy and subprocessors must be version+1 with updated 2024-10-01; dpa and terms unchanged")
top = {k: v for k, v in doc.items() if k != "pages"}
if top != EXPECTED_TOP:
    verdict(False, top, EXPECTED_TOP, "top-level settings of site.yaml were changed")
verdict(True, [(p["slug"], p["version"]) for p in norm], [(p["slug"], p["version"]) for p in EXPECTED_PAGES], "registry updated")
