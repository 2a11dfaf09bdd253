"""thesis/references.md lists exactly the cited works, formatted and ordered by the school's APA rules."""
import json
import os
import sys

PATH = "thesis/references.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


expected = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_refs.json"), encoding="utf-8"))
try:
    text = open(PATH, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} does not exist")
paras = [" ".join(ln.strip() for ln in p.strip().splitlines()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
if not paras or paras[0] != "# References":
    verdict(False, paras[:1], ["# References"], "the file must start with the heading # References")
got = paras[1:]
if len(got) != len(expected):
    verdict(False, f"{len(got)} references", f"{len(expected)} references", "wrong number of references (only cited works, each once)")
for i, (g, e) in enumerate(zip(got, expected), start=1):
    if g != e:
        verdict(False, g, e, f"reference {i} differs (format or order)")
verdict(True, f"{len(got)} references", f"{len(expected)} references", "reference list matches")
