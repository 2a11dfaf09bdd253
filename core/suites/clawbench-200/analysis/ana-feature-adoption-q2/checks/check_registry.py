"""config/kpi_registry.yaml gains recurring_invoice_adoption 2024Q2 = the readout's overall
adoption %, and nothing else changes."""
import json
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


BASE = {
    "owner": "product-analytics",
    "kpis": {
        "invoice_send_rate": {"description": "Share of active accounts that sent at least one invoice", "unit": "percent", "target": 75, "values": {"2024Q1": 71.2}},
        "recurring_invoice_adoption": {"description": "Eligible accounts that created a recurring invoice in the quarter", "unit": "percent", "target": 25, "values": {"2024Q2": 28.6}},
        "net_revenue_retention": {"description": "NRR, trailing twelve months", "unit": "percent", "target": 105, "values": {"2024Q1": 102.8}},
    },
}
try:
    doc = yaml.safe_load(open("config/kpi_registry.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "config/kpi_registry.yaml", "the registry is gone")
except yaml.YAMLError as e:
    verdict(False, "unparsable", "valid YAML", str(e))
try:
    value = doc["kpis"]["recurring_invoice_adoption"]["values"]["2024Q2"]
except (KeyError, TypeError):
    verdict(False, "no 2024Q2 value", 28.6, "recurring_invoice_adoption.values.2024Q2 is missing")
if not isinstance(value, (int, float)) or abs(value - 28.6) > 0.051:
    verdict(False, value, 28.6, "the registry value is not the overall Q2 adoption %")
doc["kpis"]["recurring_invoice_adoption"]["values"]["2024Q2"] = 28.6
if doc != BASE:
    verdict(False, doc, BASE, "other KPIs or fields of the registry were changed")
verdict(True, value, 28.6, "registry updated, rest unchanged")
