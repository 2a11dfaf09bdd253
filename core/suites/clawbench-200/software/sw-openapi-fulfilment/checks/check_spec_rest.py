"""Everything in api/openapi.yaml that RFC-017 does not touch is unchanged."""
import copy
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
original = json.load(open(os.path.join(CHECKS, "original_openapi.json")))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def strip(doc):
    doc = copy.deepcopy(doc)
    if not isinstance(doc, dict):
        return doc
    doc.get("info", {}).pop("version", None)
    doc.pop("tags", None)
    schemas = doc.get("components", {}).get("schemas", {})
    for name in ("FulfilmentStatus", "Order", "Shipment", "ShipmentList"):
        schemas.pop(name, None)
    paths = doc.get("paths", {})
    paths.pop("/orders/{order_id}/shipments", None)
    tracking = paths.get("/orders/{order_id}/tracking", {}).get("get", {})
    if isinstance(tracking, dict):
        tracking.pop("deprecated", None)
        tracking.pop("x-sunset", None)
    params = paths.get("/orders", {}).get("get", {}).get("parameters")
    if isinstance(params, list):
        paths["/orders"]["get"]["parameters"] = [p for p in params if not (isinstance(p, dict) and p.get("name") == "fulfilment_status")]
    return doc


try:
    got = yaml.safe_load(open("api/openapi.yaml", encoding="utf-8"))
except (FileNotFoundError, yaml.YAMLError) as e:
    verdict(False, "unreadable", "valid YAML", str(e).splitlines()[0])
g, w = strip(got), strip(original)
if g != w:
    for top in sorted(set(g) | set(w)):
        if g.get(top) != w.get(top):
            sub = g.get(top) if isinstance(g.get(top), dict) else {}
            subw = w.get(top) if isinstance(w.get(top), dict) else {}
            keys = [k for k in sorted(set(sub) | set(subw)) if sub.get(k) != subw.get(k)]
            verdict(False, {top: keys[:5]}, "unchanged", f"{top} changed beyond RFC-017 (see keys)")
verdict(True, "unchanged", "unchanged", "the rest of the spec is untouched")
