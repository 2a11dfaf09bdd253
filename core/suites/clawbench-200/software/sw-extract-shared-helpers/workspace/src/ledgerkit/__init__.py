"""ledgerkit - month-end reports for the Brightfield bookkeeping team."""
__version__ = "3.2.0"
