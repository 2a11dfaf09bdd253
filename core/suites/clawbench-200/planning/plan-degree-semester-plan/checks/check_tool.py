"""The repaired tools/plan_terms.py follows PLANNING-RULES.md for another student (grades
below C-, a W, a completed elective, a term cap reached exactly, multi-term chains)."""
import json, os, subprocess, sys, tempfile
import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected.json")))["hidden"]
out = os.path.join(tempfile.mkdtemp(), "plan.yaml")
p = subprocess.run(["python3", "tools/plan_terms.py", "--student", os.path.join(CHECKS, "hidden-student"), "--out", out],
                   capture_output=True, text=True, timeout=60)
if p.returncode != 0:
    verdict(False, (p.stderr.strip().splitlines() or ["?"])[-1], "exit 0", "tools/plan_terms.py fails for another student")
got = yaml.safe_load(open(out, encoding="utf-8"))
if got.get("terms") != want["terms"] or got.get("graduation_term") != want["graduation_term"]:
    verdict(False, [(t["term"], t["courses"]) for t in got.get("terms", [])], [(t["term"], t["courses"]) for t in want["terms"]],
            "the tool's plan for another student breaks the rules")
verdict(True, want["graduation_term"], want["graduation_term"], "the tool follows the rules for another student")
