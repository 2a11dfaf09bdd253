"""setup.cfg lost its [isort] section and nothing else."""
import configparser
import json
import sys

WANT = {
    "tool:pytest": {"testpaths": "tests", "addopts": "-ra --strict-markers", "markers": "\nslow: needs the full yarn-weight table"},
    "coverage:run": {"source": "stitchpad", "omit": "src/stitchpad/_vendor/*"},
    "coverage:report": {"fail_under": "85", "show_missing": "true"},
}
cp = configparser.ConfigParser(interpolation=None)
try:
    with open("setup.cfg", encoding="utf-8") as fh:
        cp.read_file(fh)
except FileNotFoundError:
    print(json.dumps({"passed": False, "observed": "missing", "expected": sorted(WANT), "message": "setup.cfg was removed, but its other sections must stay"}))
    sys.exit(1)
except configparser.Error as e:
    print(json.dumps({"passed": False, "observed": "unparsable", "expected": sorted(WANT), "message": str(e)[:200]}))
    sys.exit(1)
got = {s: dict(cp[s]) for s in cp.sections()}
ok = got == WANT
print(json.dumps({"passed": ok, "observed": sorted(got), "expected": sorted(WANT),
                  "message": "only [isort] removed" if ok else "setup.cfg should keep exactly the pytest and coverage sections, unchanged"}))
sys.exit(0 if ok else 1)
