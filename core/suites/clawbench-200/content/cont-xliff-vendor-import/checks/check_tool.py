"""The repaired tools/import_vendor.py handles a fresh BOM/semicolon delivery and enforces every README rule."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

Q = "{urn:oasis:names:tc:xliff:document:1.2}"
CHK = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXPECT = {"a.one": ("", "needs-translation"), "a.two": ("%d cartes", "translated"), "a.three": ("", "needs-translation"),
          "a.four": ("Fermer", "final"), "a.five": ("Il reste %s", "translated")}
EXPECT_REPORT = [["id", "reason"], ["a.four", "locked"], ["a.one", "placeholder_mismatch"], ["a.three", "placeholder_mismatch"]]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


ws = os.getcwd()
tool = os.path.join(ws, "tools", "import_vendor.py")
ini = os.path.join(ws, "tools", "import.ini")
if not os.path.isfile(tool) or not os.path.isfile(ini):
    verdict(False, "missing", "tools/import_vendor.py and tools/import.ini", "the import tool or its config is gone")
tmp = tempfile.mkdtemp()
try:
    os.makedirs(os.path.join(tmp, "tools"))
    os.makedirs(os.path.join(tmp, "l10n"))
    shutil.copy(tool, os.path.join(tmp, "tools", "import_vendor.py"))
    shutil.copy(ini, os.path.join(tmp, "tools", "import.ini"))
    shutil.copy(os.path.join(CHK, "fixture", "app.fr.xlf"), os.path.join(tmp, "l10n", "app.de.xlf"))
    shutil.copy(os.path.join(CHK, "fixture", "delivery.csv"), os.path.join(tmp, "delivery.csv"))
    r = subprocess.run([sys.executable, "tools/import_vendor.py", "delivery.csv", "--month", "2099-01"], cwd=tmp,
                       capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        verdict(False, (r.stderr or r.stdout)[-400:], "exit 0", "the import tool fails on a fresh delivery")
    units = {u.get("id"): u for u in ET.parse(os.path.join(tmp, "l10n", "app.de.xlf")).getroot().iter(Q + "trans-unit")}
    got = {k: ((u.find(Q + "target").text or ""), u.find(Q + "target").get("state")) for k, u in units.items()}
    if got != EXPECT:
        verdict(False, got, EXPECT, "the tool mis-applies the README rules (printf/positional placeholders, locks)")
    import csv
    rep = [row for row in csv.reader(open(os.path.join(tmp, "l10n", "import-report-2099-01.csv"), encoding="utf-8")) if row]
    if rep != EXPECT_REPORT:
        verdict(False, rep, EXPECT_REPORT, "the tool's rejects report is wrong")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
verdict(True, "tool OK", "tool OK", "the repaired tool imports a fresh delivery by the README rules")
