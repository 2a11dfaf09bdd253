#!/usr/bin/env python3
"""Lint nginx upstream blocks against the inventory.

Usage: python3 scripts/lint_upstreams.py
Checks nginx/conf.d/*.conf for basic syntax (balanced braces, `;`-terminated directives,
known server parameters, no duplicate upstream names) and cross-checks inventory/hosts.yaml:
- every upstream server address belongs to an inventory host that is active or in maintenance;
- a host in maintenance is marked `down` in every upstream it appears in;
- an active host is listed, and not `down`, in every upstream named in its `upstreams`.
"""
import glob
import re
import sys

import yaml

PARAMS = re.compile(r"^(weight=\d+|max_fails=\d+|fail_timeout=\d+[smh]?|backup|down|max_conns=\d+|slow_start=\d+[smh]?)$")


def strip_comments(text):
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def parse(path):
    text = strip_comments(open(path, encoding="utf-8").read())
    errors, ups = [], {}
    if text.count("{") != text.count("}"):
        errors.append(f"{path}: unbalanced braces")
        return ups, errors
    for m in re.finditer(r"upstream\s+(\S+)\s*\{([^{}]*)\}", text):
        name, body = m.group(1), m.group(2)
        if name in ups:
            errors.append(f"{path}: duplicate upstream {name}")
        servers = []
        stmts = [s.strip() for s in body.split(";")]
        if stmts and stmts[-1]:
            errors.append(f"{path}: upstream {name}: missing ';' after '{stmts[-1]}'")
        for s in filter(None, stmts):
            parts = s.split()
            if parts[0] == "server":
                if len(parts) < 2 or not re.fullmatch(r"\d+\.\d+\.\d+\.\d+:\d+", parts[1]):
                    errors.append(f"{path}: upstream {name}: bad server address in '{s}'")
                    continue
                bad = [p for p in parts[2:] if not PARAMS.match(p)]
                if bad:
                    errors.append(f"{path}: upstream {name}: invalid parameter(s) {bad}")
                servers.append({"addr": parts[1], "params": parts[2:]})
            elif parts[0] not in ("least_conn", "ip_hash", "keepalive", "hash", "random", "zone"):
                errors.append(f"{path}: upstream {name}: unknown directive '{parts[0]}'")
        ups[name] = servers
    return ups, errors


def main():
    ups, errors = {}, []
    for path in sorted(glob.glob("nginx/conf.d/*.conf")):
        u, e = parse(path)
        errors += e
        for k in u:
            if k in ups:
                errors.append(f"{path}: upstream {k} already defined in another file")
        ups.update(u)
    hosts = yaml.safe_load(open("inventory/hosts.yaml", encoding="utf-8"))["hosts"]
    by_ip = {h["ip"]: h for h in hosts}
    for name, servers in ups.items():
        for s in servers:
            ip = s["addr"].split(":")[0]
            h = by_ip.get(ip)
            if h is None or h.get("status") not in ("active", "maintenance"):
                errors.append(f"upstream {name}: {s['addr']} is not an active/maintenance host in the inventory")
            elif h["status"] == "maintenance" and "down" not in s["params"]:
                errors.append(f"upstream {name}: {h['name']} is in maintenance but not marked down")
            elif h["status"] == "active" and "down" in s["params"]:
                errors.append(f"upstream {name}: {h['name']} is active but marked down")
    for h in hosts:
        if h.get("status") != "active":
            continue
        for name in h.get("upstreams", []):
            ips = [s["addr"].split(":")[0] for s in ups.get(name, [])]
            if h["ip"] not in ips:
                errors.append(f"inventory: {h['name']} should be in upstream {name} but is not")
    for e in errors:
        print(e)
    print(f"{len(ups)} upstreams, {sum(len(s) for s in ups.values())} servers, {len(errors)} problem(s)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
