"""backups/ after the prune run of 2024-06-18.

Usage: check_prune.py kept|log|wal
"""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(CHECKS, "expected_prune.json")))
mode = sys.argv[1]
if mode == "kept":
    got = sorted(os.listdir("backups/db")) if os.path.isdir("backups/db") else []
    if got != exp["kept"]:
        verdict(False, {"wrongly_kept": sorted(set(got) - set(exp["kept"]))[:10], "kept": len(got)},
                {"wrongly_deleted": sorted(set(exp["kept"]) - set(got)), "kept": len(exp["kept"])},
                "backups/db must hold exactly the dumps the policy keeps")
    verdict(True, f"{len(got)} kept", f"{len(exp['kept'])} kept", "retention applied")
elif mode == "log":
    path = "backups/prune-2024-06-18.log"
    if not os.path.isfile(path):
        verdict(False, "missing", path, "the prune log was not written")
    lines = [l.rstrip() for l in open(path, encoding="utf-8").read().splitlines() if l.strip()]
    want = [f"deleted {n}" for n in exp["deleted"]] + [f"kept {len(exp['kept'])}, deleted {len(exp['deleted'])}"]
    if lines[:-1] != want[:-1]:
        got_del = [l for l in lines if l.startswith("deleted ")]
        verdict(False, {"lines": len(got_del), "extra": sorted(set(got_del) - set(want))[:5], "sorted": got_del == sorted(got_del)},
                {"lines": len(want) - 1, "missing": sorted(set(want[:-1]) - set(got_del))[:5]},
                "one 'deleted <file>' line per deleted file, sorted by name")
    if lines[-1:] != want[-1:]:
        verdict(False, lines[-1:], want[-1:], "wrong last line")
    verdict(True, f"{len(lines)} lines", f"{len(want)} lines", "log matches")
elif mode == "wal":
    got = sorted(os.listdir("backups/wal")) if os.path.isdir("backups/wal") else []
    want = [f"00000001000000A4000000{i + 0x40:02X}.meta" for i in range(6)]
    verdict(got == want, got, want, "backups/wal is out of scope and must stay untouched")
verdict(False, mode, "kept|log|wal", "bad argument")
