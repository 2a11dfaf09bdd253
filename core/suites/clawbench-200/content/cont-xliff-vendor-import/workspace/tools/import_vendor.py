#!/usr/bin/env python3
"""Import a translation vendor delivery (CSV) into the app's XLIFF 1.2 file.

Usage: python3 tools/import_vendor.py vendor/delivery-YYYY-MM-xx.csv --month YYYY-MM

Applies the rules in l10n/README.md, rewrites the XLIFF in place and writes the
rejects report. Prints a summary of unit states afterwards.
"""
import argparse
import configparser
import csv
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter

NS = "urn:oasis:names:tc:xliff:document:1.2"
ET.register_namespace("", NS)
Q = "{%s}" % NS

# placeholders that must survive translation unchanged
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text or ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("delivery")
    ap.add_argument("--month", required=True)
    ap.add_argument("--config", default="tools/import.ini")
    args = ap.parse_args()

    cfg = configparser.ConfigParser()
    cfg.read(args.config, encoding="utf-8")
    delim = cfg["vendor"]["delimiter"]
    enc = cfg["vendor"]["encoding"]
    locked = {s.strip() for s in cfg["rules"]["locked_states"].split(",")}
    xliff_path = cfg["paths"]["xliff"]
    report_path = cfg["paths"]["report"].format(month=args.month)

    tree = ET.parse(xliff_path)
    units = {u.get("id"): u for u in tree.getroot().iter(Q + "trans-unit")}

    rejects = []
    with open(args.delivery, newline="", encoding=enc) as fh:
        for row in csv.DictReader(fh, delimiter=delim):
            uid = row["id"].strip()
            src, tgt = row["source"], row["target"]
            unit = units.get(uid)
            if unit is None:
                rejects.append((uid, "unknown_id"))
                continue
            target = unit.find(Q + "target")
            if target is None:
                target = ET.SubElement(unit, Q + "target", state="needs-translation")
            if target.get("state") in locked:
                rejects.append((uid, "locked"))
                continue
            if unit.find(Q + "source").text != src:
                rejects.append((uid, "source_changed"))
                continue
            if not tgt.strip():
                rejects.append((uid, "empty_target"))
                continue
            if placeholders(src) != placeholders(tgt):
                rejects.append((uid, "placeholder_mismatch"))
                continue
            target.text = tgt
            target.set("state", "translated")

    tree.write(xliff_path, encoding="UTF-8", xml_declaration=True)
    with open(report_path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "reason"])
        w.writerows(sorted(rejects))
    states = Counter(u.find(Q + "target").get("state") for u in units.values())
    print(f"imported; rejects: {len(rejects)}; states: {dict(sorted(states.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
