#!/usr/bin/env python3
"""Check the repository against docs/ci-policy.md and docs/SUPPORT.md.

    python3 scripts/check_ci.py

Prints one line per problem and exits 1, or prints OK.
"""
import glob
import re
import sys
import tomllib

import yaml

ACTIONS = {"actions/checkout": "v4", "actions/setup-python": "v5"}


def supported_versions():
    rows = re.findall(r"^\|\s*(3\.\d+)\s*\|[^|]*\|\s*(\w+)", open("docs/SUPPORT.md", encoding="utf-8").read(), re.M)
    return [v for v, status in rows if status == "supported"]


def main():
    problems = []
    versions = supported_versions()
    newest = versions[-1]
    for path in sorted(glob.glob(".github/workflows/*.yml")):
        with open(path, encoding="utf-8") as fh:
            wf = yaml.safe_load(fh)
        for name, job in wf["jobs"].items():
            where = f"{path}: job {name}"
            t = job.get("timeout-minutes")
            if not isinstance(t, int) or t > 20:
                problems.append(f"{where}: timeout-minutes missing or above 20")
            matrix = (job.get("strategy") or {}).get("matrix") or {}
            if "python-version" in matrix:
                got = matrix["python-version"]
                if any(not isinstance(v, str) for v in got):
                    problems.append(f"{where}: matrix versions must be quoted strings, got {got}")
                elif got != versions:
                    problems.append(f"{where}: matrix {got} != supported {versions}")
            for step in job.get("steps", []):
                uses = step.get("uses", "")
                action, _, ref = uses.partition("@")
                if action in ACTIONS and ref != ACTIONS[action]:
                    problems.append(f"{where}: {uses} should be {action}@{ACTIONS[action]}")
                pv = (step.get("with") or {}).get("python-version")
                if action == "actions/setup-python" and "python-version" not in matrix and pv != newest:
                    problems.append(f"{where}: single-version job uses {pv!r}, newest supported is {newest!r}")
    project = tomllib.load(open("pyproject.toml", "rb"))
    if project["project"].get("requires-python") != f">={versions[0]}":
        problems.append(f"pyproject.toml: requires-python should be >={versions[0]}")
    classifiers = [c.rsplit(":: ", 1)[1] for c in project["project"]["classifiers"]
                   if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    if classifiers != versions:
        problems.append(f"pyproject.toml: version classifiers {classifiers} != {versions}")
    ruff = project.get("tool", {}).get("ruff", {}).get("target-version")
    if ruff != "py" + versions[0].replace(".", ""):
        problems.append(f"pyproject.toml: ruff target-version {ruff} != py{versions[0].replace('.', '')}")
    envlist = re.search(r"^envlist\s*=\s*(.*)$", open("tox.ini", encoding="utf-8").read(), re.M).group(1)
    envs = [e.strip() for e in envlist.split(",") if e.strip().startswith("py")]
    if envs != ["py" + v.replace(".", "") for v in versions]:
        problems.append(f"tox.ini: envlist {envs} does not match {versions}")
    for p in problems:
        print(p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
