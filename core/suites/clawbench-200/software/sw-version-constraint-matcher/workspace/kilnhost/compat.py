"""Plugin compatibility matrix.

    python3 -m kilnhost.compat REGISTRY.toml --hosts 2.4.0-rc.2,2.4.0 --out FILE.csv

Reads the plugin registry (`[[plugin]]` tables with `name`, `version`, `requires_host`) and
writes one row per plugin, sorted by name: `plugin,requires_host,<host 1>,<host 2>,...` with `yes`
or `no` per host version, or `invalid` in every host column when the constraint does not
parse.
"""
from __future__ import annotations

import argparse
import csv
import sys
import tomllib
from pathlib import Path

from .semver import Version, satisfies


def matrix(registry: str, hosts: list[str]) -> list[dict]:
    host_versions = [Version.parse(h) for h in hosts]
    rows = []
    with open(registry, "rb") as fh:
        plugins = tomllib.load(fh)["plugin"]
    for meta in plugins:
        row = {"plugin": meta["name"], "requires_host": meta["requires_host"]}
        for host, version in zip(hosts, host_versions):
            try:
                row[host] = "yes" if satisfies(version, meta["requires_host"]) else "no"
            except ValueError:
                row[host] = "invalid"
        rows.append(row)
    return sorted(rows, key=lambda r: r["plugin"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kilnhost.compat")
    parser.add_argument("registry")
    parser.add_argument("--hosts", required=True, help="comma-separated host versions")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    hosts = [h.strip() for h in args.hosts.split(",") if h.strip()]
    rows = matrix(args.registry, hosts)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["plugin", "requires_host", *hosts])
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} plugin(s) written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
