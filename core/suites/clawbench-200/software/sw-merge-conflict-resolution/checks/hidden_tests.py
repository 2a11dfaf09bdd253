"""Acceptance tests for the merged roomie: PR #88 and PR #91 behaviour together."""
import io
import os
import unittest
from contextlib import redirect_stdout
from datetime import datetime

from roomie import Booking, Calendar, Conflict, Settings, ValidationError, load_settings
from roomie.cli import main

WS = os.environ["ROOMIE_WS"]


def at(day, hm):
    h, m = map(int, hm.split(":"))
    return datetime(2024, 7, day, h, m)


class MergedSingleBookings(unittest.TestCase):
    def setUp(self):
        self.cal = Calendar(Settings(max_minutes=240, max_series_weeks=12))

    def test_back_to_back_both_ways(self):
        self.cal.book(Booking("Bosun", at(17, "10:00"), at(17, "11:00"), "ana"))
        self.cal.book(Booking("Bosun", at(17, "11:00"), at(17, "12:00"), "ben"))
        self.cal.book(Booking("Bosun", at(17, "09:00"), at(17, "10:00"), "chen"))
        self.assertEqual(len(self.cal.bookings), 3)

    def test_conflict_lists_every_holder(self):
        self.cal.book(Booking("Anchor", at(17, "09:00"), at(17, "10:00"), "ana"))
        self.cal.book(Booking("Anchor", at(17, "10:00"), at(17, "11:00"), "ben"))
        with self.assertRaisesRegex(Conflict, r"^Anchor is taken: 09:00-10:00 \(ana\), 10:00-11:00 \(ben\)$"):
            self.cal.book(Booking("Anchor", at(17, "09:30"), at(17, "10:30"), "dev"))

    def test_minute_limit(self):
        self.cal.book(Booking("Galley", at(17, "08:00"), at(17, "12:00"), "ana"))
        with self.assertRaisesRegex(ValidationError, "limited to 240 minutes"):
            self.cal.book(Booking("Galley", at(17, "13:00"), at(17, "17:15"), "ana"))

    def test_sunday(self):
        with self.assertRaises(ValidationError):
            self.cal.book(Booking("Galley", at(21, "10:00"), at(21, "11:00"), "ana"))


class MergedSeries(unittest.TestCase):
    def setUp(self):
        self.cal = Calendar(Settings(max_minutes=90, max_series_weeks=12))

    def test_series_next_to_existing_booking(self):
        self.cal.book(Booking("Galley", at(23, "19:30"), at(23, "20:00"), "dev"))
        booked = self.cal.book_series(Booking("Galley", at(16, "18:00"), at(16, "19:30"), "chen"), 3)
        self.assertEqual(len(booked), 3)
        self.assertEqual(len(self.cal.bookings), 4)

    def test_series_clashes_listed_nothing_booked(self):
        self.cal.book(Booking("Galley", at(23, "18:30"), at(23, "19:00"), "dev"))
        self.cal.book(Booking("Galley", at(30, "17:00"), at(30, "18:15"), "eli"))
        with self.assertRaisesRegex(Conflict, r"2024-07-23, 2024-07-30"):
            self.cal.book_series(Booking("Galley", at(16, "18:00"), at(16, "19:30"), "chen"), 4)
        self.assertEqual(len(self.cal.bookings), 2)

    def test_series_occurrence_over_minute_limit(self):
        with self.assertRaises(ValidationError):
            self.cal.book_series(Booking("Galley", at(16, "18:00"), at(16, "19:45"), "chen"), 2)
        self.assertEqual(self.cal.bookings, [])

    def test_series_on_sunday(self):
        with self.assertRaises(ValidationError):
            self.cal.book_series(Booking("Galley", at(14, "10:00"), at(14, "11:00"), "chen"), 2)
        self.assertEqual(self.cal.bookings, [])

    def test_series_week_bounds(self):
        for weeks in (0, 13):
            with self.assertRaises(ValidationError):
                self.cal.book_series(Booking("Anchor", at(15, "08:00"), at(15, "09:00"), "ana"), weeks)
        self.assertEqual(len(self.cal.book_series(Booking("Anchor", at(15, "08:00"), at(15, "09:00"), "ana"), 12)), 12)


class MergedSettings(unittest.TestCase):
    def test_defaults_file(self):
        s = load_settings(os.path.join(WS, "config", "defaults.toml"))
        self.assertEqual((s.max_minutes, s.max_series_weeks, s.opening, s.closing), (240, 12, "07:00", "22:00"))

    def test_production_file(self):
        s = load_settings(os.path.join(WS, "config", "production.toml"))
        self.assertEqual((s.max_minutes, s.max_series_weeks, s.opening, s.closing), (180, 26, "07:00", "21:00"))

    def test_old_field_gone(self):
        self.assertFalse(hasattr(Settings(), "max_duration_hours"))
        self.assertEqual(Settings().max_minutes, 240)
        self.assertEqual(Settings().max_series_weeks, 12)


class MergedCli(unittest.TestCase):
    def test_help(self):
        with redirect_stdout(io.StringIO()):
            with self.assertRaises(SystemExit) as cm:
                main(["--help"])
        self.assertEqual(cm.exception.code, 0)

    def test_series_command(self):
        out = io.StringIO()
        with redirect_stdout(out):
            rc = main(["series", "Galley", "2024-07-16T18:00", "2024-07-16T19:30", "chen", "--weeks", "3"])
        self.assertEqual(rc, 0)
        self.assertEqual(out.getvalue().strip(),
                         "booked Galley weekly Tue 18:00-19:30 for chen, 2024-07-16 to 2024-07-30 (3 weeks)")


if __name__ == "__main__":
    unittest.main()
