"""Database checks for SW-58.

    check_db.py fresh     the workspace runner builds a fresh database from migrations/ (1..12)
                          and the new column, table, constraint and index are as specified
    check_db.py backfill  migration 12 applied to a hidden production snapshot (version 11)
                          sets sms_opt_in and schedules exactly the expected reminders
    check_db.py schema    schema.sql is what scripts/dump_schema.py produces now
"""
import importlib.util
import json
import os
import sqlite3
import sys
import tempfile

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


mode = sys.argv[1]
MIG12 = "migrations/12_loan_reminders.sql"
if not os.path.exists(MIG12):
    verdict(False, "missing", MIG12, "migration 12 is missing")

if mode == "fresh":
    try:
        runner = load("ws_migrate", "shelfwise/migrate.py")
        conn = sqlite3.connect(":memory:")
        versions = runner.apply_migrations(conn, "migrations")
    except Exception as e:
        verdict(False, f"{type(e).__name__}: {e}", "versions 1..12", "a fresh install still fails")
    if list(versions) != list(range(1, 13)):
        verdict(False, list(versions), list(range(1, 13)), "a fresh install must apply 1..12 in order")
    cols = {r[1]: (r[2].upper(), r[3], r[4], r[5]) for r in conn.execute("PRAGMA table_info(members)")}
    if cols.get("sms_opt_in") != ("INTEGER", 1, "0", 0):
        verdict(False, cols.get("sms_opt_in"), ["INTEGER", 1, "0", 0], "members.sms_opt_in must be INTEGER NOT NULL DEFAULT 0")
    rcols = [(r[1], r[2].upper(), r[3], r[5]) for r in conn.execute("PRAGMA table_info(reminders)")]
    want = [("id", "INTEGER", 0, 1), ("loan_id", "INTEGER", 1, 0), ("channel", "TEXT", 1, 0), ("send_on", "TEXT", 1, 0), ("sent_at", "TEXT", 0, 0)]
    if rcols != want:
        verdict(False, rcols, want, "reminders columns (name, type, not null, pk) differ from SW-58")
    fks = [(r[2], r[3], r[4]) for r in conn.execute("PRAGMA foreign_key_list(reminders)")]
    if fks != [("loans", "loan_id", "id")]:
        verdict(False, fks, [["loans", "loan_id", "id"]], "reminders.loan_id must reference loans(id)")
    idx = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'idx_reminders_send_on'").fetchone()
    icols = [r[2] for r in conn.execute("PRAGMA index_info(idx_reminders_send_on)")]
    if not idx or icols != ["send_on"]:
        verdict(False, icols, ["send_on"], "index idx_reminders_send_on on reminders(send_on) is missing")
    conn.execute("INSERT INTO members (id, name, email) VALUES (1, 'T', 't@x')")
    conn.execute("INSERT INTO items (id, name, category) VALUES (1, 'Drill', 'drill')")
    conn.execute("INSERT INTO loans (id, item_id, member_id, loaned_on, due_on) VALUES (1, 1, 1, '2024-07-01', '2024-07-08')")
    conn.execute("INSERT INTO reminders (loan_id, channel, send_on) VALUES (1, 'sms', '2024-07-06')")
    try:
        conn.execute("INSERT INTO reminders (loan_id, channel, send_on) VALUES (1, 'fax', '2024-07-06')")
        verdict(False, "channel 'fax' accepted", "CHECK constraint", "channel must be limited to 'email' and 'sms'")
    except sqlite3.IntegrityError:
        pass
    verdict(True, "fresh install 1..12", "fresh install 1..12", "fresh install works and the schema matches SW-58")

if mode == "backfill":
    exp = json.load(open(os.path.join(CHECKS, "expected_backfill.json")))
    conn = sqlite3.connect(":memory:")
    conn.executescript(open(os.path.join(CHECKS, "snapshot_v11.sql")).read())
    try:
        conn.executescript(open(MIG12).read())
        members = {str(k): v for k, v in conn.execute("SELECT id, sms_opt_in FROM members")}
        rem = sorted(list(r) for r in conn.execute("SELECT loan_id, channel, send_on, sent_at FROM reminders"))
    except sqlite3.Error as e:
        verdict(False, str(e), "migration applies", "migration 12 fails on the production snapshot")
    if members != exp["sms_opt_in"]:
        wrong = sorted(k for k in exp["sms_opt_in"] if members.get(k) != exp["sms_opt_in"][k])
        verdict(False, {k: members.get(k) for k in wrong[:6]}, {k: exp["sms_opt_in"][k] for k in wrong[:6]}, f"sms_opt_in wrong for {len(wrong)} member(s)")
    if rem != exp["reminders"]:
        extra = [r for r in rem if r not in exp["reminders"]][:4]
        missing = [r for r in exp["reminders"] if r not in rem][:4]
        verdict(False, {"unexpected": extra, "count": len(rem)}, {"missing": missing, "count": len(exp["reminders"])}, "scheduled reminders differ")
    verdict(True, f"{len(rem)} reminders", f"{len(exp['reminders'])} reminders", "backfill and reminders as specified")

if mode == "schema":
    ref = load("ref_migrate", os.path.join(CHECKS, "ref_migrate.py"))
    conn = sqlite3.connect(":memory:")
    try:
        versions = ref.apply_migrations(conn, "migrations")
    except Exception as e:
        verdict(False, str(e), "migrations apply", "the migrations do not apply cleanly")
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                        "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name").fetchall()
    want = f"-- generated by scripts/dump_schema.py -- schema version {max(versions)}\n\n" + "".join(sql.strip() + ";\n\n" for _, _, sql in rows)
    try:
        got = open("schema.sql", encoding="utf-8").read()
    except FileNotFoundError:
        verdict(False, "missing", "schema.sql", "schema.sql is missing")
    ok = got.strip() == want.strip()
    verdict(ok, got.splitlines()[0] if got else "", want.splitlines()[0], "schema.sql is current" if ok else "schema.sql was not regenerated from the current migrations")
