"""trial_register.yaml marks MZ-N-2024 analysed with its results file; nothing else changes."""
import json
import sys

import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


EXPECTED = {"station": "Ilorin", "trials": [
    {"id": "MZ-N-2023", "crop": "maize", "pi": "Dr R. Okonkwo", "status": "analysed", "results": "results/treatment_means_2023.csv"},
    {"id": "MZ-N-2024", "crop": "maize", "pi": "Dr R. Okonkwo", "status": "analysed", "results": "results/treatment_means_2024.csv"},
    {"id": "SG-INT-2024", "crop": "sorghum/cowpea intercrop", "pi": "Dr F. Bello", "status": "growing", "results": None},
]}
try:
    doc = yaml.safe_load(open("trial_register.yaml", encoding="utf-8"))
except FileNotFoundError:
    verdict(False, "missing", "trial_register.yaml", "the register is gone")
except yaml.YAMLError as e:
    verdict(False, "unparsable", "valid YAML", str(e))
if doc != EXPECTED:
    verdict(False, doc, EXPECTED, "only MZ-N-2024's status and results may change")
verdict(True, doc["trials"][1], EXPECTED["trials"][1], "register updated")
