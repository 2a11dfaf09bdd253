"""Command line: python3 -m roomie.cli book ROOM START END MEMBER (times as 2024-07-15T09:00)."""
from __future__ import annotations

import argparse
import sys
from datetime import datetime

from .booking import Booking, Calendar, Conflict, ValidationError
from .settings import load_settings


def build_parser(settings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="roomie", description="Dockyard meeting-room bookings")
    sub = parser.add_subparsers(dest="command", required=True)
    book = sub.add_parser("book", help="book a room once")
    book.add_argument("room")
    book.add_argument("start", type=datetime.fromisoformat)
    book.add_argument("end", type=datetime.fromisoformat)
    book.add_argument("member")
    series = sub.add_parser(
        "series",
        help=f"book a room weekly for up to {settings.max_series_weeks} weeks "
        f"(each booking at most {settings.max_minutes} minutes)",
    )
    series.add_argument("room")
    series.add_argument("start", type=datetime.fromisoformat)
    series.add_argument("end", type=datetime.fromisoformat)
    series.add_argument("member")
    series.add_argument("--weeks", type=int, required=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    settings = load_settings()
    args = build_parser(settings).parse_args(argv)
    calendar = Calendar(settings)
    try:
        if args.command == "book":
            b = calendar.book(Booking(args.room, args.start, args.end, args.member))
            print(f"booked {b.room} {b.start:%Y-%m-%d %H:%M}-{b.end:%H:%M} for {b.member}")
        elif args.command == "series":
            booked = calendar.book_series(Booking(args.room, args.start, args.end, args.member), args.weeks)
            first, last = booked[0], booked[-1]
            print(f"booked {first.room} weekly {first.start:%a %H:%M}-{first.end:%H:%M} for {first.member}, "
                  f"{first.start:%Y-%m-%d} to {last.start:%Y-%m-%d} ({len(booked)} weeks)")
    except (ValidationError, Conflict) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
