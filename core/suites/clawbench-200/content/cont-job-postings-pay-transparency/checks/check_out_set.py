"""ads/out holds exactly the postings that should be live (plus the feed): the approved
reqs' postings, nothing for the on-hold req, and December's filled reqs removed."""
import json
import os
import sys

sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", "."))
from _common import CHECKS, verdict  # noqa: E402

want = sorted(p["file"] for p in json.load(open(os.path.join(CHECKS, "expected_feed.json")))["postings"])
want.append("postings.json")
want.sort()
if not os.path.isdir("ads/out"):
    verdict(False, "missing", want, "ads/out is gone")
got = sorted(os.listdir("ads/out"))
if got != want:
    verdict(False, {"extra": sorted(set(got) - set(want)), "missing": sorted(set(want) - set(got))}, want,
            "ads/out must hold exactly the live postings and postings.json")
verdict(True, got, want, "exactly the live postings")
