"""The CI matrix, the pyproject classifiers and the tox envlist name the same versions."""
import json
import re
import sys
import tomllib

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


try:
    ci = yaml.safe_load(open(".github/workflows/ci.yml", encoding="utf-8"))
    matrix = [str(v) for v in ci["jobs"]["test"]["strategy"]["matrix"]["python-version"]]
    project = tomllib.load(open("pyproject.toml", "rb"))
    tox = open("tox.ini", encoding="utf-8").read()
except Exception as e:  # any unreadable file fails the check
    verdict(False, "unreadable", "readable", f"{type(e).__name__}: {e}")
classifiers = [c.rsplit(":: ", 1)[1] for c in project["project"].get("classifiers", [])
               if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
m = re.search(r"^envlist\s*=\s*(.*)$", tox, re.M)
envs = [e.strip()[2:] for e in (m.group(1) if m else "").split(",") if re.fullmatch(r"py3\d+", e.strip())]
tox_versions = [e[0] + "." + e[1:] for e in envs]
if not (matrix == classifiers == tox_versions):
    verdict(False, {"ci": matrix, "classifiers": classifiers, "tox": tox_versions}, "all equal", "CI, pyproject and tox disagree")
verdict(True, matrix, matrix, "versions agree")
