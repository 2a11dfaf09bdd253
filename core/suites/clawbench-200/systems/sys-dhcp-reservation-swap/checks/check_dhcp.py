"""Checks for sys-dhcp-reservation-swap: `conf` (10-office.conf reservations and every other line),
`assets` (inventory/assets.csv rows), `guest` (20-guest.conf unchanged)."""
import csv
import hashlib
import ipaddress
import json
import sys

CONF = "etc/dnsmasq.d/10-office.conf"
EXPECTED_HOSTS = [["52:54:00:1a:7c:01", "nas", "192.168.40.10", "infinite"], ["52:54:00:1a:7c:02", "pbx", "192.168.40.11", "infinite"], ["b8:27:eb:4d:90:13", "backup-pi", "192.168.40.12", "infinite"], ["3c:2a:f4:11:09:be", "prn-reception", "192.168.40.20", "24h"], ["00:1b:a9:3e:55:21", "prn-office", "192.168.40.21", "24h"], ["30:05:5c:8a:12:e4", "prn-lab", "192.168.40.22", "24h"], ["f4:a9:97:10:5d:3c", "prn-xray", "192.168.40.23", "24h"], ["ac:18:26:4b:7f:51", "prn-billing", "192.168.40.25", "24h"], ["00:1b:a9:3e:61:07", "prn-labels", "192.168.40.26", "24h"], ["64:eb:8c:02:3d:9a", "prn-treat2", "192.168.40.27", "24h"], ["bc:ad:28:71:0e:31", "cam-entrance", "192.168.40.60", "infinite"], ["bc:ad:28:71:0e:32", "cam-parking", "192.168.40.61", "infinite"], ["bc:ad:28:71:0e:38", "cam-backdoor", "192.168.40.63", "infinite"]]
OTHER_LINES = [
    "# Office LAN 192.168.40.0/24 (Zahnarztpraxis Dr. Brandt, Hauptstr. 12)",
    "# Managed by IT - conventions in docs/network-conventions.md",
    "interface=eth1",
    "domain=praxis-brandt.lan",
    "dhcp-range=set:office,192.168.40.100,192.168.40.199,255.255.255.0,12h",
    "dhcp-option=tag:office,option:router,192.168.40.1",
    "dhcp-option=tag:office,option:dns-server,192.168.40.2",
    "dhcp-option=tag:office,option:ntp-server,192.168.40.10",
    "# --- servers (.10-.19) ---",
    "# --- printers (.20-.39) ---",
    "# .24 is the plotter, configured statically on the device - never reserve or hand out",
    "# --- cameras (.60-.79) ---"
]
EXPECTED_ASSETS = {
    "A-0101": {
        "asset_id": "A-0101",
        "hostname": "nas",
        "type": "server",
        "location": "server closet",
        "mac": "52:54:00:1a:7c:01",
        "ip": "192.168.40.10",
        "status": "active"
    },
    "A-0102": {
        "asset_id": "A-0102",
        "hostname": "pbx",
        "type": "server",
        "location": "server closet",
        "mac": "52:54:00:1a:7c:02",
        "ip": "192.168.40.11",
        "status": "active"
    },
    "A-0107": {
        "asset_id": "A-0107",
        "hostname": "backup-pi",
        "type": "server",
        "location": "server closet",
        "mac": "b8:27:eb:4d:90:13",
        "ip": "192.168.40.12",
        "status": "active"
    },
    "A-0201": {
        "asset_id": "A-0201",
        "hostname": "prn-reception",
        "type": "printer",
        "location": "reception",
        "mac": "3c:2a:f4:11:09:be",
        "ip": "192.168.40.20",
        "status": "active"
    },
    "A-0202": {
        "asset_id": "A-0202",
        "hostname": "prn-office",
        "type": "printer",
        "location": "back office",
        "mac": "00:1b:a9:3e:55:21",
        "ip": "192.168.40.21",
        "status": "active"
    },
    "A-0205": {
        "asset_id": "A-0205",
        "hostname": "prn-lab",
        "type": "printer",
        "location": "lab",
        "mac": "30:05:5c:8a:12:e4",
        "ip": "192.168.40.22",
        "status": "active"
    },
    "A-0206": {
        "asset_id": "A-0206",
        "hostname": "prn-xray",
        "type": "printer",
        "location": "x-ray room",
        "mac": "f4:a9:97:10:5d:3c",
        "ip": "192.168.40.23",
        "status": "active"
    },
    "A-0207": {
        "asset_id": "A-0207",
        "hostname": "plotter",
        "type": "printer",
        "location": "lab",
        "mac": "00:1b:a9:77:02:4e",
        "ip": "192.168.40.24",
        "status": "active"
    },
    "A-0210": {
        "asset_id": "A-0210",
        "hostname": "prn-billing",
        "type": "printer",
        "location": "billing",
        "mac": "ac:18:26:4b:7f:51",
        "ip": "192.168.40.25",
        "status": "active"
    },
    "A-0214": {
        "asset_id": "A-0214",
        "hostname": "prn-labels",
        "type": "printer",
        "location": "reception",
        "mac": "00:1b:a9:3e:61:07",
        "ip": "192.168.40.26",
        "status": "active"
    },
    "A-0211": {
        "asset_id": "A-0211",
        "hostname": "prn-treat2",
        "type": "printer",
        "location": "treatment 2",
        "mac": "64:eb:8c:02:3d:9a",
        "ip": "192.168.40.27",
        "status": "active"
    },
    "A-0199": {
        "asset_id": "A-0199",
        "hostname": "prn-treat1",
        "type": "printer",
        "location": "treatment 1",
        "mac": "",
        "ip": "",
        "status": "retired"
    },
    "A-0301": {
        "asset_id": "A-0301",
        "hostname": "cam-entrance",
        "type": "camera",
        "location": "entrance",
        "mac": "bc:ad:28:71:0e:31",
        "ip": "192.168.40.60",
        "status": "active"
    },
    "A-0302": {
        "asset_id": "A-0302",
        "hostname": "cam-parking",
        "type": "camera",
        "location": "parking",
        "mac": "bc:ad:28:71:0e:32",
        "ip": "192.168.40.61",
        "status": "active"
    },
    "A-0305": {
        "asset_id": "A-0305",
        "hostname": "cam-storage",
        "type": "camera",
        "location": "storage room",
        "mac": "",
        "ip": "",
        "status": "retired"
    },
    "A-0308": {
        "asset_id": "A-0308",
        "hostname": "cam-backdoor",
        "type": "camera",
        "location": "back door",
        "mac": "bc:ad:28:71:0e:38",
        "ip": "192.168.40.63",
        "status": "active"
    }
}
GUEST_SHA256 = "454beab4fed977781d628695ff5bb3f00a6c2b89efeae71c904a14ed23e4a064"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def read(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")


what = sys.argv[1]
if what == "conf":
    lines = read(CONF).splitlines()
    hosts = [l.strip().split("=", 1)[1].split(",") for l in lines if l.strip().startswith("dhcp-host=")]
    other = [l.rstrip() for l in lines if l.strip() and not l.strip().startswith("dhcp-host=")]
    if sorted(hosts) != sorted(EXPECTED_HOSTS):
        missing = [h for h in EXPECTED_HOSTS if h not in hosts]
        extra = [h for h in hosts if h not in EXPECTED_HOSTS]
        verdict(False, {"unexpected": extra}, {"missing": missing}, "the dhcp-host reservations are not the expected set")
    ips = [ipaddress.ip_address(h[2]) for h in hosts]
    if ips != sorted(ips):
        verdict(False, [h[1] for h in hosts], [h[1] for h in EXPECTED_HOSTS], "reservations are not kept in their blocks ordered by IP")
    if other != OTHER_LINES:
        verdict(False, [l for l in other if l not in OTHER_LINES], [l for l in OTHER_LINES if l not in other], "lines other than the reservations were changed, added or removed")
    verdict(True, len(hosts), len(EXPECTED_HOSTS), "reservations updated, rest of the file unchanged")
elif what == "assets":
    try:
        with open("inventory/assets.csv", newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames
            rows = list(reader)
    except FileNotFoundError:
        verdict(False, "missing", "inventory/assets.csv", "inventory/assets.csv does not exist")
    want_header = ["asset_id", "hostname", "type", "location", "mac", "ip", "status"]
    if header != want_header:
        verdict(False, header, want_header, "the asset list header changed")
    got = {r["asset_id"]: {k: (v or "").strip() for k, v in r.items()} for r in rows}
    if len(got) != len(rows):
        verdict(False, len(rows), len(got), "duplicate asset ids")
    diff = {k: got.get(k) for k in set(got) | set(EXPECTED_ASSETS) if got.get(k) != EXPECTED_ASSETS.get(k)}
    if diff:
        verdict(False, diff, {k: EXPECTED_ASSETS.get(k) for k in diff}, "asset rows differ from the expected state")
    verdict(True, len(got), len(EXPECTED_ASSETS), "asset list agrees with the reservations")
elif what == "guest":
    data = read("etc/dnsmasq.d/20-guest.conf").encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    verdict(digest == GUEST_SHA256, digest, GUEST_SHA256, "20-guest.conf must stay byte for byte unchanged")
verdict(False, what, "conf|assets|guest", "unknown check")
