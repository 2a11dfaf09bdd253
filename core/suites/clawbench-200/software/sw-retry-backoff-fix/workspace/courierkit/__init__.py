"""courierkit: thin clients for the carrier APIs used by dispatch."""
__version__ = "3.2.0"
