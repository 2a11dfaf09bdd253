"""Unit files after OPS-1450 and the audit report.

Usage: check_units.py rows|fixed|others
"""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
exp = json.load(open(os.path.join(CHECKS, "expected_audit.json"), encoding="utf-8"))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def sections(text):
    """section -> {key: last value}; comments and blank lines ignored."""
    out, sec = {}, None
    for line in text.splitlines():
        s = line.strip()
        if not s or s[0] in "#;":
            continue
        if s.startswith("["):
            sec = s.strip("[]")
            out.setdefault(sec, {})
            continue
        if "=" not in s:
            return None
        k, v = s.split("=", 1)
        out.setdefault(sec, {})[k.strip()] = v.strip()
    return out


def multi(text, key):
    return [l.split("=", 1)[1].strip() for l in text.splitlines() if l.strip().startswith(key + "=")]


mode = sys.argv[1]
if mode == "rows":
    path = "reports/unit-audit-2024-06-24.csv"
    if not os.path.isfile(path):
        verdict(False, "missing", path, "the audit report was not written")
    with open(path, newline="", encoding="utf-8") as fh:
        table = [[c.strip() for c in r] for r in csv.reader(fh) if r]
    header, rows = (table[0], table[1:]) if table else ([], [])
    if header != ["unit", "rule", "current", "status"]:
        verdict(False, header, ["unit", "rule", "current", "status"], "wrong header")
    key = lambda r: tuple(r[:2])
    if sorted(map(key, rows)) != sorted(map(key, exp["rows"])):
        verdict(False, {"extra": sorted(set(map(key, rows)) - set(map(key, exp["rows"])))},
                {"missing": sorted(set(map(key, exp["rows"])) - set(map(key, rows)))}, "wrong set of (unit, rule) findings")
    for i, (g, e) in enumerate(zip(rows, exp["rows"]), start=2):
        if g != e:
            verdict(False, g, e, f"line {i} differs (current value, status, or order by unit then rule)")
    verdict(True, f"{len(rows)} findings", f"{len(exp['rows'])} findings", "audit rows match")
elif mode == "fixed":
    want_service = {
        "billing-export.service": {"Type": "simple", "User": "billing", "Group": "billing", "WorkingDirectory": "/opt/billing-export",
                                   "ExecStart": "/opt/billing-export/venv/bin/python -m billing_export --target sftp://finance",
                                   "Restart": "on-failure", "NoNewPrivileges": "yes", "ProtectSystem": "full", "MemoryMax": "1G"},
        "pdf-renderer.service": {"Type": "simple", "User": "pdfrender", "ExecStart": "/opt/pdf-renderer/bin/renderer --listen 127.0.0.1:9300",
                                 "Restart": "always", "RestartSec": "5", "MemoryMax": "2G", "NoNewPrivileges": "yes",
                                 "ProtectSystem": "strict", "Environment": "RENDER_TIMEOUT=30"},
    }
    for unit, want in want_service.items():
        path = os.path.join("units", unit)
        if not os.path.isfile(path):
            verdict(False, "missing", path, f"{unit} is gone")
        if os.path.isdir(path + ".d"):
            verdict(False, path + ".d", "no drop-in", "the fix must be made in the unit file itself")
        text = open(path, encoding="utf-8").read()
        got = sections(text)
        orig = sections(exp["fixed"][unit])
        if got is None or got.get("Unit") != orig["Unit"] or got.get("Install") != orig["Install"]:
            verdict(False, {k: v for k, v in (got or {}).items() if k != "Service"}, {k: v for k, v in orig.items() if k != "Service"},
                    f"{unit}: [Unit]/[Install] changed or the file no longer parses")
        if got.get("Service") != want:
            verdict(False, got.get("Service"), want, f"{unit}: [Service] settings are not the required ones")
        if unit == "pdf-renderer.service" and multi(text, "Environment") != ["CHROME_FLAGS=--no-sandbox", "RENDER_TIMEOUT=30"]:
            verdict(False, multi(text, "Environment"), ["CHROME_FLAGS=--no-sandbox", "RENDER_TIMEOUT=30"], "Environment lines changed")
        if unit == "billing-export.service" and "TODO(kim)" in text:
            verdict(False, "TODO present", "TODO removed", "drop the resolved TODO comment")
    verdict(True, "both units fixed", "both units fixed", "units compliant, nothing else changed")
elif mode == "others":
    changed = []
    for root, _, files in os.walk(os.path.join(CHECKS, "orig_units")):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), os.path.join(CHECKS, "orig_units"))
            mine = os.path.join("units", rel)
            if not os.path.isfile(mine) or open(mine, "rb").read() != open(os.path.join(root, f), "rb").read():
                changed.append(rel)
    verdict(not changed, sorted(changed), [], "only billing-export and pdf-renderer may change")
verdict(False, mode, "rows|fixed|others", "bad argument")
