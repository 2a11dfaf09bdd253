"""Checks for sys-postgres-memory-tuning.
`tuned`: the ten guide settings take the expected effective values (postgresql.conf, then
conf.d/*.conf in name order, last one wins) and are set once, in postgresql.conf.
`others`: every other effective setting is unchanged and both conf.d files still exist."""
import glob
import json
import os
import re
import sys

BASE = "etc/postgresql/16/main"
EXPECTED = {
    "shared_buffers": 16000, "effective_cache_size": 48128, "maintenance_work_mem": 2048,
    "work_mem": 80, "max_worker_processes": 16, "max_parallel_workers": 16,
    "max_parallel_workers_per_gather": 4, "max_parallel_maintenance_workers": 4,
    "random_page_cost": 1.1, "effective_io_concurrency": 200,
}
MEMORY = {"shared_buffers", "effective_cache_size", "maintenance_work_mem", "work_mem"}
OTHERS = {
    "data_directory": "/var/lib/postgresql/16/main",
    "hba_file": "/etc/postgresql/16/main/pg_hba.conf",
    "ident_file": "/etc/postgresql/16/main/pg_ident.conf",
    "external_pid_file": "/var/run/postgresql/16-main.pid",
    "listen_addresses": "localhost,10.20.0.12",
    "port": "5432",
    "max_connections": "200",
    "unix_socket_directories": "/var/run/postgresql",
    "ssl": "on",
    "ssl_cert_file": "/etc/ssl/certs/db-prod-2.pem",
    "ssl_key_file": "/etc/ssl/private/db-prod-2.key",
    "dynamic_shared_memory_type": "posix",
    "checkpoint_timeout": "15min",
    "max_wal_size": "4GB",
    "min_wal_size": "1GB",
    "default_statistics_target": "100",
    "log_line_prefix": "%m [%p] %q%u@%d ",
    "log_timezone": "Europe/Berlin",
    "log_checkpoints": "on",
    "log_lock_waits": "on",
    "log_temp_files": "0",
    "cluster_name": "db-prod-2",
    "autovacuum_max_workers": "4",
    "autovacuum_naptime": "30s",
    "datestyle": "iso, mdy",
    "timezone": "Europe/Berlin",
    "lc_messages": "C.UTF-8",
    "lc_monetary": "C.UTF-8",
    "lc_numeric": "C.UTF-8",
    "lc_time": "C.UTF-8",
    "default_text_search_config": "pg_catalog.english",
    "include_dir": "conf.d",
    "wal_level": "replica",
    "max_wal_senders": "5",
    "max_replication_slots": "5",
    "wal_keep_size": "2GB",
    "hot_standby": "on",
    "log_min_duration_statement": "500"
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def parse(path):
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            m = re.match(r"([A-Za-z_][A-Za-z0-9_.]*)\s*=?\s*(.*)$", line)
            if m:
                out.append((m.group(1).lower(), m.group(2).strip().strip("'")))
    return out


def to_mb(key, value):
    m = re.fullmatch(r"(\d+)\s*(kB|MB|GB|TB)?", value)
    if not m:
        return None
    # without a unit, shared_buffers/effective_cache_size count 8kB pages, the others kB
    default = "page" if key in ("shared_buffers", "effective_cache_size") else "kB"
    n, unit = int(m.group(1)), m.group(2) or default
    factor = {"kB": 1 / 1024, "MB": 1, "GB": 1024, "TB": 1024 * 1024, "page": 8 / 1024}[unit]
    return n * factor


main = os.path.join(BASE, "postgresql.conf")
if not os.path.exists(main):
    verdict(False, "missing", main, "postgresql.conf is missing")
files = [main] + sorted(glob.glob(os.path.join(BASE, "conf.d", "*.conf")))
effective, where = {}, {}
for f in files:
    for key, value in parse(f):
        effective[key] = value
        where.setdefault(key, []).append(os.path.relpath(f, BASE))

what = sys.argv[1]
if what == "tuned":
    wrong = {}
    for key, want in EXPECTED.items():
        raw = effective.get(key)
        if raw is None:
            wrong[key] = None
            continue
        try:
            got = to_mb(key, raw) if key in MEMORY else float(raw)
        except ValueError:
            got = None
        if got is None or abs(got - want) > 1e-9:
            wrong[key] = raw
    if wrong:
        verdict(False, wrong, {k: EXPECTED[k] for k in wrong}, "effective values differ from the guide (memory compared in MB)")
    placed = {k: where[k] for k in EXPECTED if where.get(k) != ["postgresql.conf"]}
    if placed:
        verdict(False, placed, "set exactly once, in postgresql.conf", "a tuned setting is duplicated or still overridden in conf.d")
    verdict(True, {k: effective[k] for k in EXPECTED}, EXPECTED, "all ten settings take the guide's values")
elif what == "others":
    for name in ("10-replication.conf", "99-legacy.conf"):
        if not os.path.exists(os.path.join(BASE, "conf.d", name)):
            verdict(False, "missing", name, f"conf.d/{name} was deleted; only the conflicting lines may go")
    rest = {k: v for k, v in effective.items() if k not in EXPECTED}
    if rest != OTHERS:
        diff = {k: rest.get(k) for k in set(rest) | set(OTHERS) if rest.get(k) != OTHERS.get(k)}
        verdict(False, diff, {k: OTHERS.get(k) for k in diff}, "settings outside the guide were changed, added or removed")
    verdict(True, len(rest), len(OTHERS), "all other settings unchanged")
verdict(False, what, "tuned|others", "unknown check")
