"""The fixed mileage_claim.py, run via --config on an unseen log (decimal commas, padded numbers, empty rows, capitalised type), produces the expected claim."""
import json, os, shutil, subprocess, sys, tempfile

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

base = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
d = tempfile.mkdtemp()
shutil.copy(os.path.join(base, "fixture_trips.csv"), os.path.join(d, "trips.csv"))
cfg = open(os.path.join(base, "fixture_claim.toml"), encoding="utf-8").read().replace("FIXDIR", d)
open(os.path.join(d, "claim.toml"), "w", encoding="utf-8").write(cfg)
if not os.path.isfile("scripts/mileage_claim.py"):
    verdict(False, "missing", "scripts/mileage_claim.py", "script missing")
r = subprocess.run([sys.executable, "scripts/mileage_claim.py", "--config", os.path.join(d, "claim.toml")],
                   capture_output=True, text=True, timeout=30)
if r.returncode != 0:
    verdict(False, (r.stderr or r.stdout).strip().splitlines()[-1:] , "exit 0", "script fails on the fixture log")
out = os.path.join(d, "claim.csv")
if not os.path.isfile(out):
    verdict(False, "no output", "claim.csv", "script wrote no claim file")
got = [l.strip() for l in open(out, encoding="utf-8").read().strip().splitlines()]
want = [l.strip() for l in open(os.path.join(base, "fixture_expected.csv"), encoding="utf-8").read().strip().splitlines()]
verdict(got == want, got, want, "fixture claim" + (" matches" if got == want else " differs"))
