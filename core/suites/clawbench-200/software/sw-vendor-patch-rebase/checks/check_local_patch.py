"""The local patches in patches/local/ are rebased: reverse-applying them (newest first) to
vendor/ gives exactly pristine upstream 0.9.2, and applying them again gives vendor/ back."""
import filecmp
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(ok, observed, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": "patches/local reverse to pristine 0.9.2", "message": message}))
    sys.exit(0 if ok else 1)


patches = sorted(glob.glob("patches/local/*.patch"))
if not patches:
    verdict(False, [], "no local patches left in patches/local/")
tmp = tempfile.mkdtemp()
try:
    work = os.path.join(tmp, "vendor")
    shutil.copytree("vendor", work, ignore=shutil.ignore_patterns("__pycache__", "*.orig", "*.rej", "LOCAL_CHANGES.md"))
    for patch in reversed(patches):
        p = subprocess.run(["patch", "-t", "-d", work, "-p1", "-R", "-F0", "--no-backup-if-mismatch", "-i", os.path.abspath(patch)],
                           capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        if p.returncode != 0:
            verdict(False, (p.stdout + p.stderr).strip()[-300:], f"{patch} does not reverse-apply cleanly to vendor/")
    pristine = {"minimark/__init__.py": "pristine_092_init.py", "minimark/CHANGELOG.md": "pristine_092_changelog.md"}
    for rel, ref in pristine.items():
        if not filecmp.cmp(os.path.join(work, rel), os.path.join(CHECKS, ref), shallow=False):
            verdict(False, rel, f"after taking the local patches off, {rel} is not pristine upstream 0.9.2")
    for patch in patches:
        p = subprocess.run(["patch", "-t", "-d", work, "-p1", "-F0", "--no-backup-if-mismatch", "-i", os.path.abspath(patch)],
                           capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        if p.returncode != 0:
            verdict(False, (p.stdout + p.stderr).strip()[-300:], f"{patch} does not apply cleanly to pristine 0.9.2")
    if not filecmp.cmp(os.path.join(work, "minimark/__init__.py"), "vendor/minimark/__init__.py", shallow=False):
        verdict(False, "differs", "pristine 0.9.2 + local patches is not the vendored file")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
verdict(True, [os.path.basename(p) for p in patches], "local patches rebased onto 0.9.2")
