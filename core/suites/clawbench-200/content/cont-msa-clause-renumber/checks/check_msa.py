"""Checks on the Acme MSA v5. Mode (argv[1]):
  v4        - the sent v4 draft is byte-for-byte unchanged
  structure - v5 headings are clauses 1..14 with the expected titles, every sub-clause label
              belongs to its clause, and the non-solicitation clause is gone
  refs      - every clause cross-reference in v5, in document order, is the expected one
  exact     - v5 is v4 with exactly counsel's changes (compared with whitespace collapsed)
"""
import hashlib
import json
import os
import re
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
V5 = "contracts/acme-msa-v5.md"
REF = re.compile(r"\b(Clauses?) (\d+(?:\.\d+)?(?:(?:, | and )\d+(?:\.\d+)?)*)")


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


mode = sys.argv[1] if len(sys.argv) > 1 else "structure"
if mode == "v4":
    want = open(os.path.join(CHECKS, "v4.sha256")).read().strip()
    try:
        got = hashlib.sha256(open("contracts/acme-msa-v4.md", "rb").read()).hexdigest()
    except OSError:
        verdict(False, "missing", "unchanged v4", "the sent v4 draft was deleted")
    verdict(got == want, got[:12], want[:12], "v4 unchanged" if got == want else "the sent v4 draft was modified")

if not os.path.isfile(V5):
    verdict(False, "missing", V5, f"{V5} does not exist")
text = open(V5, encoding="utf-8").read()

if mode == "structure":
    want = [list(h) for h in json.load(open(os.path.join(CHECKS, "expected_headings.json")))]
    heads = [list(h) for h in re.findall(r"(?m)^## (\d+)\. (.+?)\s*$", text)]
    if heads != want:
        verdict(False, heads, want, "clause headings must run 1-14 with the remaining clauses in order")
    blocks = re.split(r"(?m)^(?=## )", text)
    for b in blocks:
        m = re.match(r"## (\d+)\. ", b)
        if not m:
            continue
        labels = re.findall(r"(?m)^\*\*(\d+)\.(\d+)\*\*", b)
        if any(c != m.group(1) for c, _ in labels):
            verdict(False, [f"{c}.{s}" for c, s in labels], f"{m.group(1)}.x", f"clause {m.group(1)} has sub-clauses labelled for another clause")
        if [int(s) for _, s in labels] != list(range(1, len(labels) + 1)):
            verdict(False, [f"{c}.{s}" for c, s in labels], "consecutive from .1", f"clause {m.group(1)} sub-clauses are not numbered consecutively")
    if re.search(r"(?i)non-solicitation|solicit for employment", text):
        verdict(False, "non-solicitation text present", "deleted", "clause 8 must be deleted in its entirety")
    verdict(True, len(heads), len(want), "numbering continuous")

if mode == "refs":
    want = json.load(open(os.path.join(CHECKS, "expected_refs.json")))
    got = [m.group(0) for m in REF.finditer(text)]
    if got != want:
        for i, (g, w) in enumerate(zip(got + [None] * len(want), want + [None] * len(got))):
            if g != w:
                verdict(False, {"#": i + 1, "found": g}, {"#": i + 1, "expected": w}, "cross-reference differs (renumbered, deleted clause dropped from lists)")
    verdict(True, f"{len(got)} references", f"{len(want)} references", "all cross-references updated")

if mode == "exact":
    want = open(os.path.join(CHECKS, "expected_v5.md"), encoding="utf-8").read()
    norm = lambda s: re.sub(r"\s+", " ", s).strip()
    if norm(text) != norm(want):
        a, b = norm(text), norm(want)
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        verdict(False, a[max(0, i - 60):i + 60], b[max(0, i - 60):i + 60], "v5 differs from v4 + counsel's changes around here")
    verdict(True, "matches", "matches", "v5 is exactly v4 with counsel's changes")
verdict(False, mode, "v4|structure|refs|exact", "unknown mode")
