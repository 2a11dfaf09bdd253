"""governance/board-2025.ics: one VEVENT per meeting, built from the template and agreeing
with the CSV calendar (date, times, summary, chair, papers deadline)."""
import json, os, re, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


want = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))["csv"][1:]
PATH = "governance/board-2025.ics"
if not os.path.isfile(PATH):
    verdict(False, "missing", "6 events", f"{PATH} does not exist")
text = open(PATH, encoding="utf-8").read().replace("\r\n", "\n")
lines = [l for l in text.split("\n") if l.strip()]
if not lines or lines[0] != "BEGIN:VCALENDAR" or lines[-1] != "END:VCALENDAR" or "VERSION:2.0" not in lines:
    verdict(False, lines[:2] + lines[-1:], ["BEGIN:VCALENDAR", "VERSION:2.0", "END:VCALENDAR"], "not wrapped in a VCALENDAR")
events = re.findall(r"^BEGIN:VEVENT\n(.*?)^END:VEVENT$", text, re.S | re.M)
if len(events) != len(want):
    verdict(False, len(events), len(want), "wrong number of VEVENTs")
for ev, (meeting, date, start, end, papers, chair) in zip(events, want):
    props = {}
    for line in ev.strip().split("\n"):
        k, _, v = line.partition(":")
        props[k] = v
    d = date.replace("-", "")
    need = {
        "UID": f"board-{meeting}@riversidefood.org.uk",
        "DTSTART;TZID=Europe/London": f"{d}T{start.replace(':', '')}00",
        "DTEND;TZID=Europe/London": f"{d}T{end.replace(':', '')}00",
        "SUMMARY": "AGM and board meeting" if meeting.endswith("-09") else "Board meeting",
        "DESCRIPTION": f"Chair: {chair}. Papers due {papers}.",
        "LOCATION": "Riverside Food Network\\, Unit 4 Canal Wharf\\, Leeds LS11 5PS",
    }
    bad = {k: props.get(k) for k, v in need.items() if props.get(k) != v}
    if bad:
        verdict(False, bad, {k: need[k] for k in bad}, f"event for {meeting} is wrong or out of order")
verdict(True, f"{len(events)} events", f"{len(want)} events", "ics agrees with the calendar")
