"""medications.yaml: amlodipine now 2 tablets a day (still 5 mg tablets); every other
medicine and field as before."""
import json, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


ORIG = {
    "Amlodipine": ("5 mg", 2, "pharmacy", "active"),
    "Metformin": ("500 mg", 4, "pharmacy", "active"),
    "Atorvastatin": ("20 mg", 1, "gp", "active"),
    "Levothyroxine": ("50 mcg", 1.5, "pharmacy", "active"),
    "Ramipril": ("2.5 mg", 1, "pharmacy", "paused"),
    "Paracetamol": ("500 mg", 0, "pharmacy", "prn"),
    "Donepezil": ("5 mg", 1, "gp", "active"),
    "Lansoprazole": ("15 mg", 1, "pharmacy", "active"),
    "Apixaban": ("5 mg", 2, "gp", "active"),
    "Tamsulosin": ("400 mcg", 1, "pharmacy", "active"),
}
try:
    doc = yaml.safe_load(open("meds/medications.yaml", encoding="utf-8"))
    meds = doc["medications"]
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid YAML with a medications list", "medications.yaml does not parse")
got = {}
for m in meds:
    got[m.get("name")] = (m.get("strength"), m.get("tablets_per_day"), m.get("channel"), m.get("status"))
if [m.get("name") for m in meds] != list(ORIG):
    verdict(False, [m.get("name") for m in meds], list(ORIG), "medicines added, removed or reordered")
bad = {k: got[k] for k in ORIG if got[k] != ORIG[k]}
if bad:
    verdict(False, bad, {k: ORIG[k] for k in bad}, "strength / tablets_per_day / channel / status wrong")
aml = meds[0].get("dose", "")
if "one tablet" in str(aml).lower():
    verdict(False, aml, "two 5 mg tablets", "amlodipine dose text still says one tablet")
verdict(True, "amlodipine 2/day, rest unchanged", "amlodipine 2/day, rest unchanged", "ok")
