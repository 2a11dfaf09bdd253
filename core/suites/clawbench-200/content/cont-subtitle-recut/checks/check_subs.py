"""Subtitle re-time checks. Mode (argv[1]):
  en | es   - subs/TL-012.<lang>.srt is exactly the re-timed file: same cues, numbered from 1,
              same start/end times and text lines
  qc        - qc/TL-012-v4-qc.csv has exactly the expected issues, in order
  manifest  - subs/manifest.yaml parses and holds the v4 values, everything else unchanged
"""
import csv
import datetime
import json
import os
import re
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def parse_srt(text):
    blocks = [b for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip()) if b.strip()]
    cues = []
    for b in blocks:
        lines = [l.rstrip() for l in b.split("\n")]
        cues.append(lines)
    return cues


mode = sys.argv[1] if len(sys.argv) > 1 else "en"
if mode in ("en", "es"):
    path = f"subs/TL-012.{mode}.srt"
    want = parse_srt(open(os.path.join(CHECKS, f"expected_{mode}.srt"), encoding="utf-8").read())
    if not os.path.isfile(path):
        verdict(False, "missing", path, f"{path} is gone")
    got = parse_srt(open(path, encoding="utf-8").read())
    if len(got) != len(want):
        verdict(False, f"{len(got)} cues", f"{len(want)} cues", f"{path}: wrong number of cues after the re-time")
    for g, w in zip(got, want):
        if g != w:
            verdict(False, g, w, f"{path}: cue {w[0]} differs (numbering, times or text)")
    verdict(True, f"{len(got)} cues", f"{len(want)} cues", f"{path} re-timed correctly")

if mode == "qc":
    want = json.load(open(os.path.join(CHECKS, "expected_qc.json")))
    path = "qc/TL-012-v4-qc.csv"
    if not os.path.isfile(path):
        verdict(False, "missing", path, f"{path} does not exist")
    rows = [[c.strip() for c in r] for r in csv.reader(open(path, newline="", encoding="utf-8")) if r]
    if not rows or rows[0] != ["language", "cue", "issue", "value"]:
        verdict(False, rows[0] if rows else [], ["language", "cue", "issue", "value"], "wrong header")
    got = rows[1:]
    norm = lambda r: [r[0], int(r[1]), r[2], float(r[3])]
    try:
        g2, w2 = [norm(r) for r in got], [norm(r) for r in want]
    except (ValueError, IndexError):
        verdict(False, got[:5], want[:5], "malformed rows")
    if g2 != w2:
        extra = [r for r in g2 if r not in w2][:4]
        missing = [r for r in w2 if r not in g2][:4]
        verdict(False, {"extra": extra, "count": len(g2)}, {"missing": missing, "count": len(w2)},
                "QC issues differ (run on the re-timed v4 files, new numbering, sorted)")
    verdict(True, f"{len(g2)} issues", f"{len(w2)} issues", "QC report matches")

if mode == "manifest":
    want = json.load(open(os.path.join(CHECKS, "expected_manifest.json")))
    try:
        got = yaml.safe_load(open("subs/manifest.yaml", encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        verdict(False, "unparsable", "valid YAML", str(e).splitlines()[0])
    got = json.loads(json.dumps(got, default=lambda o: o.isoformat() if isinstance(o, (datetime.date, datetime.datetime)) else str(o)))
    if got != want:
        keys = sorted(set(got or {}) | set(want))
        diff = {k: (got or {}).get(k) for k in keys if (got or {}).get(k) != want.get(k)}
        verdict(False, diff, {k: want.get(k) for k in diff}, "manifest values differ")
    verdict(True, "v4", "v4", "manifest updated")
verdict(False, mode, "en|es|qc|manifest", "unknown mode")
