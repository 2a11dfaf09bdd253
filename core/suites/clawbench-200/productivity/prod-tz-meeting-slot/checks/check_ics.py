"""invites/q4-pricing-decision.ics: one VEVENT at the right UTC slot with the organizer and the
six attendees in the right roles."""
import json
import os
import re
import sys

PATH = "invites/q4-pricing-decision.ics"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_slot.json")))
if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
raw = open(PATH, encoding="utf-8").read().replace("\r\n", "\n")
raw = re.sub(r"\n[ \t]", "", raw)  # unfold
lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
if lines[:1] != ["BEGIN:VCALENDAR"] or lines[-1:] != ["END:VCALENDAR"]:
    verdict(False, lines[:1] + lines[-1:], ["BEGIN:VCALENDAR", "END:VCALENDAR"], "not a VCALENDAR")
if lines.count("BEGIN:VEVENT") != 1:
    verdict(False, lines.count("BEGIN:VEVENT"), 1, "exactly one VEVENT expected")
props = {}
attendees = []
for ln in lines[lines.index("BEGIN:VEVENT") + 1:lines.index("END:VEVENT")]:
    name_params, _, value = ln.partition(":")
    parts = name_params.split(";")
    name = parts[0].upper()
    params = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
    if name == "ATTENDEE":
        attendees.append((value.lower().replace("mailto:", ""), params.get("ROLE", "REQ-PARTICIPANT").upper(), params.get("CN", "")))
    else:
        props[name] = (value, params)
for key, want in (("DTSTART", exp["start"]), ("DTEND", exp["end"])):
    got = props.get(key, ("", {}))[0]
    if got != want:
        verdict(False, {key: got}, {key: want}, f"{key} must be the booked slot in UTC (YYYYMMDDTHHMMSSZ)")
if props.get("SUMMARY", ("",))[0].strip() != "Q4 pricing decision":
    verdict(False, props.get("SUMMARY", ("",))[0], "Q4 pricing decision", "wrong SUMMARY")
if props.get("UID", ("",))[0].strip() != "R-0412@corvid.example":
    verdict(False, props.get("UID", ("",))[0], "R-0412@corvid.example", "wrong UID")
org = props.get("ORGANIZER", ("", {}))[0].lower()
if org.replace("mailto:", "") != "sina.rahmani@corvid.example":
    verdict(False, org, "mailto:sina.rahmani@corvid.example", "wrong ORGANIZER")
got = sorted((a, r) for a, r, _ in attendees)
want = sorted((e.lower(), r) for _, e, r in exp["attendees"])
if got != want:
    verdict(False, got, want, "attendees must be the six people, Hannah as OPT-PARTICIPANT, the rest REQ-PARTICIPANT")
verdict(True, props["DTSTART"][0], exp["start"], "invite is correct")
