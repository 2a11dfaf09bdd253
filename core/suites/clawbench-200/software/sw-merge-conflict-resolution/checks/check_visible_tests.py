"""The test suite passes and still has every test of both sides of the merge."""
import json
import os
import re
import subprocess
import sys

WANT = {"test_book", "test_overlap_is_conflict", "test_other_room_is_fine", "test_back_to_back_is_fine",
        "test_conflict_names_the_booking", "test_quarter_hours", "test_duration_limit_in_minutes",
        "test_sunday_closed", "test_weekly", "test_all_or_nothing", "test_occurrences_are_validated",
        "test_series_length_limit"}
try:
    src = open("tests/test_booking.py", encoding="utf-8").read()
except FileNotFoundError:
    src = ""
have = set(re.findall(r"^\s+def (test_\w+)\(", src, re.M))
missing = sorted(WANT - have)
if missing:
    print(json.dumps({"passed": False, "observed": sorted(have), "expected": sorted(WANT), "message": f"tests dropped in the merge: {missing}"}))
    sys.exit(1)
env = dict(os.environ, PYTHONPATH=os.path.abspath("src"), PYTHONDONTWRITEBYTECODE="1", LC_ALL="C")
env.pop("ROOMIE_CONFIG", None)
p = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", "tests"], capture_output=True, text=True, timeout=120, env=env)
ran = re.search(r"^Ran (\d+) tests?", p.stderr, re.M)
ok = p.returncode == 0 and ran is not None and int(ran.group(1)) >= 13
print(json.dumps({"passed": ok, "observed": p.stderr.strip().splitlines()[-3:], "expected": "OK, at least 13 tests",
                  "message": "suite passes with both sides' tests" if ok else "test suite fails"}))
sys.exit(0 if ok else 1)
