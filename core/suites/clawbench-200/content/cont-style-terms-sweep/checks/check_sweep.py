"""Both guides are swept: no avoided term is left in prose (case-insensitive, derived words
included), while every fenced code block, inline code span and link target is byte-for-byte
what it was."""
import json
import os
import re
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
AVOID = ["whitelist", "blacklist", "e-mail", "click on", "master branch", "sanity check"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def protected(text):
    return (re.findall(r"```[\s\S]*?```", text)
            + re.findall(r"`[^`\n]*`", re.sub(r"```[\s\S]*?```", "", text))
            + re.findall(r"\]\(([^)]*)\)", text))


def prose(text):
    return re.sub(r"```[\s\S]*?```|`[^`\n]*`|\]\([^)]*\)", " ", text)


original = json.load(open(os.path.join(CHECKS, "protected.json")))
for path, spans in original.items():
    if not os.path.isfile(path):
        verdict(False, "missing", path, f"{path} is gone")
    text = open(path, encoding="utf-8").read()
    got = protected(text)
    if got != spans:
        changed = [s for s in spans if s not in got][:3]
        verdict(False, {path: changed or got[:3]}, "code and link targets unchanged",
                f"{path}: code blocks, inline code or link targets were changed, added or removed")
    left = [m.group(0) for m in re.finditer("|".join(r"\b" + re.escape(a) for a in AVOID), re.sub(r"\s+", " ", prose(text)), re.I)]
    if left:
        verdict(False, {path: left}, "no avoided term in prose", f"{path} still uses avoided terms in prose")
verdict(True, "swept", "swept", "prose swept, code and link targets intact")
