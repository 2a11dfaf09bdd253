""".flake8 holds setup.cfg's [flake8] section unchanged."""
import configparser
import json
import sys

WANT = {"max-line-length": "100", "extend-ignore": "E203", "exclude": ".git,build,dist"}
cp = configparser.ConfigParser(interpolation=None)
try:
    with open(".flake8", encoding="utf-8") as fh:
        cp.read_file(fh)
    got = {k: " ".join(v.split()) for k, v in cp["flake8"].items()} if cp.has_section("flake8") else None
    sections = cp.sections()
except (FileNotFoundError, configparser.Error) as e:
    got, sections = str(e)[:120], []
ok = got == WANT and sections == ["flake8"]
print(json.dumps({"passed": ok, "observed": got, "expected": WANT, "message": ".flake8 correct" if ok else ".flake8 missing or different"}))
sys.exit(0 if ok else 1)
