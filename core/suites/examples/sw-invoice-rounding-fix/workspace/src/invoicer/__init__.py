"""invoicer: invoice arithmetic for the Larkspur billing service."""
from .totals import invoice_totals, line_total, load_rates, round_money

__version__ = "1.3.0"
__all__ = ["invoice_totals", "line_total", "load_rates", "round_money", "__version__"]
