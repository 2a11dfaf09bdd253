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


if __name__ == "__main__":
    unittest.main()
