"""crm/field-map.yaml loads again with the same content (columns, defaults, target)."""
import json
import sys

import yaml

EXPECTED = {"target": "donorbox-contacts-v2", "encoding": "utf-8",
            "columns": [{"field": "id", "header": "External ID"}, {"field": "first", "header": "First Name"},
                        {"field": "last", "header": "Last Name"}, {"field": "email", "header": "Email"},
                        {"field": "phone", "header": "Mobile"}, {"field": "postcode", "header": "Postcode"},
                        {"field": "newsletter", "header": "Newsletter"}, {"field": "sources", "header": "Source"}],
            "defaults": {"country": "GB", "contact_type": "volunteer"}}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    doc = yaml.safe_load(open("crm/field-map.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "crm/field-map.yaml", "the field map is gone")
except yaml.YAMLError as e:
    verdict(False, "invalid YAML", "valid YAML", str(e).splitlines()[0])
if doc != EXPECTED:
    verdict(False, doc, EXPECTED, "only the syntax may be repaired; columns, order and defaults stay")
verdict(True, "loads", "loads", "field map repaired")
