"""Schema versions, applied in order. PRAGMA user_version records how far a database is.

Add a migration by appending a SQL script; never edit one that has shipped."""
from __future__ import annotations

import sqlite_utils


V1 = """
    create table tasks (
        id text primary key, path text, title text, domain text, difficulty text,
        capabilities text, origin text, suite text, fingerprint text, loaded_at real
    );
    create table runs (
        id text primary key, task_id text not null, task_path text, task_fingerprint text,
        agent text not null, model text, judge text, sandbox text,
        status text not null, started_at real not null, finished_at real,
        score real, solved integer, turns integer default 0,
        tokens_in integer default 0, tokens_out integer default 0, cost real default 0,
        error text, pid integer, host text, suite_run_id text, sample integer default 0, meta text
    );
    create index runs_task on runs(task_id, started_at);
    create index runs_status on runs(status);
    create table events (
        run_id text not null references runs(id) on delete cascade,
        seq integer not null, type text not null, ts real not null, payload text not null,
        primary key (run_id, seq)
    ) without rowid;
    create index events_type on events(run_id, type, seq);
    create table blobs (sha256 text primary key, size integer not null, data blob not null) without rowid;
    create table scores (
        run_id text not null references runs(id) on delete cascade,
        kind text not null, name text not null, type text, passed integer, weight real, points real,
        observed text, expected text, description text, detail text,
        primary key (run_id, kind, name)
    );
"""


# Suite runs: one row per `clawbench bench` invocation chain. Its runs point back through
# runs.suite_run_id; a resumed suite keeps its row and adds the missing (task, sample) runs.
V2 = """
    create table suite_runs (
        id text primary key, suite text not null, suite_path text not null,
        agent text not null, model text, judge text, samples integer not null, sandbox text,
        config text, status text not null, started_at real not null, finished_at real,
        pid integer, host text
    );
    create index suite_runs_config on suite_runs(suite_path, agent, status, started_at);
    create index runs_suite on runs(suite_run_id, task_id, sample);
"""


MIGRATIONS = [V1, V2]  # SQL scripts
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the database to SCHEMA_VERSION; each step is one transaction (DDL included)."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise RuntimeError(f"database schema v{current} is newer than this clawbench (v{SCHEMA_VERSION}); upgrade clawbench")
    for version in range(current, SCHEMA_VERSION):
        try:
            db.conn.executescript(f"BEGIN;\n{MIGRATIONS[version]}\nPRAGMA user_version = {version + 1};\nCOMMIT;")
        except Exception:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION
