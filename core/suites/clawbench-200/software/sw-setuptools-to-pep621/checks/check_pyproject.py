"""pyproject.toml carries exactly the metadata setup.py/setup.cfg produced (ADR 0009):
compared field by field, dependency strings whitespace- and quote-insensitive, dependency
and extra lists order-insensitive, classifiers in order."""
import json
import os
import re
import sys
import tomllib

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_pyproject.json"), encoding="utf-8"))
problems = []


def req(s):
    return re.sub(r"\s+", "", str(s)).replace("'", '"')


def reqset(items):
    return sorted(req(x) for x in items) if isinstance(items, list) else items


try:
    got = tomllib.load(open("pyproject.toml", "rb"))
except FileNotFoundError:
    got = None
    problems.append("pyproject.toml missing")
except tomllib.TOMLDecodeError as e:
    got = None
    problems.append(f"invalid TOML: {e}")

if got is not None:
    gp, wp = got.get("project", {}), want["project"]
    if sorted(gp) != sorted(wp):
        problems.append({"project keys": {"extra": sorted(set(gp) - set(wp)), "missing": sorted(set(wp) - set(gp))}})
    for key in wp:
        g, w = gp.get(key), wp[key]
        if key == "dependencies":
            g, w = reqset(g or []), reqset(w)
        elif key == "optional-dependencies":
            g = {k: reqset(v) for k, v in (g or {}).items()}
            w = {k: reqset(v) for k, v in w.items()}
        if g != w:
            problems.append({f"project.{key}": g})
    gb, wb = got.get("build-system", {}), want["build-system"]
    if {**gb, "requires": reqset(gb.get("requires", []))} != {**wb, "requires": reqset(wb["requires"])}:
        problems.append({"build-system": gb})
    gt, wt = got.get("tool", {}), want["tool"]
    for key in ("setuptools", "pytest", "black"):
        if gt.get(key) != wt[key]:
            problems.append({f"tool.{key}": gt.get(key)})
ok = not problems
print(json.dumps({"passed": ok, "observed": problems[:5], "expected": [], "message": "metadata migrated faithfully" if ok else f"{len(problems)} difference(s) from the expected metadata"}, ensure_ascii=False, default=str))
sys.exit(0 if ok else 1)
