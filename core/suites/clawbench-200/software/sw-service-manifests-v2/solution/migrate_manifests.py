#!/usr/bin/env python3
"""Migrate service manifests from schema 1 to schema 2 (docs/manifest-v2.md).

Usage: python3 tools/migrate_manifests.py SERVICES_DIR --teams TEAMS_CSV --report REPORT_CSV

Rewrites the schema 1 manifests directly in SERVICES_DIR (sub-folders such as legacy/ are
not touched), leaves schema 2 manifests as they are, and writes the migration report.
Nothing is written unless every manifest converts.
"""
import argparse
import csv
import re
import sys
from pathlib import Path

import yaml

UNITS_MS = {"ms": 1, "s": 1000, "m": 60_000}
DEFAULT_TIMEOUT = "30s"
DEFAULT_HEALTH_PATH = "/healthz"
DEFAULT_INTERVAL_MS = 10_000
COLUMNS = ["service", "action", "timeout_ms", "min", "max", "team", "notes"]


def parse_duration(value) -> int:
    """'1500ms', '30s' or '2m' -> milliseconds."""
    m = re.fullmatch(r"\s*(\d+)\s*(ms|s|m)\s*", str(value))
    if not m:
        raise ValueError(f"not a duration with unit ms, s or m: {value!r}")
    return int(m.group(1)) * UNITS_MS[m.group(2)]


def load_teams(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return {row["email"].strip().lower(): row["team"].strip() for row in csv.DictReader(fh)}


def parse_env(items):
    env = {}
    for item in items or []:
        key, sep, value = str(item).partition("=")
        if not sep:
            raise ValueError(f"env entry without '=': {item!r}")
        env[key] = value  # a key listed twice keeps its last value
    return env


def migrate(doc, teams):
    """(schema 2 document, notes) for a schema 1 document."""
    notes = []
    team = teams.get(str(doc["owner"]).strip().lower())
    if team is None:
        team = "unassigned"
    if "autoscale" in doc:
        auto = doc["autoscale"]
        scaling = {"min": int(auto["min"]), "max": int(auto["max"])}
        if "cpu_target" in auto:
            scaling["cpu_target_pct"] = auto["cpu_target"]
    else:
        scaling = {"min": int(doc["replicas"]), "max": int(doc["replicas"])}
    tags = list(doc.get("tags") or [])
    if "tier-1" in tags and scaling["min"] < 2:
        scaling["min"] = 2
        scaling["max"] = max(scaling["max"], 2)
        notes.append("min raised to 2")
    if team == "unassigned":
        notes.append("owner not in teams.csv")
    interval = doc.get("healthcheck_interval")
    new = {
        "schema": 2,
        "name": doc["name"],
        "team": team,
        "image": doc["image"],
        "port": doc["port"],
        "timeout_ms": parse_duration(doc.get("timeout", DEFAULT_TIMEOUT)),
        "scaling": scaling,
        "healthcheck": {"path": doc.get("healthcheck") or DEFAULT_HEALTH_PATH,
                        "interval_ms": parse_duration(interval) if interval is not None else DEFAULT_INTERVAL_MS},
        "env": parse_env(doc.get("env")),
        "tags": tags,
    }
    return new, notes


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("services")
    parser.add_argument("--teams", required=True)
    parser.add_argument("--report", required=True)
    args = parser.parse_args(argv)
    teams = load_teams(args.teams)
    planned, rows = [], []
    for path in sorted(Path(args.services).glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if doc.get("schema") == 2:
            s = doc.get("scaling", {})
            rows.append({"service": doc["name"], "action": "already-v2", "timeout_ms": doc.get("timeout_ms"),
                         "min": s.get("min"), "max": s.get("max"), "team": doc.get("team"), "notes": ""})
            continue
        if doc.get("schema") != 1:
            raise SystemExit(f"{path}: unknown schema {doc.get('schema')!r}")
        try:
            new, notes = migrate(doc, teams)
        except (KeyError, ValueError) as exc:
            raise SystemExit(f"{path}: {exc}")
        planned.append((path, new))
        rows.append({"service": new["name"], "action": "migrated", "timeout_ms": new["timeout_ms"],
                     "min": new["scaling"]["min"], "max": new["scaling"]["max"], "team": new["team"],
                     "notes": "; ".join(notes)})
    for path, new in planned:
        path.write_text(yaml.safe_dump(new, sort_keys=False, allow_unicode=True), encoding="utf-8")
    rows.sort(key=lambda r: r["service"])
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    with open(args.report, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    print(f"migrated {len(planned)} manifest(s), {len(rows) - len(planned)} already on schema 2")
    return 0


if __name__ == "__main__":
    sys.exit(main())
