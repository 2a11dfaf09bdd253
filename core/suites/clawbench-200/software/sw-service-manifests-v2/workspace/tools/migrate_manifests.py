#!/usr/bin/env python3
"""Migrate service manifests from schema 1 to schema 2 (docs/manifest-v2.md).

Usage: python3 tools/migrate_manifests.py SERVICES_DIR --teams TEAMS_CSV --report REPORT_CSV

WIP (Joana, before her leave): the basic conversion works on auth-gateway; the other
rules of the doc still need doing.
"""
import argparse
import csv
import sys
from pathlib import Path

import yaml


def parse_duration(value):
    return int(value.rstrip("s")) * 1000


def load_teams(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return {row["email"]: row["team"] for row in csv.DictReader(fh)}


def migrate(doc, teams):
    return {
        "schema": 2,
        "name": doc["name"],
        "team": teams[doc["owner"]],
        "image": doc["image"],
        "port": doc["port"],
        "timeout_ms": parse_duration(doc["timeout"]),
        "scaling": {"min": doc["replicas"], "max": doc["replicas"]},
        "healthcheck": {"path": doc.get("healthcheck", "/healthz"), "interval_ms": 10000},
        "env": dict(item.split("=") for item in doc.get("env", [])),
        "tags": doc.get("tags", []),
    }


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("services")
    parser.add_argument("--teams", required=True)
    parser.add_argument("--report", required=True)
    args = parser.parse_args(argv)
    teams = load_teams(args.teams)
    results = []
    for path in sorted(Path(args.services).glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        results.append((path, migrate(doc, teams)))
    rows = []
    for path, new in results:
        path.write_text(yaml.safe_dump(new, sort_keys=False), encoding="utf-8")
        rows.append({"service": new["name"], "action": "migrated", "timeout_ms": new["timeout_ms"],
                     "min": new["scaling"]["min"], "max": new["scaling"]["max"], "team": new["team"], "notes": ""})
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    with open(args.report, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["service", "action", "timeout_ms", "min", "max", "team", "notes"])
        w.writeheader()
        w.writerows(rows)
    print(f"migrated {len(rows)} manifest(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
