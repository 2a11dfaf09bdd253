"""telemetry.proto has exactly the expected VehicleStatus fields (types, numbers, order), the
merged reservations in house style, the new enum value, and otherwise unchanged content."""
import json
import re
import sys

PROTO = "proto/scootly/telemetry/v1/telemetry.proto"

WANT_STATUS = [
    ("", "string", "vehicle_id", 1), ("", "google.protobuf.Timestamp", "reported_at", 2),
    ("", "VehicleState", "state", 3), ("", "Position", "position", 4), ("", "float", "speed_kmh", 5),
    ("", "bool", "locked", 6), ("", "uint32", "firmware_build", 8), ("", "string", "controller_serial", 10),
    ("repeated", "string", "active_alerts", 11), ("", "float", "temperature_c", 15),
    ("", "uint32", "battery_mv", 17), ("", "uint32", "charge_cycles", 18),
]
WANT_STATUS_RESERVED = (["7, 9, 12 to 14, 16"],
                        ['"battery_pct", "firmware_hash", "odometer_km", "rider_id", "trip_distance_m", "trip_token"'])
WANT_STATE = [("VEHICLE_STATE_UNSPECIFIED", 0), ("VEHICLE_STATE_AVAILABLE", 1), ("VEHICLE_STATE_IN_RIDE", 2),
              ("VEHICLE_STATE_RESERVED", 3), ("VEHICLE_STATE_MAINTENANCE", 4), ("VEHICLE_STATE_LOST", 6),
              ("VEHICLE_STATE_CHARGING", 7)]
WANT_STATE_RESERVED = (["5"], ['"VEHICLE_STATE_TOWED"'])
UNCHANGED = {
    "Position": "double latitude = 1; double longitude = 2; float accuracy_m = 3; float heading_deg = 4;",
    "TelemetryBatch": "repeated VehicleStatus statuses = 1; uint32 dropped = 2;",
}
HEADER = ('syntax = "proto3"; package scootly.telemetry.v1; import "google/protobuf/timestamp.proto"; '
          'option go_package = "github.com/scootly/fleet/gen/telemetry/v1;telemetryv1"; '
          'option java_package = "com.scootly.telemetry.v1";')


def verdict(ok, observed, expected, message):
    print(json.dumps({"passed": ok, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if ok else 1)


def clean(text):
    text = re.sub(r"//[^\n]*", "", text)
    return " ".join(text.split())


try:
    text = open(PROTO, encoding="utf-8").read()
except FileNotFoundError:
    verdict(False, "missing", PROTO, "the proto file is gone")
blocks = {m.group(2): (m.group(1), m.group(3)) for m in re.finditer(r"^(message|enum)\s+(\w+)\s*\{(.*?)^\}", text, re.S | re.M)}
if sorted(blocks) != ["Position", "TelemetryBatch", "VehicleState", "VehicleStatus"]:
    verdict(False, sorted(blocks), ["Position", "TelemetryBatch", "VehicleState", "VehicleStatus"], "top-level messages/enums added or removed")
first = min(m.start() for m in re.finditer(r"^(?:message|enum)\s", text, re.M))
if clean(text[:first]) != HEADER:
    verdict(False, clean(text[:first])[:200], HEADER, "the file header (syntax, package, imports, options) changed")
for name, body in UNCHANGED.items():
    if clean(blocks[name][1]) != body:
        verdict(False, clean(blocks[name][1]), body, f"message {name} must not change")


def members(body, enum):
    fields, res_num, res_name = [], [], []
    for stmt in clean(body).split(";"):
        stmt = stmt.strip()
        if not stmt:
            continue
        if stmt.startswith("reserved "):
            spec = stmt[len("reserved "):].strip()
            (res_name if '"' in spec else res_num).append(", ".join(p.strip() for p in spec.split(",")))
            continue
        if enum:
            m = re.fullmatch(r"(\w+) = (-?\d+)(?: \[.*\])?", stmt)
            fields.append((m.group(1), int(m.group(2))) if m else ("?", stmt))
        else:
            m = re.fullmatch(r"(?:(repeated|optional) )?([\w.]+) (\w+) = (\d+)( \[.*\])?", stmt)
            fields.append((m.group(1) or "", m.group(2), m.group(3), int(m.group(4))) + ((m.group(5).strip(),) if m.group(5) else ())
                          if m else ("?", stmt))
    return fields, res_num, res_name


f, rn, rs = members(blocks["VehicleStatus"][1], False)
if f != WANT_STATUS:
    verdict(False, f, WANT_STATUS, "VehicleStatus fields (label, type, name, number, order) are not as RFC-023 and the house rules require")
if (rn, rs) != WANT_STATUS_RESERVED:
    verdict(False, [rn, rs], list(WANT_STATUS_RESERVED), "VehicleStatus reservations: one numbers statement and one names statement, complete and in house style")
f, rn, rs = members(blocks["VehicleState"][1], True)
if f != WANT_STATE:
    verdict(False, f, WANT_STATE, "VehicleState values are not as expected")
if (rn, rs) != WANT_STATE_RESERVED:
    verdict(False, [rn, rs], list(WANT_STATE_RESERVED), "VehicleState reservations changed")
verdict(True, "proto as expected", "proto as expected", "RFC-023 applied to the proto")
