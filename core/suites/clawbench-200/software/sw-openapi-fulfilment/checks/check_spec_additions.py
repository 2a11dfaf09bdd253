"""The RFC-017 additions in api/openapi.yaml: FulfilmentStatus, Order.fulfilment_status
(required), Shipment, ShipmentList, the shipments path, the deprecated tracking operation,
the list filter, the shipments tag and version 1.5.0."""
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
want = json.load(open(os.path.join(CHECKS, "expected_openapi.json")))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def norm(node):
    """Order of `required` lists does not matter."""
    if isinstance(node, dict):
        return {k: (sorted(v) if k == "required" and isinstance(v, list) else norm(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [norm(x) for x in node]
    return node


def get(doc, *keys):
    for k in keys:
        if not isinstance(doc, dict) or k not in doc:
            return "<missing>"
        doc = doc[k]
    return doc


try:
    got = yaml.safe_load(open("api/openapi.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "present", "api/openapi.yaml was removed")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", str(e).splitlines()[0])
parts = [
    ("info.version", ("info", "version")),
    ("tags", ("tags",)),
    ("FulfilmentStatus", ("components", "schemas", "FulfilmentStatus")),
    ("Order", ("components", "schemas", "Order")),
    ("Shipment", ("components", "schemas", "Shipment")),
    ("ShipmentList", ("components", "schemas", "ShipmentList")),
    ("GET /orders parameters", ("paths", "/orders", "get", "parameters")),
    ("/orders/{order_id}/shipments", ("paths", "/orders/{order_id}/shipments")),
    ("GET /orders/{order_id}/tracking", ("paths", "/orders/{order_id}/tracking")),
]
for label, keys in parts:
    g, w = norm(get(got, *keys)), norm(get(want, *keys))
    if g != w:
        verdict(False, {label: g}, {label: w}, f"{label} is not as RFC-017 specifies")
verdict(True, "all additions", "all additions", "RFC-017 applied to the spec")
