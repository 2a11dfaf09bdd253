"""tillpoint: point-of-sale backend for the Kornblume bakery chain."""
__version__ = "3.7.0"
