"""The INI files are gone, the Makefile, README, deployment, code, tests and config no longer
refer to them, and src/ no longer uses configparser."""
import ast
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, CHECKS)
from _common import verdict  # noqa: E402

left = [p for p in ("config/settings.ini", "config/settings.example.ini", "tests/fixtures/settings.ini") if os.path.exists(p)]
if left:
    verdict(False, left, [], "the INI settings files must be deleted")
refs = []
SCAN = ["Makefile", "README.md", "deploy", "src", "tests", "config"]
for root, dirs, files in [w for top in SCAN if os.path.isdir(top) for w in os.walk(top)] + [(".", [], [f]) for f in SCAN if os.path.isfile(f)]:
    dirs[:] = [d for d in dirs if d != "__pycache__"]
    for f in files:
        path = os.path.relpath(os.path.join(root, f))
        try:
            text = open(path, encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if "settings.ini" in line or "settings.example.ini" in line:
                refs.append(f"{path}:{n}")
if refs:
    verdict(False, refs[:6], [], "files still refer to the INI settings")
for root, _dirs, files in os.walk("src"):
    for f in files:
        if f.endswith(".py"):
            tree = ast.parse(open(os.path.join(root, f), encoding="utf-8").read())
            for n in ast.walk(tree):
                names = [a.name for a in n.names] if isinstance(n, ast.Import) else [n.module or ""] if isinstance(n, ast.ImportFrom) else []
                if any(x.split(".")[0] == "configparser" for x in names):
                    verdict(False, os.path.join(root, f), "no configparser", "src still imports configparser")
verdict(True, "migrated", "migrated", "INI files and references gone")
