"""build/feed.zip was built by `make feed` and holds the five feed files."""
import json
import sys
import zipfile

WANT = ["agency.txt", "routes.txt", "stop_times.txt", "stops.txt", "trips.txt"]
try:
    with zipfile.ZipFile("build/feed.zip") as zf:
        got = sorted(zf.namelist())
except (FileNotFoundError, zipfile.BadZipFile) as e:
    got = str(e)[:120]
ok = got == WANT
print(json.dumps({"passed": ok, "observed": got, "expected": WANT, "message": "feed packed" if ok else "build/feed.zip missing or wrong"}))
sys.exit(0 if ok else 1)
