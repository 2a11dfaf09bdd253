import unittest

from shiftlog import format_minutes, parse_duration


class ParseTest(unittest.TestCase):
    def test_hours_and_minutes(self):
        self.assertEqual(parse_duration("1h30m"), 90)

    def test_spaced_hours_and_minutes(self):
        self.assertEqual(parse_duration("2h 15m"), 135)

    def test_minutes_and_bare_numbers(self):
        self.assertEqual(parse_duration("45m"), 45)
        self.assertEqual(parse_duration(" 45 "), 45)

    def test_decimal_hours(self):
        self.assertEqual(parse_duration("1.5h"), 90)

    def test_clock(self):
        self.assertEqual(parse_duration("0:05"), 5)

    def test_invalid(self):
        for bad in ["", "abc", "2h-", "-30m"]:
            with self.assertRaises(ValueError, msg=bad):
                parse_duration(bad)


class FormatTest(unittest.TestCase):
    def test_pads_minutes(self):
        self.assertEqual(format_minutes(65), "1h 05m")

    def test_zero(self):
        self.assertEqual(format_minutes(0), "0h 00m")


if __name__ == "__main__":
    unittest.main()
