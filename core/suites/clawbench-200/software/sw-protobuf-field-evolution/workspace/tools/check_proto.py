#!/usr/bin/env python3
"""Check proto/scootly/telemetry/v1/telemetry.proto against proto/field-registry.json and
the reservation rules of proto/STYLE.md. Exit 1 on any problem."""
import json
import re
import sys

PROTO = "proto/scootly/telemetry/v1/telemetry.proto"
REGISTRY = "proto/field-registry.json"


def blocks(text):
    """{name: (kind, body)} for top-level messages and enums."""
    out = {}
    for m in re.finditer(r"^(message|enum)\s+(\w+)\s*\{(.*?)^\}", text, re.S | re.M):
        out[m.group(2)] = (m.group(1), m.group(3))
    return out


def parse(kind, body):
    body = re.sub(r"//[^\n]*", "", body)
    members, numbers, names, statements = {}, set(), set(), 0
    for stmt in body.split(";"):
        stmt = " ".join(stmt.split())
        if not stmt:
            continue
        if stmt.startswith("reserved "):
            statements += 1
            spec = stmt[len("reserved "):]
            if '"' in spec:
                names |= set(re.findall(r'"([^"]+)"', spec))
            else:
                for part in spec.split(","):
                    a, _, b = part.strip().partition(" to ")
                    numbers |= set(range(int(a), int(b or a) + 1))
            continue
        if kind == "enum":
            m = re.match(r"^(\w+) = (-?\d+)", stmt)
        else:
            m = re.match(r"^(?:repeated |optional )?[\w.]+ (\w+) = (\d+)", stmt)
        if m:
            members[m.group(1)] = int(m.group(2))
    return members, numbers, names, statements


def main():
    text = open(PROTO, encoding="utf-8").read()
    registry = json.load(open(REGISTRY, encoding="utf-8"))
    history = {**registry["enums"], **registry["messages"]}
    problems = []
    for name, (kind, body) in blocks(text).items():
        members, numbers, names, statements = parse(kind, body)
        past = history.get(name)
        if past is None:
            problems.append(f"{name}: not in the registry")
            continue
        for member, number in members.items():
            entry = past.get(member)
            if entry is None:
                problems.append(f"{name}.{member}: not in the registry")
            elif entry["number"] != number:
                problems.append(f"{name}.{member}: number {number}, registry says {entry['number']}")
            elif "removed" in entry:
                problems.append(f"{name}.{member}: registry says it was removed in {entry['removed']}")
        for member, entry in past.items():
            if member in members:
                continue
            if "removed" not in entry:
                problems.append(f"{name}.{member}: missing from the proto but not marked removed in the registry")
            if entry["number"] not in numbers:
                problems.append(f"{name}: removed number {entry['number']} ({member}) is not reserved")
            if member not in names:
                problems.append(f"{name}: removed name {member} is not reserved")
        for number in numbers & set(members.values()):
            problems.append(f"{name}: number {number} is both reserved and in use")
    for p in problems:
        print(p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
