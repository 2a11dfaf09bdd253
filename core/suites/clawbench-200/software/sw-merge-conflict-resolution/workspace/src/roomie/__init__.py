"""roomie: meeting-room bookings for the Dockyard coworking space."""

from .booking import Booking, Calendar, Conflict, ValidationError
from .settings import Settings, load_settings

__all__ = ["Booking", "Calendar", "Conflict", "Settings", "ValidationError", "load_settings"]
