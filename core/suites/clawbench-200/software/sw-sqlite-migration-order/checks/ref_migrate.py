"""Apply the SQL migrations in migrations/ to a shelfwise SQLite database.

A migration is a file named `<version>_<name>.sql` (version = a positive integer, leading
zeros allowed, name = lowercase letters, digits, underscores). Migrations run in ascending
numeric version order; each applied version is recorded in `schema_migrations`, so running
the tool again applies only the new ones. Other files in the folder are ignored. Two
files with the same version number are an error (ValueError), raised before anything is
applied.

    python3 -m shelfwise.migrate data/shelfwise.db [--migrations migrations]
"""
import argparse
import os
import re
import sqlite3
import sys

MIGRATION = re.compile(r"^(\d+)_([a-z0-9_]+)\.sql$")


def discover(folder):
    """[(version, path)] of the migration files in folder, in ascending version order."""
    found = {}
    for name in os.listdir(folder):
        m = MIGRATION.match(name)
        if not m:
            continue
        version = int(m.group(1))
        if version in found:
            raise ValueError(f"duplicate migration version {version}: {os.path.basename(found[version])} and {name}")
        found[version] = os.path.join(folder, name)
    return sorted(found.items())


def applied_versions(conn):
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)")
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def pending_migrations(conn, folder):
    done = applied_versions(conn)
    return [(v, p) for v, p in discover(folder) if v not in done]


def apply_migrations(conn, folder):
    """Apply every pending migration in order; return the list of versions applied."""
    applied = []
    for version, path in pending_migrations(conn, folder):
        with open(path, encoding="utf-8") as fh:
            sql = fh.read()
        conn.executescript(sql)
        conn.execute("INSERT INTO schema_migrations (version) VALUES (?)", (version,))
        conn.commit()
        applied.append(version)
    return applied


def main(argv=None):
    ap = argparse.ArgumentParser(description="Apply pending shelfwise migrations.")
    ap.add_argument("database")
    ap.add_argument("--migrations", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "migrations"))
    args = ap.parse_args(argv)
    conn = sqlite3.connect(args.database)
    versions = apply_migrations(conn, args.migrations)
    print(f"applied {len(versions)} migration(s): {versions}" if versions else "database is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
