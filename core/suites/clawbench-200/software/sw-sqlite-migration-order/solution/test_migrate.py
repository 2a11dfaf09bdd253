import os
import sqlite3
import tempfile
import unittest

from shelfwise.migrate import apply_migrations


class MigrateTest(unittest.TestCase):
    def test_applies_in_order_and_once(self):
        with tempfile.TemporaryDirectory() as d:
            open(os.path.join(d, "1_a.sql"), "w").write("CREATE TABLE a (x INTEGER);")
            open(os.path.join(d, "2_b.sql"), "w").write("CREATE TABLE b (y INTEGER REFERENCES a(x));")
            conn = sqlite3.connect(":memory:")
            self.assertEqual(apply_migrations(conn, d), [1, 2])
            self.assertEqual(apply_migrations(conn, d), [])

    def test_numeric_order_and_other_files(self):
        # SW-61: 10_x.sql sorted before 2_y.sql and README.md was run as SQL
        with tempfile.TemporaryDirectory() as d:
            open(os.path.join(d, "1_a.sql"), "w").write("CREATE TABLE a (x INTEGER);")
            open(os.path.join(d, "2_b.sql"), "w").write("CREATE TABLE b (y INTEGER);")
            open(os.path.join(d, "10_c.sql"), "w").write("CREATE INDEX idx_b ON b(y);")
            open(os.path.join(d, "README.md"), "w").write("# not a migration")
            conn = sqlite3.connect(":memory:")
            self.assertEqual(apply_migrations(conn, d), [1, 2, 10])

    def test_duplicate_version(self):
        with tempfile.TemporaryDirectory() as d:
            open(os.path.join(d, "1_a.sql"), "w").write("CREATE TABLE a (x INTEGER);")
            open(os.path.join(d, "01_b.sql"), "w").write("CREATE TABLE b (y INTEGER);")
            with self.assertRaises(ValueError):
                apply_migrations(sqlite3.connect(":memory:"), d)

    def test_project_migrations_fresh_install(self):
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        conn = sqlite3.connect(":memory:")
        versions = apply_migrations(conn, os.path.join(root, "migrations"))
        self.assertEqual(versions, sorted(versions))
        self.assertEqual(versions[0], 1)


if __name__ == "__main__":
    unittest.main()
