"""dist/gtfs_tidy-1.4.0.zip holds exactly the package's .py files under gtfs_tidy/ plus LICENSE."""
import json
import sys
import zipfile

WANT = ["LICENSE", "gtfs_tidy/__init__.py", "gtfs_tidy/pack.py", "gtfs_tidy/validate.py"]
try:
    with zipfile.ZipFile("dist/gtfs_tidy-1.4.0.zip") as zf:
        got = sorted(n for n in zf.namelist() if not n.endswith("/"))
        bad = zf.testzip()
except (FileNotFoundError, zipfile.BadZipFile) as e:
    got, bad = str(e)[:120], None
ok = got == WANT and bad is None
print(json.dumps({"passed": ok, "observed": got, "expected": WANT,
                  "message": "archive contents as specified" if ok else "dist archive missing or with the wrong members"}))
sys.exit(0 if ok else 1)
