"""pyproject.toml declares Python >=3.9 with 3.9-3.12 classifiers and ruff py39, nothing else
changed; tox.ini's envlist is py39..py312 plus lint and the rest is unchanged."""
import configparser
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
import re  # noqa: E402


def split(classifiers):
    versions = [c for c in classifiers if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)]
    return versions, [c for c in classifiers if c not in versions]


if got.get("project", {}).get("requires-python") != want["project"]["requires-python"]:
    verdict(False, got.get("project", {}).get("requires-python"), want["project"]["requires-python"], "requires-python is not as expected")
gv, go = split(got.get("project", {}).get("classifiers", []))
wv, wo = split(want["project"]["classifiers"])
if gv != wv:
    verdict(False, gv, wv, "the per-version classifiers must be exactly the supported versions, oldest first")
if go != wo:
    verdict(False, go, wo, "the other classifiers must not change")
got["project"]["classifiers"] = want["project"]["classifiers"]
if got != want:
    verdict(False, "other keys differ", "unchanged", "pyproject.toml differs beyond requires-python, classifiers and ruff target-version (or ruff target is wrong)")
ini = configparser.ConfigParser()
try:
    ini.read_string(open("tox.ini", encoding="utf-8").read())
except (FileNotFoundError, configparser.Error) as e:
    verdict(False, "unreadable", "valid tox.ini", str(e))
envs = [e.strip() for e in ini.get("tox", "envlist", fallback="").split(",")]
if envs != ["py39", "py310", "py311", "py312", "lint"]:
    verdict(False, envs, ["py39", "py310", "py311", "py312", "lint"], "tox envlist is not as expected")
expected_rest = {"tox": {"envlist": "py39,py310,py311,py312,lint", "isolated_build": "true"},
                 "testenv": {"extras": "test", "commands": "pytest -q {posargs}"},
                 "testenv:lint": {"deps": "ruff==0.4.4", "commands": "\nruff check .\nruff format --check ."}}
rest = {s: {k: v.replace(" ", "") if k == "envlist" else v for k, v in ini[s].items()} for s in ini.sections()}
if rest != expected_rest:
    verdict(False, rest, expected_rest, "tox.ini changed beyond the envlist")
verdict(True, envs, envs, "project metadata and tox updated")
