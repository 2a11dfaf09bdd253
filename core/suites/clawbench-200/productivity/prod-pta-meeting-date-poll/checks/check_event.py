"""The event record has the winning date, quoted start/end, status confirmed, and nothing else changed."""
import json, os, sys
import yaml

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected_event.json")))
try:
    got = yaml.safe_load(open("events/autumn-fair-planning.yaml", encoding="utf-8"))
except Exception as e:
    verdict(False, "unparsable", "valid YAML", str(e))
if not isinstance(got, dict):
    verdict(False, type(got).__name__, "mapping", "not a mapping")
for k in ("start", "end"):
    if not isinstance(got.get(k), str):
        verdict(False, {k: got.get(k)}, {k: exp[k]}, f"{k} does not load as a HH:MM string (unquoted 19:00 is a number in YAML 1.1)")
obs = {k: str(v) for k, v in got.items()}
diff = {k: obs.get(k) for k in set(obs) | set(exp) if obs.get(k) != exp.get(k)}
verdict(not diff, diff, {k: exp.get(k) for k in diff}, "event record" + (" differs" if diff else " updated"))
