"""Delay statistics."""
from .parse import from_epoch, parse_stamp


def delay_minutes(scheduled_stamp, gate_epoch):
    """Minutes between the scheduled departure and the gate sensor's departure (negative = early)."""
    delta = from_epoch(gate_epoch) - parse_stamp(scheduled_stamp)
    return round(delta.total_seconds() / 60)
