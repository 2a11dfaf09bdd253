import sqlite3
import unittest
from pathlib import Path

SCHEMA = Path("data/extract-2024-06.sql").read_text(encoding="utf-8").split("INSERT INTO", 1)[0]
QUERY = Path("sql/tutor_payouts.sql").read_text(encoding="utf-8")
PARAMS = {"month_start": "2024-06-01", "month_end": "2024-07-01", "month_last_day": "2024-06-30"}


def report(sql):
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA + sql)
    cur = db.execute(QUERY, PARAMS)
    names = [d[0] for d in cur.description]
    return {row[0]: dict(zip(names, row)) for row in cur.fetchall()}


class PayoutQueryTest(unittest.TestCase):
    def test_single_session(self):
        rows = report("""
            INSERT INTO tutors VALUES (1, 'A', 'active');
            INSERT INTO sessions VALUES (1, 1, '2024-06-10 15:00:00', 60, 'completed');
            INSERT INTO payments VALUES (1, 1, 'parent', 3000, 'captured');
            INSERT INTO reviews VALUES (1, 1, 5);
        """)
        self.assertEqual((rows[1]["sessions"], rows[1]["gross_cents"], rows[1]["fee_cents"], rows[1]["payout_cents"]),
                         (1, 3000, 450, 2550))

    def test_split_payment_counts_once(self):
        rows = report("""
            INSERT INTO tutors VALUES (1, 'A', 'active');
            INSERT INTO sessions VALUES (1, 1, '2024-06-10 15:00:00', 60, 'completed');
            INSERT INTO payments VALUES (1, 1, 'voucher', 1000, 'captured');
            INSERT INTO payments VALUES (2, 1, 'parent', 2000, 'captured');
            INSERT INTO refunds VALUES (1, 1, 500, '2024-06-12 10:00:00');
        """)
        self.assertEqual((rows[1]["sessions"], rows[1]["gross_cents"], rows[1]["refunds_cents"]), (1, 3000, 500))

    def test_tutor_without_sessions_is_listed(self):
        rows = report("""
            INSERT INTO tutors VALUES (1, 'A', 'active');
            INSERT INTO tutors VALUES (2, 'B', 'active');
            INSERT INTO sessions VALUES (1, 1, '2024-06-10 15:00:00', 60, 'completed');
            INSERT INTO payments VALUES (1, 1, 'parent', 3000, 'captured');
        """)
        self.assertEqual(sorted(rows), [1, 2])
        self.assertEqual((rows[2]["sessions"], rows[2]["payout_cents"], rows[2]["avg_rating"]), (0, 0, None))


if __name__ == "__main__":
    unittest.main()
