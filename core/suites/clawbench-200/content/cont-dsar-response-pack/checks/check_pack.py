"""Checks of the DSAR-2024-0117 pack. Modes: crm, tickets, logins, thirdparty, letter, log."""
import csv
import json
import os
import re
import sys

E = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json"), encoding="utf-8"))
MODE = sys.argv[1]
PACK = "dsar/DSAR-2024-0117"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def read_csv(path):
    try:
        return [[c.strip() for c in r] for r in csv.reader(open(path, newline="", encoding="utf-8")) if r]
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")


if MODE in ("crm", "logins"):
    path = f"{PACK}/data/{MODE}.csv"
    got, want = read_csv(path), E[MODE]
    if got != want:
        if got[:1] != want[:1]:
            verdict(False, got[:1], want[:1], f"{path}: columns must be the export's")
        verdict(False, f"{len(got) - 1} rows", f"{len(want) - 1} rows", f"{path}: must hold exactly the member's rows (by member ID), in export order")
    verdict(True, len(got) - 1, len(want) - 1, f"{path} correct")

if MODE == "tickets":
    path = f"{PACK}/data/tickets.json"
    try:
        doc = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        verdict(False, "unreadable", "valid JSON", f"{path}: {e}")
    got = doc.get("tickets") if isinstance(doc, dict) else None
    if not isinstance(got, list) or [t.get("ticket_id") for t in got] != [t["ticket_id"] for t in E["tickets"]]:
        verdict(False, [t.get("ticket_id") for t in got] if isinstance(got, list) else got, [t["ticket_id"] for t in E["tickets"]], "wrong set or order of tickets")
    for g, w in zip(got, E["tickets"]):
        if g != w:
            gm = [m.get("text") for m in g.get("messages", [])]
            wm = [m["text"] for m in w["messages"]]
            verdict(False, gm if gm != wm else g, wm if gm != wm else w, f"{w['ticket_id']}: fields or redaction wrong")
    verdict(True, len(got), len(E["tickets"]), "tickets correct and redacted")

if MODE == "thirdparty":
    leaks = []
    for root, _, files in os.walk(PACK):
        for f in files:
            text = open(os.path.join(root, f), encoding="utf-8", errors="replace").read()
            leaks += [f"{f}: {s}" for s in E["third_party"] if s in text]
    if not os.path.isdir(PACK):
        verdict(False, "missing", PACK, "the pack folder does not exist")
    verdict(not leaks, leaks, [], "third-party data or the other Jordan Reyes' data leaked into the pack" if leaks else "no third-party data")

if MODE == "letter":
    path = f"{PACK}/response-letter.md"
    try:
        text = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")
    rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in text.splitlines()
            if ln.strip().startswith("|") and not re.match(r"^\|[\s:|-]+\|$", ln.strip())]
    if rows != E["table"]:
        diff = next(((g, w) for g, w in zip(rows, E["table"]) if g != w), (rows, E["table"]))
        verdict(False, diff[0], diff[1], "sources table wrong")
    m = re.search(r"We removed (\d+) pieces of information", text)
    if not m or int(m.group(1)) != E["redactions"]:
        verdict(False, m.group(1) if m else None, E["redactions"], "redaction count wrong")
    need = ["Date: 21 October 2024", "Dear Jordan Reyes,", "which we received on 3 October 2024", "deadline of 3 November 2024", "# Your subject access request DSAR-2024-0117"]
    missing = [s for s in need if s not in text]
    if missing or "{{" in text:
        verdict(False, missing or "placeholder left", need, "letter header, dates or placeholders wrong")
    verdict(True, "letter ok", "letter ok", "letter correct")

rows = read_csv("dsar/log.csv")
want = [["request_id", "member_id", "received", "due", "status", "responded", "crm_records", "tickets", "login_events", "redactions"],
        ["DSAR-2024-0093", "M-46110", "2024-08-12", "2024-09-12", "responded", "2024-09-02", "1", "2", "41", "0"],
        ["DSAR-2024-0117", "M-48213", "2024-10-03", "2024-11-03", "responded", "2024-10-21", str(len(E["crm"]) - 1), str(len(E["tickets"])), str(len(E["logins"]) - 1), str(E["redactions"])]]
verdict(rows == want, rows, want, "log row wrong or other rows changed" if rows != want else "log updated")
