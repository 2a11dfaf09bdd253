"""Inside src/geokit, nothing calls or imports haversine_km except its own definition (and
the re-export in __init__)."""
import ast
import json
import os
import sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


uses = []
for root, _dirs, files in os.walk("src/geokit"):
    for f in sorted(files):
        if not f.endswith(".py"):
            continue
        path = os.path.join(root, f)
        try:
            tree = ast.parse(open(path, encoding="utf-8").read())
        except SyntaxError as e:
            verdict(False, path, "valid Python", str(e))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                fn = node.func
                name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else None
                if name == "haversine_km":
                    uses.append(f"{path}:{node.lineno} call")
            if isinstance(node, ast.ImportFrom) and f != "__init__.py":
                if any(a.name == "haversine_km" for a in node.names):
                    uses.append(f"{path}:{node.lineno} import")
if uses:
    verdict(False, uses, [], "internal code still uses the deprecated haversine_km")
verdict(True, [], [], "internal callers moved to great_circle_km")
