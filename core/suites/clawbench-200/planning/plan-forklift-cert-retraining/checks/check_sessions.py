"""training/sessions.yaml: the booked lists hold the existing plus the new bookings in
booking order; every other key of every session is unchanged."""
import datetime as dt, json, os, sys
import yaml


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["booked"]
FIXED = {
    "CB1-0910": ("MHE-CB", "2025-09-10", "DC1", ["early", "late"], 4), "CB1-1008": ("MHE-CB", "2025-10-08", "DC1", ["early", "late"], 4),
    "CB1-1112": ("MHE-CB", "2025-11-12", "DC1", ["late", "night"], 4), "CB1-1203": ("MHE-CB", "2025-12-03", "DC1", ["early"], 3),
    "CB2-0917": ("MHE-CB", "2025-09-17", "DC2", ["early", "late", "night"], 3), "CB2-1105": ("MHE-CB", "2025-11-05", "DC2", ["early", "late"], 3),
    "RT1-0924": ("MHE-RT", "2025-09-24", "DC1", ["early", "late", "night"], 3), "RT1-1119": ("MHE-RT", "2025-11-19", "DC1", ["early", "late"], 3),
    "RT2-1015": ("MHE-RT", "2025-10-15", "DC2", ["early", "late", "night"], 2), "FA1-1001": ("FA", "2025-10-01", "DC1", ["early", "late"], 6),
    "FA2-0917": ("FA", "2025-09-17", "DC2", ["early", "late", "night"], 6), "FA1-1210": ("FA", "2025-12-10", "DC1", ["early", "late", "night"], 6),
}
try:
    sessions = yaml.safe_load(open("training/sessions.yaml", encoding="utf-8"))["sessions"]
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid YAML", "training/sessions.yaml missing or invalid")
if [s.get("id") for s in sessions] != list(FIXED):
    verdict(False, [s.get("id") for s in sessions], list(FIXED), "sessions added, removed or reordered")
for s in sessions:
    sid = s["id"]
    d = s.get("date")
    got = (s.get("cert"), d.isoformat() if isinstance(d, dt.date) else d, s.get("site"), s.get("shifts"), s.get("capacity"))
    trainer = "St John Ambulance" if sid.startswith("FA") else "Midlands MHE Training"
    if got != FIXED[sid] or s.get("trainer") != trainer or set(s) != {"id", "cert", "date", "site", "shifts", "capacity", "trainer", "booked"}:
        verdict(False, {sid: s}, {sid: FIXED[sid]}, f"{sid}: keys other than booked were changed")
    if [str(x) for x in (s.get("booked") or [])] != exp[sid]:
        verdict(False, {sid: s.get("booked")}, {sid: exp[sid]}, f"{sid}: booked list wrong")
verdict(True, "sessions ok", "sessions ok", "bookings recorded, nothing else changed")
