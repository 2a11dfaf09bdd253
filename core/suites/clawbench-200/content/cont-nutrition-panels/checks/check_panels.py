"""Mode file: labels/panels.json equals the rules' panels. Mode regen: the repaired tool regenerates them.
Mode catalogue: every Per serving line in catalogue/products.md repeats the panel."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHK = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHK, "expected.json"), encoding="utf-8"))
MODE = sys.argv[1]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def compare(doc, where):
    if not isinstance(doc, dict) or doc.get("generated") != EXP["generated"]:
        verdict(False, None if not isinstance(doc, dict) else doc.get("generated"), EXP["generated"], f"{where}: generated must be {EXP['generated']}")
    got = doc.get("products") or {}
    if sorted(got) != sorted(EXP["products"]):
        verdict(False, sorted(got), sorted(EXP["products"]), f"{where}: wrong set of products")
    for sku, want in EXP["products"].items():
        g = got[sku]
        for key in ("name", "serving_size", "servings_per_container", "calories"):
            if g.get(key) != want[key]:
                verdict(False, {sku: {key: g.get(key)}}, {sku: {key: want[key]}}, f"{where}: {sku} {key} wrong")
        if g.get("nutrients") != want["nutrients"]:
            bad = {n: (g.get("nutrients") or {}).get(n) for n in want["nutrients"] if (g.get("nutrients") or {}).get(n) != want["nutrients"][n]}
            verdict(False, {sku: bad}, {sku: {n: want["nutrients"][n] for n in bad}}, f"{where}: {sku} nutrients wrong")


if MODE == "file":
    try:
        doc = json.load(open("labels/panels.json", encoding="utf-8"))
    except (OSError, ValueError) as e:
        verdict(False, "unreadable", "valid JSON", f"labels/panels.json: {e}")
    compare(doc, "labels/panels.json")
    verdict(True, "4 panels", "4 panels", "panels match the rules")

if MODE == "regen":
    tmp = tempfile.mkdtemp()
    try:
        dst = os.path.join(tmp, "ws")
        shutil.copytree(".", dst)
        os.remove(os.path.join(dst, "labels", "panels.json")) if os.path.exists(os.path.join(dst, "labels", "panels.json")) else None
        r = subprocess.run([sys.executable, "tools/build_labels.py", "--date", "2024-10-14"], cwd=dst, capture_output=True, text=True, timeout=60)
        if r.returncode != 0:
            verdict(False, (r.stderr or r.stdout)[-300:], "exit 0", "tools/build_labels.py still fails")
        try:
            doc = json.load(open(os.path.join(dst, "labels", "panels.json"), encoding="utf-8"))
        except (OSError, ValueError) as e:
            verdict(False, "no output", "labels/panels.json", f"the tool wrote no readable panels: {e}")
        compare(doc, "tool output")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    verdict(True, "tool output matches", "tool output matches", "the repaired tool produces the right panels")

text = open("catalogue/products.md", encoding="utf-8").read()
if not re.search(r"^Nutrition lines last synced with the panels: 2024-10-14\s*$", text, re.M):
    verdict(False, "stale stamp", "2024-10-14", "the catalogue's sync line must read 2024-10-14")
for sku, p in EXP["products"].items():
    n = p["nutrients"]
    want = (f"Per serving ({p['serving_size']}): {p['calories']} kcal | {n['protein_g']['amount']} protein | "
            f"{n['fibre_g']['amount']} fibre | {n['added_sugars_g']['amount']} added sugars")
    m = re.search(r"^## [^\n]*\(" + re.escape(sku) + r"\)[ \t]*\n(?:(?!## )[^\n]*\n)*?(Per serving[^\n]*)", text, re.M)
    if not m or m.group(1).strip() != want:
        verdict(False, m.group(1).strip() if m else None, want, f"{sku}: catalogue line does not repeat the panel")
verdict(True, "4 lines", "4 lines", "catalogue lines match the panels")
