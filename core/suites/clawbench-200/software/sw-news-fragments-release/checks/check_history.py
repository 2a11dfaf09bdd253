"""The changelog's preamble and every section from 2.3.1 down are byte-for-byte unchanged."""
import hashlib
import json
import re
import sys

PRE = "bdca8b702734c0fc87d5e29a8600808714fca8a2b5246cbfac6e02412a79377d"
HIST = "e14d136dab258f60b23492b79d90b4319f995dbdd6b85b3ca71b0d25c5496d8c"


def verdict(passed, message):
    print(json.dumps({"passed": passed, "observed": message, "expected": "unchanged", "message": message}))
    sys.exit(0 if passed else 1)


try:
    text = open("CHANGELOG.md", encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "CHANGELOG.md missing")
first = re.search(r"^## ", text, re.M)
i = text.find("## [2.3.1]")
if not first or i < 0:
    verdict(False, "sections missing")
if hashlib.sha256(text[:first.start()].encode()).hexdigest() != PRE:
    verdict(False, "the preamble above the first section was changed")
if hashlib.sha256((text[i:].rstrip("\n") + "\n").encode()).hexdigest() != HIST:
    verdict(False, "the 2.3.1 or an older section was changed")
verdict(True, "preamble and earlier releases unchanged")
