"""Hidden acceptance tests for docs/durations.md (run against the workspace's src/)."""
import unittest

from shiftlog import format_minutes, parse_duration
from shiftlog.report import weekly_totals


class ParseSpec(unittest.TestCase):
    def test_table_examples(self):
        cases = {"1h30m": 90, "1h 30m": 90, "1H30M": 90, "2h": 120, "45m": 45, "1.5h": 90, "0.25h": 15,
                 "1:30": 90, "0:05": 5, "45": 45, "  2h 05m  ": 125, "90m": 90, "3h0m": 180}
        for text, want in cases.items():
            self.assertEqual(parse_duration(text), want, msg=text)

    def test_decimal_rounding_half_up(self):
        self.assertEqual(parse_duration("0.0125h"), 1)
        self.assertEqual(parse_duration("1.0083h"), 60)
        self.assertEqual(parse_duration("0.025h"), 2)     # 1.5 min -> 2
        self.assertEqual(parse_duration("2.75H"), 165)

    def test_zero(self):
        for text in ["0", "0m", "0h", "0:00"]:
            self.assertEqual(parse_duration(text), 0, msg=text)

    def test_invalid(self):
        for bad in ["", "   ", "h", "m", "2h-", "-30m", "-1", "1h75m", "1:75", "1:5", "abc", "3d", "1h30", "n/a", "1.5"]:
            with self.assertRaises(ValueError, msg=repr(bad)):
                parse_duration(bad)

    def test_returns_int(self):
        self.assertIsInstance(parse_duration("1.5h"), int)


class FormatSpec(unittest.TestCase):
    def test_examples(self):
        for minutes, want in {0: "0h 00m", 5: "0h 05m", 65: "1h 05m", 2260: "37h 40m", 600: "10h 00m"}.items():
            self.assertEqual(format_minutes(minutes), want)

    def test_negative(self):
        with self.assertRaises(ValueError):
            format_minutes(-1)


class ReportSpec(unittest.TestCase):
    def test_skips_invalid_and_blank(self):
        rows = [{"agent": "a", "duration": "1h"}, {"agent": "a", "duration": "2h-"}, {"agent": "b", "duration": ""},
                {"agent": "b", "duration": "0.5h"}, {"agent": "b", "duration": "1:75"}, {"agent": "a", "duration": "1:05"}]
        self.assertEqual(weekly_totals(rows), ({"a": (2, 125), "b": (1, 30)}, 3))


if __name__ == "__main__":
    unittest.main()
