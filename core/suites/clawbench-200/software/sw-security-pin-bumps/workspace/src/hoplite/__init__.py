"""hoplite-api: bookings for Hoplite climbing gyms."""
__version__ = "4.12.0"
