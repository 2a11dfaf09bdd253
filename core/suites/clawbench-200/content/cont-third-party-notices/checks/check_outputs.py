"""Mode files: THIRD_PARTY_NOTICES.md and licenses/copyleft-review.csv equal the policy's expected output.
Mode regen: running tools/gen_notices.py on a copy of the workspace reproduces the committed files."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHK = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
MODE = sys.argv[1]
FILES = {"THIRD_PARTY_NOTICES.md": "expected_notices.md", "licenses/copyleft-review.csv": "expected_review.csv"}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def norm(text):
    return [ln.rstrip() for ln in text.replace("\r\n", "\n").strip().split("\n")]


def read(path):
    try:
        return open(path, encoding="utf-8").read()
    except FileNotFoundError:
        return None


if MODE == "files":
    for path, ref in FILES.items():
        got, want = read(path), open(os.path.join(CHK, ref), encoding="utf-8").read()
        if got is None:
            verdict(False, "missing", path, f"{path} does not exist")
        g, w = norm(got), norm(want)
        if g != w:
            diff = next(((a, b) for a, b in zip(g, w) if a != b), (g[len(w):] or None, w[len(g):] or None))
            verdict(False, diff[0], diff[1], f"{path} differs from the policy's expected output")
    verdict(True, sorted(FILES), sorted(FILES), "notices and copyleft review are right")

tmp = tempfile.mkdtemp()
try:
    dst = os.path.join(tmp, "ws")
    shutil.copytree(".", dst)
    for path in FILES:
        if os.path.exists(os.path.join(dst, path)):
            os.remove(os.path.join(dst, path))
    r = subprocess.run([sys.executable, "tools/gen_notices.py"], cwd=dst, capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        verdict(False, (r.stderr or r.stdout)[-300:], "exit 0", "tools/gen_notices.py fails")
    for path in FILES:
        regen, committed = read(os.path.join(dst, path)), read(path)
        if regen is None or committed is None or norm(regen) != norm(committed):
            verdict(False, f"{path} differs from the script's output", "identical", "CI would fail: the committed file is not what the script generates")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
verdict(True, "identical", "identical", "the script regenerates the committed files")
