"""Hidden tests of shelfwise.migrate (module docstring and tickets/SW-61.md)."""
import os
import sqlite3
import tempfile
import unittest

from shelfwise.migrate import apply_migrations, pending_migrations


def folder(files):
    d = tempfile.mkdtemp()
    for name, sql in files.items():
        with open(os.path.join(d, name), "w") as fh:
            fh.write(sql)
    return d


class RunnerTest(unittest.TestCase):
    def test_numeric_order(self):
        d = folder({"1_a.sql": "CREATE TABLE a (x INTEGER);",
                    "2_b.sql": "CREATE TABLE b (x INTEGER);",
                    "10_c.sql": "CREATE INDEX i_b ON b(x);",
                    "9_d.sql": "ALTER TABLE a ADD COLUMN y TEXT;",
                    "11_e.sql": "CREATE INDEX i_a_y ON a(y);"})
        conn = sqlite3.connect(":memory:")
        self.assertEqual(apply_migrations(conn, d), [1, 2, 9, 10, 11])
        self.assertEqual([r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY rowid")], [1, 2, 9, 10, 11])

    def test_leading_zeros(self):
        d = folder({"001_a.sql": "CREATE TABLE a (x INTEGER);", "2_b.sql": "CREATE TABLE b (x INTEGER REFERENCES a(x));",
                    "0010_c.sql": "CREATE INDEX i_b ON b(x);"})
        conn = sqlite3.connect(":memory:")
        self.assertEqual(apply_migrations(conn, d), [1, 2, 10])

    def test_other_files_ignored(self):
        d = folder({"1_a.sql": "CREATE TABLE a (x INTEGER);", "README.md": "# not SQL",
                    "2_b.sql.orig": "this is not sql", ".DS_Store": "junk", "notes_3.sql": "junk",
                    "3_Bad-Name.sql": "junk", "4_c.sql": "CREATE TABLE c (x INTEGER);"})
        conn = sqlite3.connect(":memory:")
        self.assertEqual(apply_migrations(conn, d), [1, 4])

    def test_incremental(self):
        d = folder({"1_a.sql": "CREATE TABLE a (x INTEGER);", "2_b.sql": "CREATE TABLE b (x INTEGER);"})
        conn = sqlite3.connect(":memory:")
        self.assertEqual(apply_migrations(conn, d), [1, 2])
        with open(os.path.join(d, "12_c.sql"), "w") as fh:
            fh.write("CREATE TABLE c (x INTEGER);")
        with open(os.path.join(d, "3_d.sql"), "w") as fh:
            fh.write("CREATE TABLE d (x INTEGER);")
        self.assertEqual([v for v, _ in pending_migrations(conn, d)], [3, 12])
        self.assertEqual(apply_migrations(conn, d), [3, 12])
        self.assertEqual(apply_migrations(conn, d), [])

    def test_duplicate_versions_rejected_before_anything_runs(self):
        d = folder({"1_a.sql": "CREATE TABLE a (x INTEGER);", "2_b.sql": "CREATE TABLE b (x INTEGER);",
                    "02_b_again.sql": "CREATE TABLE b2 (x INTEGER);"})
        conn = sqlite3.connect(":memory:")
        with self.assertRaises(ValueError):
            apply_migrations(conn, d)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.assertNotIn("a", tables)


if __name__ == "__main__":
    unittest.main()
