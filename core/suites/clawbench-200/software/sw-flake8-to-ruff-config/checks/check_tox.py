"""tox's lint env installs black and ruff only and runs ruff check then black --check; the rest of tox.ini is unchanged."""
import configparser
import json
import sys

cp = configparser.ConfigParser(interpolation=None)
try:
    with open("tox.ini", encoding="utf-8") as fh:
        cp.read_file(fh)
except (FileNotFoundError, configparser.Error) as e:
    print(json.dumps({"passed": False, "observed": str(e)[:200], "expected": "valid tox.ini", "message": "tox.ini missing or unparsable"}))
    sys.exit(1)


def lines(v):
    return [" ".join(l.split()) for l in v.strip().splitlines() if l.strip()]


problems = []
if sorted(cp.sections()) != ["testenv", "testenv:lint", "tox"]:
    problems.append(f"sections {cp.sections()}")
if (dict(cp["tox"]) if cp.has_section("tox") else None) != {"envlist": "py310,py311,py312,lint", "isolated_build": "true"}:
    problems.append("[tox] changed")
if (dict(cp["testenv"]) if cp.has_section("testenv") else None) != {"extras": "dev", "commands": "pytest {posargs}"}:
    problems.append("[testenv] changed")
lint = dict(cp["testenv:lint"]) if cp.has_section("testenv:lint") else {}
if sorted(lines(lint.get("deps", ""))) != ["black==24.4.2", "ruff==0.5.0"]:
    problems.append(f"lint deps {lines(lint.get('deps', ''))}")
if lines(lint.get("commands", "")) != ["ruff check src tests", "black --check src tests"]:
    problems.append(f"lint commands {lines(lint.get('commands', ''))}")
if lint.get("skip_install") != "true":
    problems.append("skip_install changed")
ok = not problems
print(json.dumps({"passed": ok, "observed": problems, "expected": [], "message": "tox lint env migrated" if ok else "tox.ini not as the ADR says"}))
sys.exit(0 if ok else 1)
