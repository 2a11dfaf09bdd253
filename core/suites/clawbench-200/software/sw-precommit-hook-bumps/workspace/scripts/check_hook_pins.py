#!/usr/bin/env python3
"""Check that requirements-dev.txt pins the same versions as .pre-commit-config.yaml."""
import re
import sys

import yaml

HOOK_PACKAGES = {"black": "black", "isort": "isort", "flake8": "flake8", "mypy": "mypy", "codespell": "codespell"}

config = yaml.safe_load(open(".pre-commit-config.yaml", encoding="utf-8"))
pins = {}
for line in open("requirements-dev.txt", encoding="utf-8"):
    m = re.match(r"^([A-Za-z0-9_.-]+)==([^\s#]+)", line)
    if m:
        pins[m.group(1).lower()] = m.group(2)

problems = []
for repo in config["repos"]:
    for hook in repo["hooks"]:
        package = HOOK_PACKAGES.get(hook["id"])
        if package:
            rev = str(repo["rev"]).lstrip("v")
            if pins.get(package) != rev:
                problems.append(f"{package}: hook rev {repo['rev']} but requirements-dev.txt pins {pins.get(package)}")
        for dep in hook.get("additional_dependencies", []):
            name, _, version = dep.partition("==")
            if pins.get(name.lower()) != version:
                problems.append(f"{name}: hook pins {version} but requirements-dev.txt pins {pins.get(name.lower())}")
for p in problems:
    print(p)
print("OK" if not problems else f"{len(problems)} mismatch(es)")
sys.exit(1 if problems else 0)
