"""tools/abc.py follows the procedure on other data: currency-formatted costs, an inactive
SKU with a huge value, a SKU without usage."""
import json, os, subprocess, sys, tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(CHECKS, "expected.json")))["hidden"]
out = os.path.join(tempfile.mkdtemp(), "abc.csv")
p = subprocess.run(["python3", "tools/abc.py", "--master", os.path.join(CHECKS, "hidden_master.csv"),
                    "--usage", os.path.join(CHECKS, "hidden_usage.csv"), "--config", "config/cycle-count.yaml", "--out", out],
                   capture_output=True, text=True, timeout=60)
if p.returncode != 0:
    verdict(False, (p.stderr.strip().splitlines() or ["?"])[-1], "exit 0", "tools/abc.py fails on other master data")
got = open(out, encoding="utf-8").read().replace("\r\n", "\n")
if got.strip().splitlines() != want.strip().splitlines():
    verdict(False, got.strip().splitlines(), want.strip().splitlines(), "tools/abc.py classifies other data wrongly")
verdict(True, "ok", "ok", "the script parses currency costs and skips inactive SKUs")
