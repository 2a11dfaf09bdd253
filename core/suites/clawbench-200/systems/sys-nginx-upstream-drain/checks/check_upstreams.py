"""Upstream blocks and inventory after OPS-977.

Usage: check_upstreams.py api|admin|ws|inventory|lint
"""
import glob
import json
import os
import subprocess
import sys

import yaml

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, CHECKS)
import lint_upstreams as lint  # noqa: E402


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


mode = sys.argv[1]
if mode == "lint":
    proc = subprocess.run([sys.executable, os.path.join(CHECKS, "lint_upstreams.py")], capture_output=True, text=True, timeout=30)
    out = proc.stdout.strip().splitlines()
    verdict(proc.returncode == 0, out[-3:] if out else proc.stderr[-300:], "0 problem(s)", "lint result")

ups, errors = {}, []
for path in sorted(glob.glob("nginx/conf.d/*.conf")):
    u, e = lint.parse(path)
    errors += e
    for k, v in u.items():
        if k in ups:
            errors.append(f"upstream {k} defined twice (extra file {path}?)")
        ups[k] = v
if errors:
    verdict(False, errors[:3], "no syntax problems", "nginx/conf.d does not parse cleanly")


def servers(name):
    return [(s["addr"], sorted(s["params"])) for s in ups.get(name, [])]


P = ["fail_timeout=15s", "max_fails=3", "weight=3"]
if mode == "api":
    want = [("10.0.1.11:8080", P), ("10.0.1.12:8080", P), ("10.0.1.13:8080", sorted(P + ["down"])),
            ("10.0.1.14:8080", ["fail_timeout=15s", "max_fails=3", "weight=2"]), ("10.0.1.15:8080", P)]
    if servers("api_backend") != want:
        verdict(False, servers("api_backend"), want, "api_backend: app-03 down, app-05 appended after app-04 with app-01..03's parameters")
    text = open("nginx/conf.d/upstreams.conf", encoding="utf-8").read()
    block = text[text.index("upstream api_backend"):text.index("}", text.index("upstream api_backend"))]
    if "least_conn;" not in block or "keepalive 32;" not in block:
        verdict(False, block, "least_conn and keepalive 32 kept", "api_backend lost a directive")
elif mode == "admin":
    want = [("10.0.1.13:9090", ["down"]), ("10.0.1.14:9090", [])]
    if servers("admin_backend") != want:
        verdict(False, servers("admin_backend"), want, "admin_backend: app-03 down, app-04 primary (no backup)")
elif mode == "ws":
    want = [("10.0.1.12:8081", []), ("10.0.1.13:8081", ["down"]), ("10.0.1.14:8081", [])]
    if servers("ws_backend") != want:
        verdict(False, servers("ws_backend"), want, "ws_backend: app-03 marked down (not removed), no app-05")
    text = open("nginx/conf.d/upstreams.conf", encoding="utf-8").read()
    if "ip_hash;" not in text[text.index("upstream ws_backend"):]:
        verdict(False, "no ip_hash", "ip_hash", "ws_backend lost ip_hash")
elif mode == "inventory":
    try:
        hosts = yaml.safe_load(open("inventory/hosts.yaml", encoding="utf-8"))["hosts"]
    except Exception as e:  # noqa: BLE001
        verdict(False, "unparseable", "valid YAML", str(e).splitlines()[0])
    names = [h.get("name") for h in hosts]
    if names != ["app-01", "app-02", "app-03", "app-04", "app-05", "app-00"]:
        verdict(False, names, ["app-01", "app-02", "app-03", "app-04", "app-05", "app-00"], "app-05 must be added after app-04")
    want = {
        "app-01": {"name": "app-01", "ip": "10.0.1.11", "size": "c6i.2xlarge", "status": "active", "upstreams": ["api_backend"]},
        "app-02": {"name": "app-02", "ip": "10.0.1.12", "size": "c6i.2xlarge", "status": "active", "upstreams": ["api_backend", "ws_backend"]},
        "app-03": {"name": "app-03", "ip": "10.0.1.13", "size": "c6i.2xlarge", "status": "maintenance", "maintenance_ticket": "OPS-977",
                   "upstreams": ["api_backend", "admin_backend", "ws_backend"]},
        "app-04": {"name": "app-04", "ip": "10.0.1.14", "size": "c6i.xlarge", "status": "active",
                   "upstreams": ["admin_backend", "api_backend", "ws_backend"]},
        "app-05": {"name": "app-05", "ip": "10.0.1.15", "size": "c6i.2xlarge", "status": "active", "upstreams": ["api_backend"]},
        "app-00": {"name": "app-00", "ip": "10.0.1.10", "size": "m5.xlarge", "status": "decommissioned", "upstreams": []},
    }
    for h in hosts:
        got = dict(h)
        if h["name"] == "app-04":
            got["upstreams"] = sorted(got.get("upstreams", []))
        if got != want[h["name"]]:
            verdict(False, got, want[h["name"]], f"inventory entry {h['name']} is wrong")
else:
    verdict(False, mode, "known mode", "bad argument")
verdict(True, mode, mode, f"{mode} ok")
