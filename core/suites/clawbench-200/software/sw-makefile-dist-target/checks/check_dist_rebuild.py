"""In a scratch copy with another version in pyproject.toml, a new module, a stray
__pycache__ and a non-.py file in the package, `make dist` builds dist/gtfs_tidy-<new
version>.zip with exactly the .py files plus LICENSE; and with a lint problem planted,
`make dist` fails without producing an archive."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1", "HOME": "/tmp"}


def verdict(ok, observed, expected, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if ok else 1)


def fresh_copy(tmp, name):
    root = os.path.join(tmp, name)
    shutil.copytree(os.getcwd(), root, ignore=shutil.ignore_patterns("dist", "build"))
    pp = os.path.join(root, "pyproject.toml")
    text = open(pp).read()
    open(pp, "w").write(re.sub(r'(?m)^version = "[^"]+"', 'version = "9.9.9"', text))
    pkg = os.path.join(root, "src", "gtfs_tidy")
    os.makedirs(os.path.join(pkg, "__pycache__"), exist_ok=True)
    open(os.path.join(pkg, "__pycache__", "validate.cpython-311.pyc"), "wb").write(b"\x00junk")
    open(os.path.join(pkg, "stop_register_notes.txt"), "w").write("export from the stop register, 2024-06\n")
    open(os.path.join(pkg, "holidays.py"), "w").write('"""Public holidays (service WD does not run)."""\n\nHOLIDAYS = ["2024-08-01"]\n')
    return root


tmp = tempfile.mkdtemp()
try:
    root = fresh_copy(tmp, "ok")
    p = subprocess.run(["make", "dist"], cwd=root, capture_output=True, text=True, timeout=180, env=ENV)
    if p.returncode != 0:
        verdict(False, (p.stdout + p.stderr).strip()[-300:], "make dist exits 0", "make dist fails on a clean tree")
    zpath = os.path.join(root, "dist", "gtfs_tidy-9.9.9.zip")
    if not os.path.exists(zpath):
        found = os.listdir(os.path.join(root, "dist")) if os.path.isdir(os.path.join(root, "dist")) else []
        verdict(False, found, "dist/gtfs_tidy-9.9.9.zip", "the archive name does not follow pyproject's version")
    want = ["LICENSE", "gtfs_tidy/__init__.py", "gtfs_tidy/holidays.py", "gtfs_tidy/pack.py", "gtfs_tidy/validate.py"]
    with zipfile.ZipFile(zpath) as zf:
        got = sorted(n for n in zf.namelist() if not n.endswith("/"))
    if got != want:
        verdict(False, got, want, "the archive must hold every package .py file and LICENSE, nothing else")

    root = fresh_copy(tmp, "dirty")
    with open(os.path.join(root, "src", "gtfs_tidy", "pack.py"), "a") as fh:
        fh.write("x = 1   \n")
    p = subprocess.run(["make", "dist"], cwd=root, capture_output=True, text=True, timeout=180, env=ENV)
    built = os.path.exists(os.path.join(root, "dist", "gtfs_tidy-9.9.9.zip"))
    if p.returncode == 0 or built:
        verdict(False, {"exit": p.returncode, "archive_built": built}, "make dist fails, no archive",
                "make dist does not run lint first (a lint problem still produced an archive)")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
verdict(True, want, want, "make dist follows GT-88")
