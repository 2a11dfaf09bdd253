import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def load_feed(path="ads/out/postings.json"):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        verdict(False, "missing", path, "the postings feed was not written")
    except json.JSONDecodeError as e:
        verdict(False, "invalid JSON", path, str(e))
