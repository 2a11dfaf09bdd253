"""Room bookings: validation, overlap detection and the in-memory calendar."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from .settings import Settings, load_settings


class ValidationError(ValueError):
    """A booking breaks a house rule."""


class Conflict(Exception):
    """A booking overlaps existing bookings."""


@dataclass(frozen=True)
class Booking:
    room: str
    start: datetime
    end: datetime
    member: str


def overlaps(a: Booking, b: Booking) -> bool:
    """True when both bookings are for the same room and their times intersect.

    Bookings are half-open intervals [start, end): a booking may start exactly when the
    previous one ends.
    """
    return a.room == b.room and a.start < b.end and b.start < a.end


def validate(booking: Booking, settings: Settings) -> None:
    """Raise ValidationError when the booking breaks a house rule."""
    if booking.end <= booking.start:
        raise ValidationError("a booking must end after it starts")
<<<<<<< HEAD
    if booking.end - booking.start > timedelta(minutes=settings.max_minutes):
        raise ValidationError(f"bookings are limited to {settings.max_minutes} minutes")
=======
    if booking.end - booking.start > timedelta(hours=settings.max_duration_hours):
        raise ValidationError(f"bookings are limited to {settings.max_duration_hours} hours")
    if booking.start.weekday() == 6:
        raise ValidationError("the space is closed on Sundays")
>>>>>>> feature/recurring-bookings
    if booking.start.minute % 15 or booking.end.minute % 15:
        raise ValidationError("bookings start and end on a quarter hour")


class Calendar:
    """All bookings of the space, in memory."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or load_settings()
        self.bookings: list[Booking] = []

    def conflicts(self, booking: Booking) -> list[Booking]:
        return [b for b in self.bookings if overlaps(b, booking)]

    def _check(self, booking: Booking) -> None:
        validate(booking, self.settings)
<<<<<<< HEAD
        clash = self.conflicts(booking)
        if clash:
            taken = ", ".join(f"{b.start:%H:%M}-{b.end:%H:%M} ({b.member})" for b in clash)
            raise Conflict(f"{booking.room} is taken: {taken}")
=======
        if self.conflicts(booking):
            raise Conflict(f"{booking.room} is already booked at that time")

    def book(self, booking: Booking) -> Booking:
        self._check(booking)
>>>>>>> feature/recurring-bookings
        self.bookings.append(booking)
        return booking

    def book_series(self, booking: Booking, weeks: int) -> list[Booking]:
        """Book the same slot on `weeks` consecutive weeks, all or nothing."""
        if not 1 <= weeks <= self.settings.max_series_weeks:
            raise ValidationError(f"a series runs for 1 to {self.settings.max_series_weeks} weeks")
        series = repeat_weekly(booking, weeks)
        clashes = []
        for occurrence in series:
            try:
                self._check(occurrence)
            except Conflict:
                clashes.append(occurrence.start.date().isoformat())
        if clashes:
            raise Conflict(f"{booking.room} is already booked on {', '.join(clashes)}")
        self.bookings.extend(series)
        return series


def repeat_weekly(booking: Booking, weeks: int) -> list[Booking]:
    """The booking and its repetitions on the following weeks, same weekday and times."""
    step = timedelta(weeks=1)
    return [replace(booking, start=booking.start + i * step, end=booking.end + i * step) for i in range(weeks)]
