"""Mode files: emails/out/promo.<locale>.md equal the locale rules' rendering. Mode regen: the repaired
renderer, run on a copy of the workspace, reproduces the committed emails."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHK = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
LOCALES = ["en-GB", "de-DE", "fr-FR", "nl-NL"]
MODE = sys.argv[1]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def lines(text):
    return [ln.rstrip() for ln in text.replace("\r\n", "\n").strip().split("\n")]


def read(path):
    try:
        return open(path, encoding="utf-8").read()
    except FileNotFoundError:
        return None


if MODE == "files":
    for loc in LOCALES:
        path = f"emails/out/promo.{loc}.md"
        got = read(path)
        if got is None:
            verdict(False, "missing", path, f"{path} does not exist")
        want = open(os.path.join(CHK, "expected", f"promo.{loc}.md"), encoding="utf-8").read()
        g, w = lines(got), lines(want)
        if g != w:
            diff = next(((a, b) for a, b in zip(g, w) if a != b), (g[len(w):] or None, w[len(g):] or None))
            verdict(False, ascii(diff[0]), ascii(diff[1]), f"{path} differs from the locale rules")
    verdict(True, LOCALES, LOCALES, "all four emails are right")

tmp = tempfile.mkdtemp()
try:
    dst = os.path.join(tmp, "ws")
    shutil.copytree(".", dst)
    shutil.rmtree(os.path.join(dst, "emails", "out"), ignore_errors=True)
    for loc in LOCALES:
        r = subprocess.run([sys.executable, "tools/render_promo.py", loc], cwd=dst, capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            verdict(False, (r.stderr or r.stdout)[-300:], "exit 0", f"the renderer fails for {loc}")
        regen, committed = read(os.path.join(dst, "emails", "out", f"promo.{loc}.md")), read(f"emails/out/promo.{loc}.md")
        if regen is None or committed is None or lines(regen) != lines(committed):
            verdict(False, f"{loc} differs", "identical", f"the committed {loc} email is not what the renderer produces")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
verdict(True, "identical", "identical", "the renderer reproduces the committed emails")
