"""ledger_import: bank statement exports -> JSON for the Sonnenkorn books."""
from .parser import FormatError, detect_format, parse_amount, parse_date, parse_statement

__version__ = "0.4.2"
__all__ = ["FormatError", "detect_format", "parse_amount", "parse_date", "parse_statement"]
