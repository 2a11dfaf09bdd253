"""Checks for sys-incident-timeline-merge: `timeline` (rows, order, details) and `status`
(status record resolved with the impact window, other fields unchanged)."""
import csv
import json
import sys

EXPECTED_EVENTS = [
    [
        "2025-03-14T06:12:03Z",
        "db",
        "db_fatal",
        "password authentication failed for user \"reporting\""
    ],
    [
        "2025-03-14T09:14:40Z",
        "deploy",
        "deploy",
        "D-4706 search 2.4.1 success"
    ],
    [
        "2025-03-14T16:03:17Z",
        "app",
        "app_error",
        "upstream payment-gw timeout"
    ],
    [
        "2025-03-14T18:40:12Z",
        "deploy",
        "deploy",
        "D-4710 frontend 5.2.0 success"
    ],
    [
        "2025-03-14T18:57:31Z",
        "deploy",
        "deploy",
        "D-4711 api 3.18.0 success"
    ],
    [
        "2025-03-14T18:58:41Z",
        "db",
        "db_fatal",
        "sorry, too many clients already"
    ],
    [
        "2025-03-14T18:58:44Z",
        "app",
        "app_error",
        "db pool timeout after 5000ms"
    ],
    [
        "2025-03-14T18:59:00Z",
        "lb",
        "impact_start",
        "be_app 5xx above 5%"
    ],
    [
        "2025-03-14T19:02:02Z",
        "app",
        "app_error",
        "order status update failed: lock timeout"
    ],
    [
        "2025-03-14T19:14:07Z",
        "db",
        "db_fatal",
        "remaining connection slots are reserved for non-replication superuser connections"
    ],
    [
        "2025-03-14T19:21:09Z",
        "deploy",
        "deploy",
        "D-4712 api 3.17.4 rollback"
    ],
    [
        "2025-03-14T19:21:58Z",
        "db",
        "db_fatal",
        "terminating connection due to administrator command"
    ],
    [
        "2025-03-14T19:27:00Z",
        "lb",
        "impact_end",
        "be_app back below 5%"
    ]
]
EXPECTED_STATUS = {
    "id": "INC-2025-031",
    "title": "Checkout and ticket pages failing",
    "severity": "major",
    "status": "resolved",
    "components": [
        "api",
        "checkout"
    ],
    "alert_at": "2025-03-14T20:04:00+01:00",
    "started_at": "2025-03-14T18:59:00Z",
    "resolved_at": "2025-03-14T19:27:00Z",
    "commander": "m.aydin",
    "updates": [
        {
            "at": "2025-03-14T20:09:00+01:00",
            "text": "We are investigating errors on checkout and event pages."
        },
        {
            "at": "2025-03-14T20:24:00+01:00",
            "text": "A fix has been applied; we are monitoring the results."
        }
    ]
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


what = sys.argv[1]
if what == "timeline":
    path = "postmortem/INC-2025-031-timeline.csv"
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            header, rows = reader.fieldnames, list(reader)
    except FileNotFoundError:
        verdict(False, "missing", path, "the timeline does not exist")
    if header != ["time_utc", "source", "kind", "detail"]:
        verdict(False, header, ["time_utc", "source", "kind", "detail"], "wrong columns")
    got = [(r["time_utc"].strip(), r["source"].strip(), r["kind"].strip()) for r in rows]
    want = [tuple(e[:3]) for e in EXPECTED_EVENTS]
    if sorted(got) != sorted(want):
        verdict(False, {"unexpected": sorted(set(got) - set(want))}, {"missing": sorted(set(want) - set(got))}, "timeline events differ (times in UTC, first occurrences only, all deploys of the day)")
    if got != want:
        verdict(False, got, want, "events are not sorted by time_utc, then source")
    for r, e in zip(rows, EXPECTED_EVENTS):
        if e[2] in ("deploy", "db_fatal", "app_error") and r["detail"].strip() != e[3]:
            verdict(False, r["detail"], e[3], f"detail of the {e[2]} event at {e[0]} is wrong")
    verdict(True, len(got), len(want), "timeline complete, converted to UTC and sorted")
elif what == "status":
    try:
        doc = json.load(open("status/INC-2025-031.json", encoding="utf-8"))
    except (OSError, ValueError) as e:
        verdict(False, str(e), "valid JSON", "the status record is missing or broken")
    if doc != EXPECTED_STATUS:
        diff = {k: doc.get(k) for k in set(doc) | set(EXPECTED_STATUS) if doc.get(k) != EXPECTED_STATUS.get(k)}
        verdict(False, diff, {k: EXPECTED_STATUS.get(k) for k in diff}, "status record must be resolved with the impact window and otherwise unchanged")
    verdict(True, "resolved", "resolved", "status record updated")
verdict(False, what, "timeline|status", "unknown check")
