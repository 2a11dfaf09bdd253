#!/usr/bin/env python3
"""Consistency checks for infra-config (run by CI). Exit 1 on any error."""
import configparser
import glob
import re
import sys

import yaml

errors, warnings = [], []

inv = configparser.ConfigParser(allow_no_value=True, delimiters=(" ",), strict=True)
inv.optionxform = str
try:
    inv.read("ansible/inventory.ini")
except configparser.Error as e:
    errors.append(f"ansible/inventory.ini: {e}")
hosts = {}
for section in inv.sections():
    if ":" in section:
        continue
    for name, value in inv.items(section):
        m = re.search(r"ansible_host=(\S+)", value or "")
        if m:
            hosts[name] = m.group(1)
for section in inv.sections():
    if section.endswith(":children"):
        for child in inv[section]:
            if child not in inv.sections():
                errors.append(f"ansible/inventory.ini: [{section}] lists unknown group {child!r}")
    elif section.endswith(":vars"):
        if section[:-5] not in inv.sections():
            errors.append(f"ansible/inventory.ini: [{section}] has no group {section[:-5]!r}")
    else:
        for name in inv[section]:
            if name not in hosts:
                errors.append(f"ansible/inventory.ini: [{section}] lists {name!r}, which has no ansible_host line")
        if not list(inv[section]):
            warnings.append(f"ansible/inventory.ini: group [{section}] is empty")
ips, names = set(hosts.values()), set(hosts)

for path in sorted(glob.glob("monitoring/prometheus/targets/*.yml")):
    try:
        groups = yaml.safe_load(open(path))
    except yaml.YAMLError as e:
        errors.append(f"{path}: not valid YAML: {str(e).splitlines()[0]}")
        continue
    for i, group in enumerate(groups or []):
        if not isinstance(group, dict) or not group.get("targets"):
            errors.append(f"{path}: target group {i} has no targets")
            continue
        for target in group["targets"]:
            host = re.sub(r"^\w+://", "", str(target)).split("/")[0].rsplit(":", 1)[0]
            short = host.split(".")[0]
            if host not in ips and short not in names and not host.startswith("catalog."):
                errors.append(f"{path}: target {target} is not a host of the inventory")

servers = {}
backend = None
for n, line in enumerate(open("haproxy/haproxy.cfg"), 1):
    if re.match(r"^(backend|listen|frontend|defaults|global)\b", line):
        backend = line.split()[1] if line.startswith("backend") else None
        if backend:
            servers[backend] = []
    m = re.match(r"^\s+server\s+(\S+)\s+([\d.]+):\d+", line)
    if m and backend:
        servers[backend].append(m.group(1))
        if m.group(2) not in ips:
            errors.append(f"haproxy/haproxy.cfg:{n}: server {m.group(1)} ({m.group(2)}) is not in the inventory")
for be, names_ in servers.items():
    if not names_:
        errors.append(f"haproxy/haproxy.cfg: backend {be} has no server")

for path in ("backup/include-hosts.txt", "backup/retain-only.txt"):
    for n, line in enumerate(open(path), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name = line.split()[0]
        if path.endswith("include-hosts.txt") and name not in names:
            errors.append(f"{path}:{n}: {name} is not in the inventory")
        if path.endswith("retain-only.txt") and not re.fullmatch(r"\S+ until=\d{4}-\d{2}-\d{2}", line):
            errors.append(f"{path}:{n}: expected '<host> until=YYYY-MM-DD'")

for w in warnings:
    print("warning:", w)
for e in errors:
    print("error:", e)
print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
sys.exit(1 if errors else 0)
