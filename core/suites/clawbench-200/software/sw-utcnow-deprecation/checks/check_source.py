"""Source scan of ferrylog/*.py.

    check_source.py deprecated   no datetime.utcnow()/utcfromtimestamp() calls are left
    check_source.py py310        nothing uses datetime.UTC (added in 3.11; CI still runs 3.10)
"""
import ast
import glob
import json
import sys

mode = sys.argv[1]
hits = []
for path in sorted(glob.glob("ferrylog/**/*.py", recursive=True)):
    try:
        tree = ast.parse(open(path, encoding="utf-8").read(), path)
    except SyntaxError as e:
        hits.append(f"{path}: syntax error {e}")
        continue
    for node in ast.walk(tree):
        if mode == "deprecated" and isinstance(node, ast.Attribute) and node.attr in ("utcnow", "utcfromtimestamp"):
            hits.append(f"{path}:{node.lineno}: .{node.attr}")
        if mode == "py310":
            if isinstance(node, ast.ImportFrom) and node.module == "datetime" and any(a.name == "UTC" for a in node.names):
                hits.append(f"{path}:{node.lineno}: from datetime import UTC")
            if isinstance(node, ast.Attribute) and node.attr == "UTC" and isinstance(node.value, ast.Name) and node.value.id == "datetime":
                hits.append(f"{path}:{node.lineno}: datetime.UTC")
ok = not hits and bool(glob.glob("ferrylog/*.py"))
print(json.dumps({"passed": ok, "observed": hits or "clean", "expected": "clean",
                  "message": "source clean" if ok else f"{len(hits)} finding(s)"}))
sys.exit(0 if ok else 1)
