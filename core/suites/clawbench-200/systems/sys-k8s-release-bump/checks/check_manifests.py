"""Prod manifests after REL-88, compared document by document (multi-document YAML).

Usage: check_manifests.py payments|ledger|notifier|comments
"""
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def first_diff(a, b, path=""):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                return f"{path}/{k}", a.get(k), b.get(k)
            d = first_diff(a[k], b[k], f"{path}/{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return path, f"{len(a)} items", f"{len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_diff(x, y, f"{path}/{i}")
            if d:
                return d
        return None
    return None if a == b else (path, a, b)


mode = sys.argv[1]
if mode in ("payments", "ledger"):
    want = json.load(open(os.path.join(CHECKS, "expected_manifests.json")))[mode]
    path = f"deploy/prod/{mode}.yaml"
    try:
        got = [d for d in yaml.safe_load_all(open(path, encoding="utf-8")) if d is not None]
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")
    except yaml.YAMLError as e:
        verdict(False, "invalid YAML", "valid multi-document YAML", str(e).splitlines()[0])
    if len(got) != len(want):
        verdict(False, f"{len(got)} documents", f"{len(want)} documents", f"{path}: documents were added or lost")
    for i, (g, e) in enumerate(zip(got, want)):
        d = first_diff(g, e)
        if d:
            verdict(False, {f"doc {i}{d[0]}": d[1]}, {f"doc {i}{d[0]}": d[2]}, f"{path} document {i} ({e.get('kind')}) differs")
    verdict(True, f"{len(got)} documents", f"{len(want)} documents", f"{path} is exactly as expected")
elif mode == "notifier":
    same = os.path.isfile("deploy/prod/notifier.yaml") and open("deploy/prod/notifier.yaml", "rb").read() == open(os.path.join(CHECKS, "orig_notifier.yaml"), "rb").read()
    verdict(same, "changed" if not same else "unchanged", "unchanged", "notifier is not part of REL-88")
elif mode == "comments":
    want = {
        "deploy/prod/payments.yaml": ["# PCI scope: do not change securityContext or the pci label without a security review (SEC-40).",
                                      "        # sidecar: version owned by the platform team (platform release train), not by app releases"],
        "deploy/prod/ledger.yaml": ["        # schema migrations run from the same image before the app starts",
                                    "# nightly reconciliation against the bank statements"],
    }
    for path, lines in want.items():
        text = open(path, encoding="utf-8").read().splitlines() if os.path.isfile(path) else []
        missing = [l for l in lines if l not in text]
        if missing:
            verdict(False, "missing", missing, f"{path}: comments were lost (was the file re-serialised?)")
    verdict(True, "kept", "kept", "comments kept")
verdict(False, mode, "payments|ledger|notifier|comments", "bad argument")
