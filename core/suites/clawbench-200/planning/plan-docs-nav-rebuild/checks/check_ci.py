"""What CI does: run the original tools/build_nav.py on the pages; it must succeed and
generate the nav committed in mkdocs.yml. The repo's tool must be unchanged."""
import json, os, subprocess, sys
import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


ci = os.path.join(CHECKS, "build_nav_ci.py")
try:
    same = open("tools/build_nav.py", encoding="utf-8").read() == open(ci, encoding="utf-8").read()
except FileNotFoundError:
    same = False
if not same:
    verdict(False, "modified", "unchanged", "tools/build_nav.py was modified or removed (CI uses the committed tool)")
p = subprocess.run(["python3", ci], capture_output=True, text=True, timeout=30)
if p.returncode != 0:
    errs = [l for l in p.stderr.splitlines() if "Error" in l] or p.stderr.strip().splitlines() or ["?"]
    verdict(False, errs[-1], "exit 0", "the nav tool still fails on the pages")
generated = yaml.safe_load(p.stdout)["nav"]
try:
    committed = yaml.safe_load(open("mkdocs.yml", encoding="utf-8")).get("nav")
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid mkdocs.yml", "mkdocs.yml does not parse")
if generated != committed:
    verdict(False, committed, generated, "committed nav differs from what the tool generates")
verdict(True, "in sync", "in sync", "tool runs and the committed nav is current")
