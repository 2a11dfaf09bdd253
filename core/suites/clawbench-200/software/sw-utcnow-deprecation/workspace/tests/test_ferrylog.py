import unittest
from datetime import datetime

from ferrylog.delays import delay_minutes
from ferrylog.records import departure_record, stamp


class FerrylogTest(unittest.TestCase):
    def test_stamp(self):
        self.assertEqual(stamp(datetime(2024, 7, 1, 8, 30)), "2024-07-01T08:30:00Z")

    def test_record(self):
        rec = departure_record("MS Tärnö", "SKR-2", datetime(2024, 7, 1, 8, 30), datetime(2024, 7, 1, 8, 34, 12))
        self.assertEqual(rec["actual"], "2024-07-01T08:34:12Z")

    def test_delay(self):
        # 2024-07-01T08:30:00Z = 1719822600
        self.assertEqual(delay_minutes("2024-07-01T08:30:00Z", 1719822600 + 7 * 60), 7)
        self.assertEqual(delay_minutes("2024-07-01T08:30:00Z", 1719822600 - 90), -2)


if __name__ == "__main__":
    unittest.main()
