#!/usr/bin/env python3
"""Minimal zone file checker (a stand-in for named-checkzone, which is not installed here).

    python3 tools/checkzone.py sunfield-vet.example zones/db.sunfield-vet.example

Parses $ORIGIN/$TTL, the SOA (parentheses may span lines) and one record per line
(`name [ttl] [IN] type rdata`, a blank name repeats the previous owner). Reports syntax
errors, bad addresses, CNAMEs that share their name with other data and serials that are
not YYYYMMDDnn. Exit 0 when the zone loads.
"""
import ipaddress
import re
import sys

TYPES = {"SOA", "NS", "A", "AAAA", "CNAME", "MX", "TXT", "PTR", "SRV", "CAA"}


def tokens(line):
    """Split a line into tokens, keeping quoted strings; drop ; comments. Raise on open quotes."""
    out, i, n = [], 0, len(line)
    while i < n:
        c = line[i]
        if c in " \t":
            i += 1
        elif c == ";":
            break
        elif c == '"':
            j = i + 1
            while j < n and line[j] != '"':
                j += 2 if line[j] == "\\" else 1
            if j >= n:
                raise ValueError("unbalanced quotes")
            out.append(line[i:j + 1])
            i = j + 1
        else:
            j = i
            while j < n and line[j] not in ' \t;"':
                j += 1
            out.append(line[i:j])
            i = j
    return out


def parse(text, origin):
    """Return (records, errors); a record is (owner, ttl, type, rdata-tuple), owner absolute."""
    origin = origin.rstrip(".") + "."
    default_ttl, last_owner = None, None
    records, errors = [], []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        raw, lineno = lines[i], i + 1
        i += 1
        try:
            toks = tokens(raw)
        except ValueError as e:
            errors.append(f"line {lineno}: {e}")
            continue
        if not toks:
            continue
        if "(" in toks:     # multi-line record
            while ")" not in toks and i < len(lines):
                try:
                    toks += tokens(lines[i])
                except ValueError as e:
                    errors.append(f"line {i + 1}: {e}")
                i += 1
            if ")" not in toks:
                errors.append(f"line {lineno}: unclosed parenthesis")
                break
            toks = [t for t in toks if t not in ("(", ")")]
        if toks[0] == "$ORIGIN":
            origin = toks[1]
            continue
        if toks[0] == "$TTL":
            default_ttl = int(toks[1])
            continue
        if raw[0] in " \t":
            owner = last_owner
        else:
            owner, toks = toks[0], toks[1:]
            owner = origin if owner == "@" else (owner if owner.endswith(".") else f"{owner}.{origin}")
        if owner is None:
            errors.append(f"line {lineno}: record without owner")
            continue
        last_owner = owner
        ttl = default_ttl
        if toks and toks[0].isdigit():
            ttl, toks = int(toks[0]), toks[1:]
        if toks and toks[0] == "IN":
            toks = toks[1:]
        if not toks or toks[0] not in TYPES:
            errors.append(f"line {lineno}: unknown or missing record type {toks[:1]}")
            continue
        rtype, rdata = toks[0], toks[1:]
        if ttl is None:
            errors.append(f"line {lineno}: no TTL and no $TTL")
        try:
            if rtype == "A":
                ipaddress.IPv4Address(rdata[0])
            elif rtype == "AAAA":
                rdata = [str(ipaddress.IPv6Address(rdata[0]))]
            elif rtype == "SOA":
                if len(rdata) != 7:
                    raise ValueError("SOA needs 7 fields")
                if not re.fullmatch(r"20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{2}", rdata[2]):
                    raise ValueError(f"serial {rdata[2]} is not YYYYMMDDnn")
            elif rtype in ("CNAME", "NS", "PTR"):
                if len(rdata) != 1:
                    raise ValueError(f"{rtype} takes one name")
            elif rtype == "MX":
                int(rdata[0])
            elif rtype == "TXT" and not all(t.startswith('"') and t.endswith('"') for t in rdata):
                raise ValueError("TXT data must be quoted strings")
        except (ValueError, IndexError) as e:
            errors.append(f"line {lineno}: bad {rtype} record: {e}")
            continue
        if rtype in ("CNAME", "NS", "PTR", "MX"):
            name = rdata[-1]
            rdata = rdata[:-1] + [name if name.endswith(".") else f"{name}.{origin}"]
        records.append((owner.lower(), ttl, rtype, tuple(rdata)))
    owners = {}
    for owner, _, rtype, _ in records:
        owners.setdefault(owner, set()).add(rtype)
    for owner, types in owners.items():
        if "CNAME" in types and len(types) > 1:
            errors.append(f"{owner}: CNAME and other data")
    if sum(1 for r in records if r[2] == "SOA") != 1:
        errors.append("zone must have exactly one SOA")
    return records, errors


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    origin, path = sys.argv[1], sys.argv[2]
    records, errors = parse(open(path, encoding="utf-8").read(), origin)
    for e in errors:
        print(f"{path}: {e}")
    if errors:
        print(f"zone {origin}: {len(errors)} error(s), not loaded")
        return 1
    soa = next(r for r in records if r[2] == "SOA")
    print(f"zone {origin}/IN: loaded serial {soa[3][2]}, {len(records)} records")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
