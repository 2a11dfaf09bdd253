"""mkdocs.yml loads; nav is exactly the release rules' nav (mode nav); every other setting kept, version 4.2 (mode rest)."""
import json
import os
import sys

import yaml

MODE = sys.argv[1]
NAV = [
    {"Home": "index.md"},
    {"Getting started": [{"Your first sync": "getting-started/first-sync.md"}]},
    {"Guides": [{"Incremental sync": "guides/incremental-sync.md"},
                {"Scheduling syncs": "guides/schedules.md"},
                {"Secrets and credentials": "guides/secrets.md"}]},
    {"Reference": [{"CLI": [{"quarry prune": "reference/cli/quarry-prune.md"},
                            {"quarry run": "reference/cli/quarry-run.md"}]}]},
]
REST = {
    "site_name": "Quarry", "site_description": "Quarry: fast, incremental data sync",
    "site_url": "https://docs.quarry.example/", "repo_url": "https://github.com/quarry-sync/quarry",
    "edit_uri": "edit/main/docs/", "copyright": "Copyright &copy; 2021-2024 the Quarry authors",
    "theme": {"name": "material", "features": ["navigation.sections", "content.code.copy"], "palette": {"primary": "teal"}},
    "markdown_extensions": ["admonition", {"toc": {"permalink": True}}],
    "extra": {"version": "4.2", "version_provider": "mike", "analytics": {"provider": "plausible", "domain": "docs.quarry.example"}},
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("mkdocs.yml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "mkdocs.yml", "mkdocs.yml does not exist")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "loads", f"mkdocs.yml does not load: {str(e).splitlines()[0]}")
if not isinstance(doc, dict):
    verdict(False, type(doc).__name__, "mapping", "mkdocs.yml is not a mapping")
if MODE == "nav":
    nav = doc.get("nav")
    if nav != NAV:
        verdict(False, nav, NAV, "nav must list every page once, with its H1 as title, in the release rules' order")
    missing = []

    def walk(items):
        for it in items:
            for v in it.values():
                if isinstance(v, list):
                    walk(v)
                elif not os.path.isfile(os.path.join("docs", v)):
                    missing.append(v)
    walk(nav)
    if missing:
        verdict(False, missing, [], "nav points to files that do not exist")
    verdict(True, "nav ok", "nav ok", "nav matches the rules")
rest = {k: v for k, v in doc.items() if k != "nav"}
if rest != REST:
    keys = sorted(k for k in set(rest) | set(REST) if rest.get(k) != REST.get(k))
    verdict(False, {k: rest.get(k) for k in keys}, {k: REST.get(k) for k in keys}, "settings other than nav differ (extra.version must be 4.2, the rest unchanged)")
verdict(True, "settings ok", "settings ok", "settings kept, version 4.2")
