"""pyproject.toml parses; [tool.ruff] carries the ADR's mapping of the flake8/isort settings;
everything else in the file is unchanged."""
import json
import os
import sys
import tomllib

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_pyproject.json")))


def verdict(ok, observed, expected, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if ok else 1)


def norm(v):
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()}
    if isinstance(v, list):
        return sorted((norm(x) for x in v), key=json.dumps)
    return v


try:
    got = tomllib.load(open("pyproject.toml", "rb"))
except FileNotFoundError:
    verdict(False, "missing", "present", "pyproject.toml was removed")
except tomllib.TOMLDecodeError as e:
    verdict(False, "invalid TOML", "valid TOML", str(e))
g_ruff = got.get("tool", {}).get("ruff")
w_ruff = want["tool"]["ruff"]
if g_ruff is None:
    verdict(False, None, w_ruff, "no [tool.ruff] configuration")
for key in sorted(set(g_ruff) | set(w_ruff)):
    if key == "lint":
        continue
    if norm(g_ruff.get(key)) != norm(w_ruff.get(key)):
        verdict(False, {key: g_ruff.get(key)}, {key: w_ruff.get(key)}, f"[tool.ruff] {key} is not as the ADR maps it")
g_lint, w_lint = g_ruff.get("lint", {}), w_ruff["lint"]
for key in sorted(set(g_lint) | set(w_lint)):
    if norm(g_lint.get(key)) != norm(w_lint.get(key)):
        verdict(False, {key: g_lint.get(key)}, {key: w_lint.get(key)}, f"[tool.ruff.lint] {key} is not as the ADR maps it")
rest_g = {k: v for k, v in got.items()}
rest_w = {k: v for k, v in want.items()}
rest_g["tool"] = {k: v for k, v in got.get("tool", {}).items() if k != "ruff"}
rest_w["tool"] = {k: v for k, v in want["tool"].items() if k != "ruff"}
if rest_g != rest_w:
    diff = sorted(k for k in set(rest_g) | set(rest_w) if rest_g.get(k) != rest_w.get(k))
    verdict(False, diff, "unchanged", "pyproject.toml changed outside [tool.ruff]")
verdict(True, "tool.ruff as mapped", "tool.ruff as mapped", "ruff configured per ADR 0006, rest unchanged")
