"""ledgerkit.common has the four functions in the ticket's modules; the reports define no
helper copies of their own and import the shared ones; vat keeps parse_amount/format_eur as
the very same objects."""
import ast
import json
import os
import re
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, CHECKS)
from _common import verdict  # noqa: E402

ALLOWED = {"aging.py": {"bucket", "run"}, "vat.py": {"run"}, "payouts.py": {"run"}}
for mod, fn in [("money.py", "parse_amount"), ("money.py", "format_amount"), ("text.py", "slugify"), ("dates.py", "parse_date")]:
    path = os.path.join("src/ledgerkit/common", mod)
    try:
        tree = ast.parse(open(path, encoding="utf-8").read())
    except (OSError, SyntaxError) as e:
        verdict(False, path, "present", f"{path}: {e}")
    if fn not in {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}:
        verdict(False, path, fn, f"{fn} must be defined in {path}")
for name, allowed in ALLOWED.items():
    path = os.path.join("src/ledgerkit/reports", name)
    tree = ast.parse(open(path, encoding="utf-8").read())
    defined = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    extra = sorted(n for n in defined - allowed if re.search(r"amount|money|fmt|format|slug|date|eur|parse", n, re.I))
    if extra:
        verdict(False, {name: extra}, {name: sorted(allowed)}, f"{name} still defines its own helpers")
    imports_common = any(isinstance(n, ast.ImportFrom) and (
        (n.level == 2 and (n.module or "").split(".")[0] == "common")
        or (n.level == 0 and (n.module or "").startswith("ledgerkit.common"))) for n in ast.walk(tree)) or any(
        isinstance(n, ast.Import) and any(a.name.startswith("ledgerkit.common") for a in n.names) for n in ast.walk(tree))
    if not imports_common:
        verdict(False, name, "imports ledgerkit.common", f"{name} does not import the shared helpers")
probe = ("import json, ledgerkit.common as c, ledgerkit.reports.vat as v; "
         "print(json.dumps([v.parse_amount is c.parse_amount, v.format_eur is c.format_amount, sorted(c.__all__)]))")
proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
                      env=dict(os.environ, PYTHONPATH=os.path.abspath("src"), PYTHONDONTWRITEBYTECODE="1"))
if proc.returncode != 0:
    verdict(False, (proc.stderr.strip().splitlines() or ["error"])[-1], "importable", "ledgerkit.common or vat does not import")
same_parse, same_fmt, exported = json.loads(proc.stdout.strip().splitlines()[-1])
if not (same_parse and same_fmt):
    verdict(False, {"vat.parse_amount is shared": same_parse, "vat.format_eur is format_amount": same_fmt}, "both true",
            "vat must keep parse_amount and format_eur as aliases of the shared functions")
if exported != ["format_amount", "parse_amount", "parse_date", "slugify"]:
    verdict(False, exported, ["format_amount", "parse_amount", "parse_date", "slugify"], "ledgerkit.common.__all__ must re-export the four helpers")
verdict(True, "structure ok", "structure ok", "one implementation, used everywhere, aliases kept")
