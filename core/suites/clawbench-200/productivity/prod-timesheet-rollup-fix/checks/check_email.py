"""Cross-file: the finance email's table and totals are exactly the invoice summary JSON."""
import json
import re
import sys

PATH = "out/email-to-finance-2024-09.md"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    inv = json.load(open("out/invoice-summary-2024-09.json", encoding="utf-8"))
    text = open(PATH, encoding="utf-8").read()
except FileNotFoundError as e:
    verdict(False, "missing", e.filename, f"{e.filename} does not exist")
except json.JSONDecodeError as e:
    verdict(False, "invalid JSON", "JSON", str(e))
if not re.search(r"^To: finance@northlight\.example\s*$", text, re.M) or not re.search(r"^Subject: Contractor hours for September 2024 - please invoice\s*$", text, re.M):
    verdict(False, text.splitlines()[:2], ["To: finance@northlight.example", "Subject: Contractor hours for September 2024 - please invoice"], "header lines differ")
rows = []
for ln in text.splitlines():
    cells = [c.strip() for c in ln.strip().strip("|").split("|")]
    if ln.strip().startswith("|") and len(cells) == 3 and cells[0] not in ("Client",) and not cells[0].startswith("-"):
        rows.append(cells)
want = [[cl, f"{v['hours']:.2f}", f"{v['amount']:,.2f}"] for cl, v in (inv.get("clients") or {}).items()]
if rows != want:
    verdict(False, rows, want, "the email table must give the JSON's clients, hours and amounts in its order and format")
lines = {"Total billable hours": f"{inv.get('total_hours', 0):.2f}", "Total to invoice": f"£{inv.get('total_amount', 0):,.2f}"}
for label, value in lines.items():
    if not re.search(rf"^{label}: {re.escape(value)}\s*$", text, re.M):
        m = re.search(rf"^{label}: .*$", text, re.M)
        verdict(False, m.group(0) if m else None, f"{label}: {value}", f"'{label}' line does not match the JSON")
verdict(True, len(rows), len(want), "email agrees with the invoice summary")
