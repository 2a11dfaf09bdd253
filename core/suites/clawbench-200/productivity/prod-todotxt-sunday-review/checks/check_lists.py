"""todo.txt and done.txt hold exactly the expected lines after merge, archive and recurrence."""
import json, os, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
which = sys.argv[1]
path = "todo/" + which + ".txt"
if not os.path.isfile(path):
    verdict(False, "missing", path, path + " does not exist")
got = [l.rstrip() for l in open(path, encoding="utf-8").read().split("\n") if l.strip()]
want = exp[which]
if got == want:
    verdict(True, f"{len(got)} lines", f"{len(want)} lines", path + " matches")
missing = [l for l in want if l not in got]
extra = [l for l in got if l not in want]
if not missing and not extra:
    verdict(False, got, want, path + " has the right lines in the wrong order")
verdict(False, {"unexpected": extra[:5]}, {"missing": missing[:5]}, f"{path}: {len(missing)} expected lines missing, {len(extra)} unexpected")
