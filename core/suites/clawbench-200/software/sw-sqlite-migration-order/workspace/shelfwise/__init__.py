"""shelfwise -- loans and inventory for the Eastgate Tool Library."""
__version__ = "2.3.0"
