"""pyproject.toml: raised lower bounds for the bumped packages (other specifier parts kept),
everything else unchanged."""
import json
import os
import sys
import tomllib

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_pyproject.json")))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    got = tomllib.load(open("pyproject.toml", "rb"))
except FileNotFoundError:
    verdict(False, "missing", "present", "pyproject.toml was removed")
except tomllib.TOMLDecodeError as e:
    verdict(False, "invalid TOML", "valid TOML", str(e))
norm = lambda xs: [x.replace(" ", "") for x in xs]
gp, wp = got.get("project", {}), want["project"]
if norm(gp.get("dependencies", [])) != norm(wp["dependencies"]):
    bad = [(g, w) for g, w in zip(gp.get("dependencies", []), wp["dependencies"]) if g.replace(" ", "") != w.replace(" ", "")]
    verdict(False, [b[0] for b in bad] or gp.get("dependencies"), [b[1] for b in bad] or wp["dependencies"], "project.dependencies not as expected")
if norm(gp.get("optional-dependencies", {}).get("dev", [])) != norm(wp["optional-dependencies"]["dev"]):
    verdict(False, gp.get("optional-dependencies"), wp["optional-dependencies"], "the dev extra is not as expected")
for k in ("dependencies", "optional-dependencies"):
    gp = dict(gp); gp.pop(k, None)
wp = dict(wp); wp.pop("dependencies"); wp.pop("optional-dependencies")
if gp != wp or {k: v for k, v in got.items() if k != "project"} != {k: v for k, v in want.items() if k != "project"}:
    verdict(False, "other keys changed", "unchanged", "only dependency lower bounds may change in pyproject.toml")
verdict(True, "ok", "ok", "pyproject bounds raised, rest unchanged")
