import unittest

from shiftlog.report import weekly_totals


class ReportTest(unittest.TestCase):
    def test_totals_per_agent(self):
        rows = [{"agent": "ana", "duration": "1h"}, {"agent": "ana", "duration": "30m"},
                {"agent": "bo", "duration": "15"}]
        totals, skipped = weekly_totals(rows)
        self.assertEqual(totals, {"ana": (2, 90), "bo": (1, 15)})
        self.assertEqual(skipped, 0)

    def test_blank_duration_skipped(self):
        totals, skipped = weekly_totals([{"agent": "ana", "duration": " "}])
        self.assertEqual((totals, skipped), ({}, 1))


if __name__ == "__main__":
    unittest.main()
