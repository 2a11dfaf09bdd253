#!/usr/bin/env python3
"""Print the attendees of offsite sessions with @groups expanded (one handle per line).

    python3 tools/attendees.py S05          # one session
    python3 tools/attendees.py --all        # every session: id, count, handles
"""
import sys

import yaml


def load():
    with open("offsite/people.yaml", encoding="utf-8") as fh:
        people = yaml.safe_load(fh)["people"]
    with open("offsite/sessions.yaml", encoding="utf-8") as fh:
        sessions = yaml.safe_load(fh)["sessions"]
    groups = {"all": [p["handle"] for p in people]}
    for p in people:
        for g in p.get("groups", []):
            groups.setdefault(g, []).append(p["handle"])
    return groups, {s["id"]: s for s in sessions}


def expand(groups, attendees):
    out = []
    for a in attendees:
        for h in (groups[a[1:]] if a.startswith("@") else [a]):
            if h not in out:
                out.append(h)
    return sorted(out)


def main(argv):
    groups, sessions = load()
    if argv[1:] == ["--all"]:
        for sid, s in sessions.items():
            hs = expand(groups, s["attendees"])
            print(f"{sid}\t{len(hs)}\t{' '.join(hs)}")
        return 0
    for sid in argv[1:]:
        print("\n".join(expand(groups, sessions[sid]["attendees"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
