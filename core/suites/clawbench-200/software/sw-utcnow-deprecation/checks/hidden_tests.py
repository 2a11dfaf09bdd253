"""Hidden tests of docs/time-handling.md against the workspace's ferrylog."""
import re
import unittest
from datetime import datetime, timedelta, timezone

from ferrylog import clock, records
from ferrylog.delays import delay_minutes
from ferrylog.parse import from_epoch, parse_stamp
from ferrylog.records import departure_record, stamp

UTC = timezone.utc
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def aware_utc(dt):
    return dt.tzinfo is not None and dt.utcoffset() == timedelta(0)


class AwareTest(unittest.TestCase):
    def test_now(self):
        n = clock.now()
        self.assertTrue(aware_utc(n))
        self.assertLess(abs((datetime.now(UTC) - n).total_seconds()), 5)

    def test_parse_stamp(self):
        for text in ("2024-07-01T08:30:00Z", "2024-07-01T08:30:00+00:00"):
            dt = parse_stamp(text)
            self.assertTrue(aware_utc(dt), text)
            self.assertEqual(dt, datetime(2024, 7, 1, 8, 30, tzinfo=UTC))

    def test_from_epoch(self):
        dt = from_epoch(1719822600)
        self.assertTrue(aware_utc(dt))
        self.assertEqual(dt, datetime(2024, 7, 1, 8, 30, tzinfo=UTC))
        self.assertEqual(from_epoch(0), datetime(1970, 1, 1, tzinfo=UTC))


class StampTest(unittest.TestCase):
    def test_formats(self):
        self.assertEqual(stamp(datetime(2024, 7, 1, 8, 30, 5, 999999)), "2024-07-01T08:30:05Z")
        self.assertEqual(stamp(datetime(2024, 7, 1, 8, 30, tzinfo=UTC)), "2024-07-01T08:30:00Z")
        cest = timezone(timedelta(hours=2))
        self.assertEqual(stamp(datetime(2024, 7, 1, 10, 30, tzinfo=cest)), "2024-07-01T08:30:00Z")
        self.assertEqual(stamp(datetime(2024, 7, 1, 0, 15, tzinfo=cest)), "2024-06-30T22:15:00Z")
        self.assertRegex(stamp(clock.now()), STAMP)

    def test_record_defaults_to_now(self):
        rec = departure_record("MS Tärnö", "SKR-2", parse_stamp("2024-07-01T08:30:00Z"))
        self.assertEqual(rec["scheduled"], "2024-07-01T08:30:00Z")
        self.assertRegex(rec["actual"], STAMP)

    def test_roundtrip(self):
        dt = from_epoch(1719822600 + 3725)
        self.assertEqual(parse_stamp(stamp(dt)), dt)


class DelayTest(unittest.TestCase):
    def test_delays(self):
        self.assertEqual(delay_minutes("2024-07-01T08:30:00Z", 1719822600 + 7 * 60), 7)
        self.assertEqual(delay_minutes("2024-07-01T08:30:00+00:00", 1719822600 - 90), -2)
        self.assertEqual(delay_minutes("2024-06-30T23:58:00Z", 1719792000 + 60), 3)


if __name__ == "__main__":
    unittest.main()
