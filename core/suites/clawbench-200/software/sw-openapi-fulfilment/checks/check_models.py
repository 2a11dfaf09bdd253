"""src/orders_api/models.py follows the 1.5.0 schema: FulfilmentStatus enum, Order.from_dict
parses fulfilment_status, Shipment.from_dict parses a shipment."""
import dataclasses
import json
import os
import subprocess
import sys

PROBE = r'''
import json, sys
sys.path.insert(0, "src")
from orders_api import models
out = {}
fs = getattr(models, "FulfilmentStatus", None)
out["enum"] = [m.value for m in fs] if fs else None
order = {"id": "ord_000000000001", "customer_id": "c", "status": "paid", "fulfilment_status": "returned",
         "lines": [{"id": "lin_000000000001", "sku": "X", "quantity": 2, "unit_price": {"amount": 5, "currency": "EUR"}}],
         "total": {"amount": 10, "currency": "EUR"}, "shipping_address": {"name": "n"}, "created_at": "2024-07-01T00:00:00Z"}
o = models.Order.from_dict(order)
out["order_fs"] = getattr(o, "fulfilment_status", None)
out["order_fs_is_enum"] = fs is not None and isinstance(out["order_fs"], fs)
out["order_extra"] = getattr(o, "extra", None)
s = models.Shipment.from_dict({"id": "shp_000000000001", "carrier": "dhl", "tracking_number": "T1", "shipped_at": "2024-07-01T00:00:00Z",
                               "line_ids": ["lin_000000000001"], "status": "in_transit"})
out["shipment"] = {k: getattr(s, k, None) for k in ["id", "carrier", "tracking_number", "shipped_at", "line_ids", "status", "delivered_at"]}
print(json.dumps(out, default=str))
'''


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60,
                      env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
if proc.returncode != 0:
    verdict(False, (proc.stderr.strip().splitlines() or ["error"])[-1], "models load and parse", "the models do not follow the 1.5.0 schema")
got = json.loads(proc.stdout.strip().splitlines()[-1])
want_enum = ["unfulfilled", "partially_fulfilled", "fulfilled", "returned"]
if got["enum"] != want_enum:
    verdict(False, got["enum"], want_enum, "FulfilmentStatus enum values differ from the schema")
if not got["order_fs_is_enum"] or not str(got["order_fs"]).endswith(("returned", "RETURNED")):
    verdict(False, got["order_fs"], "FulfilmentStatus.RETURNED", "Order.from_dict must parse fulfilment_status into the enum")
if got["order_extra"]:
    verdict(False, got["order_extra"], {}, "fulfilment_status must be a known field, not left in extra")
want_ship = {"id": "shp_000000000001", "carrier": "dhl", "tracking_number": "T1", "shipped_at": "2024-07-01T00:00:00Z",
             "line_ids": ["lin_000000000001"], "status": "in_transit", "delivered_at": None}
if got["shipment"] != want_ship:
    verdict(False, got["shipment"], want_ship, "Shipment.from_dict must map every schema field (delivered_at optional)")
verdict(True, "models ok", "models ok", "client models follow the schema")
