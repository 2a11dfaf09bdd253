"""etc/nftables.conf: the four service sets hold exactly the ports inventory/services.yaml
approves for them; everything else (address sets, chains, rules, comments) is unchanged."""
import json
import os
import re
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHECKS, "expected_nft.json")))
SERVICE_SETS = ("public_tcp", "public_udp", "admin_tcp", "internal_tcp")


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def split_sets(text):
    """Return ({set name: elements text or None}, text with service-set elements blanked)."""
    found, out, pos = {}, [], 0
    for m in re.finditer(r"\bset\s+(\w+)\s*\{", text):
        if m.start() < pos:
            continue
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        body = text[m.end():i - 1]
        el = re.search(r"elements\s*=\s*\{([^}]*)\}", body)
        found[m.group(1)] = el.group(1) if el else None
        if m.group(1) in SERVICE_SETS and el:
            body = body[:el.start(1)] + " ELEMENTS " + body[el.end(1):]
        out.append(text[pos:m.end()] + body + "}")
        pos = i
    out.append(text[pos:])
    return found, "".join(out)


def norm(text):
    return [" ".join(l.split()) for l in text.splitlines() if l.strip()]


try:
    text = open("etc/nftables.conf").read()
except FileNotFoundError:
    verdict(False, "missing", "etc/nftables.conf", "the firewall config is gone")
if text.count("{") != text.count("}"):
    verdict(False, "unbalanced braces", "valid nft syntax", "nftables.conf would not load")
got, rest = split_sets(text)
_, rest_before = split_sets(EXP["before"])
problems = []
for name, want in EXP["after_sets"].items():
    raw = got.get(name)
    if raw is None:
        problems.append(f"set {name} missing or without elements")
        continue
    try:
        ports = sorted(int(x) for x in raw.replace("\n", " ").split(",") if x.strip())
    except ValueError:
        problems.append(f"set {name}: elements are not plain port numbers: {raw.strip()!r}")
        continue
    if ports != want:
        problems.append(f"set {name}: {ports} != {want}")
if problems:
    verdict(False, problems, EXP["after_sets"], "service sets do not match the approved exposure")
if norm(rest) != norm(rest_before):
    extra = [l for l in norm(rest) if l not in norm(rest_before)][:4]
    verdict(False, extra or "lines reordered/removed", "only set elements changed", "something besides the service set elements changed")
verdict(True, {k: v for k, v in EXP["after_sets"].items()}, EXP["after_sets"], "service sets match services.yaml, rest unchanged")
