"""tariffcalc: household electricity bills for Vale Municipal Utilities."""

from .billing import Bill, export_csv, monthly_bill
from .tariffs import Tariff, load_tariff, tariff_for

__all__ = ["Bill", "Tariff", "export_csv", "load_tariff", "monthly_bill", "tariff_for"]
