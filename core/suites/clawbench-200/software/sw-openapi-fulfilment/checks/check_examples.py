"""The examples validate against the expected 1.5.0 schema, carry the fulfilment status from
the RFC, and the new shipments example holds exactly the appendix data and is registered."""
import json
import os
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, CHECKS)
from validator import validate  # noqa: E402

spec = json.load(open(os.path.join(CHECKS, "expected_openapi.json")))
SHIPMENT = {"id": "shp_q8w2e4r6t1y3", "carrier": "postnl", "tracking_number": "3SLUME0048211",
            "shipped_at": "2024-06-12T15:04:00Z", "delivered_at": "2024-06-13T10:41:00Z",
            "line_ids": ["lin_a1b2c3d4e5f6"], "status": "delivered"}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


try:
    manifest = yaml.safe_load(open("api/examples/manifest.yaml", encoding="utf-8"))
    entries = {e["file"]: e["schema"] for e in manifest["examples"]}
except Exception as e:
    verdict(False, "unreadable manifest", "manifest", f"{type(e).__name__}: {e}")
want_entries = {"order-200.json": "Order", "order-list-200.json": "OrderList", "error-404.json": "Error",
                "shipments-200.json": "ShipmentList"}
if entries != want_entries:
    verdict(False, entries, want_entries, "the manifest must register shipments-200.json as ShipmentList and keep the rest")
docs = {}
for name, schema in entries.items():
    try:
        docs[name] = json.load(open(os.path.join("api/examples", name), encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        verdict(False, name, "valid JSON", f"{name}: {e}")
    errors = []
    validate(spec, {"$ref": f"#/components/schemas/{schema}"}, docs[name], name, errors)
    if errors:
        verdict(False, errors[:3], "valid", f"{name} does not validate against the 1.5.0 schema")
if docs["order-200.json"].get("fulfilment_status") != "partially_fulfilled":
    verdict(False, docs["order-200.json"].get("fulfilment_status"), "partially_fulfilled", "order-200.json: wrong fulfilment_status")
if docs["order-list-200.json"]["data"][0].get("fulfilment_status") != "unfulfilled":
    verdict(False, docs["order-list-200.json"]["data"][0].get("fulfilment_status"), "unfulfilled", "order-list-200.json: wrong fulfilment_status")
if docs["shipments-200.json"] != {"data": [SHIPMENT]}:
    verdict(False, docs["shipments-200.json"], {"data": [SHIPMENT]}, "shipments-200.json must hold exactly the appendix parcel")
verdict(True, "4 examples", "4 examples", "examples valid and complete")
