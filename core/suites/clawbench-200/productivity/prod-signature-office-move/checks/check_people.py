"""Every remaining person file parses and has its new direct line; nothing else changed; the leaver is gone."""
import glob, json, os, sys
import yaml

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected.json")))["people"]
files = sorted(os.path.splitext(os.path.basename(p))[0] for p in glob.glob("signatures/people/*.yaml"))
if files != sorted(exp):
    verdict(False, files, sorted(exp), "wrong set of people files")
for stem, want in exp.items():
    try:
        got = yaml.safe_load(open(f"signatures/people/{stem}.yaml", encoding="utf-8"))
    except Exception as e:
        verdict(False, stem, "valid YAML", f"{stem}.yaml does not parse: {e}")
    if got != want:
        verdict(False, {stem: got}, {stem: want}, f"{stem}.yaml differs")
verdict(True, f"{len(files)} people", f"{len(exp)} people", "all person files right")
