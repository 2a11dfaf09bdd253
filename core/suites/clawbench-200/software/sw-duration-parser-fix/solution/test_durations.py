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


class RegressionTest(unittest.TestCase):
    def test_spaced_form_from_w23_export(self):
        self.assertEqual(parse_duration("1h 05m"), 65)

    def test_decimal_hours_round_half_up(self):
        self.assertEqual(parse_duration("0.25h"), 15)
        self.assertEqual(parse_duration("0.0125h"), 1)

    def test_minutes_below_60_when_hours_given(self):
        for bad in ["1h75m", "1:75"]:
            with self.assertRaises(ValueError, msg=bad):
                parse_duration(bad)

    def test_format_rejects_negative(self):
        with self.assertRaises(ValueError):
            format_minutes(-5)


class FormatTest(unittest.TestCase):
    def test_pads_minutes(self):
        self.assertEqual(format_minutes(65), "1h 05m")

    def test_zero(self):
        self.assertEqual(format_minutes(0), "0h 00m")


if __name__ == "__main__":
    unittest.main()
