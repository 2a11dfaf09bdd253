"""docs/flags.md: split_payments left the Active table and is in the Retired table with 2024-07-16;
the other rows are unchanged."""
import json
import re
import sys

text = open("docs/flags.md", encoding="utf-8").read() if __import__("os").path.exists("docs/flags.md") else ""


def rows(section):
    m = re.search(rf"^## {section}\s*\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    if not m:
        return None
    out = []
    for line in m.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.strip().startswith("|") and not set(line.strip()) <= set("|-: ") and cells[0] != "flag":
            out.append(cells)
    return out


active, retired = rows("Active flags"), rows("Retired flags")
problems = []
if active is None or retired is None:
    problems.append("Active/Retired sections missing")
else:
    want_active = [["`split_payments_tips`", "tips on split payments (card tender)", "irina", "50%", "2024-06-17"],
                   ["`receipt_qr`", "QR code to the digital receipt", "moritz", "100%", "2024-03-11"]]
    if active != want_active:
        problems.append({"active": active})
    names = [r[0] for r in retired]
    if names[:1] != ["`new_tax_engine`"] or "`split_payments`" not in names:
        problems.append({"retired": names})
    else:
        row = retired[names.index("`split_payments`")]
        if len(row) < 3 or row[1] != "2024-07-16" or not row[2]:
            problems.append({"retired row": row})
ok = not problems
print(json.dumps({"passed": ok, "observed": problems, "expected": [], "message": "docs updated" if ok else "docs/flags.md tables not as required"}))
sys.exit(0 if ok else 1)
