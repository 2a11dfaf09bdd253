import unittest
from datetime import datetime

from roomie import Booking, Calendar, Conflict, Settings, ValidationError


def at(day, hm):
    h, m = map(int, hm.split(":"))
    return datetime(2024, 7, day, h, m)


class BookingTest(unittest.TestCase):
    def setUp(self):
        self.cal = Calendar(Settings())

    def test_book(self):
        b = self.cal.book(Booking("Anchor", at(15, "09:00"), at(15, "10:00"), "ana"))
        self.assertEqual(self.cal.bookings, [b])

    def test_overlap_is_conflict(self):
        self.cal.book(Booking("Anchor", at(15, "09:00"), at(15, "10:00"), "ana"))
        with self.assertRaises(Conflict):
            self.cal.book(Booking("Anchor", at(15, "09:30"), at(15, "10:30"), "ben"))

    def test_other_room_is_fine(self):
        self.cal.book(Booking("Anchor", at(15, "09:00"), at(15, "10:00"), "ana"))
        self.cal.book(Booking("Bosun", at(15, "09:00"), at(15, "10:00"), "ben"))
        self.assertEqual(len(self.cal.bookings), 2)

    def test_back_to_back_is_fine(self):
        self.cal.book(Booking("Anchor", at(15, "09:00"), at(15, "10:00"), "ana"))
        self.cal.book(Booking("Anchor", at(15, "10:00"), at(15, "11:00"), "ben"))
        self.assertEqual(len(self.cal.bookings), 2)

    def test_conflict_names_the_booking(self):
        self.cal.book(Booking("Anchor", at(15, "09:00"), at(15, "10:00"), "ana"))
        with self.assertRaisesRegex(Conflict, r"^Anchor is taken: 09:00-10:00 \(ana\)$"):
            self.cal.book(Booking("Anchor", at(15, "09:45"), at(15, "10:30"), "ben"))

    def test_quarter_hours(self):
        with self.assertRaises(ValidationError):
            self.cal.book(Booking("Anchor", at(15, "09:10"), at(15, "10:00"), "ana"))

<<<<<<< HEAD
    def test_duration_limit_in_minutes(self):
        cal = Calendar(Settings(max_minutes=90))
        cal.book(Booking("Bosun", at(15, "09:00"), at(15, "10:30"), "ana"))
        with self.assertRaisesRegex(ValidationError, "limited to 90 minutes"):
            cal.book(Booking("Bosun", at(15, "11:00"), at(15, "12:45"), "ana"))
=======
    def test_sunday_closed(self):
        with self.assertRaises(ValidationError):
            self.cal.book(Booking("Anchor", at(14, "09:00"), at(14, "10:00"), "ana"))


class SeriesTest(unittest.TestCase):
    def setUp(self):
        self.cal = Calendar(Settings(max_duration_hours=2, max_series_weeks=4))

    def test_weekly(self):
        booked = self.cal.book_series(Booking("Galley", at(16, "18:00"), at(16, "19:30"), "chen"), 3)
        self.assertEqual([b.start.day for b in booked], [16, 23, 30])

    def test_all_or_nothing(self):
        self.cal.book(Booking("Galley", at(23, "18:30"), at(23, "19:00"), "dev"))
        with self.assertRaisesRegex(Conflict, "2024-07-23"):
            self.cal.book_series(Booking("Galley", at(16, "18:00"), at(16, "19:30"), "chen"), 3)
        self.assertEqual(len(self.cal.bookings), 1)

    def test_occurrences_are_validated(self):
        with self.assertRaises(ValidationError):
            self.cal.book_series(Booking("Galley", at(16, "18:00"), at(16, "20:30"), "chen"), 2)

    def test_series_length_limit(self):
        with self.assertRaises(ValidationError):
            self.cal.book_series(Booking("Galley", at(16, "18:00"), at(16, "19:00"), "chen"), 5)
>>>>>>> feature/recurring-bookings
