"""Mode docs: no broken internal link is left under docs/ (reference checker), and the links to
removed pages became plain text. Mode mkdocs: mkdocs.yml parses, nav points at the new pages,
the removed page is out of the nav, everything else unchanged."""
import json
import os
import subprocess
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


mode = sys.argv[1] if len(sys.argv) > 1 else "docs"
if mode == "docs":
    proc = subprocess.run([sys.executable, os.path.join(CHECKS, "ref_check_links.py"), "docs"], capture_output=True, text=True, timeout=60)
    broken = [l for l in proc.stdout.splitlines() if l.strip()]
    if proc.returncode != 0 or broken:
        verdict(False, broken[:10] or proc.stderr[-300:], [], f"{len(broken)} broken internal links remain")
    for page in ("getting-started/quickstart.md", "guides/scheduling.md", "index.md", "reference/configuration.md"):
        if not os.path.isfile(os.path.join("docs", page)):
            verdict(False, "missing", page, f"docs/{page} was removed or renamed")
    verdict(True, 0, 0, "no broken internal links")

if mode == "mkdocs":
    want = json.load(open(os.path.join(CHECKS, "expected_mkdocs.json")))
    try:
        got = yaml.safe_load(open("mkdocs.yml", encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        verdict(False, "unparsable", "valid YAML", f"mkdocs.yml: {str(e).splitlines()[0]}")
    if got != want:
        keys = sorted(set(got or {}) | set(want))
        diff = {k: (got or {}).get(k) for k in keys if (got or {}).get(k) != want.get(k)}
        verdict(False, diff, {k: want.get(k) for k in diff}, "nav must use the new paths (removed page dropped); nothing else may change")
    verdict(True, "nav updated", "nav updated", "mkdocs.yml matches")
verdict(False, mode, "docs|mkdocs", "unknown mode")
