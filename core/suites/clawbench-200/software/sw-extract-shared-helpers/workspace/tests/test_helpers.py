"""Tests of the helper functions as they live in the report modules today."""
import datetime as dt
import unittest
from decimal import Decimal

from ledgerkit.reports.aging import _fmt_amount, _parse_amount, _parse_date, _slug
from ledgerkit.reports.vat import format_eur, parse_amount
from ledgerkit.reports.vat import _parse_date as vat_parse_date


class AmountTest(unittest.TestCase):
    def test_plain_and_thousands(self):
        self.assertEqual(_parse_amount("1,204.50"), Decimal("1204.50"))
        self.assertEqual(_parse_amount(" 12.345 "), Decimal("12.35"))

    def test_accounting_negative(self):
        self.assertEqual(_parse_amount("(250.00)"), Decimal("-250.00"))

    def test_currency_markers(self):
        self.assertEqual(parse_amount("€ 1,204.50"), Decimal("1204.50"))
        self.assertEqual(parse_amount("99.9 EUR"), Decimal("99.90"))

    def test_invalid(self):
        for bad in ["", "abc"]:
            with self.assertRaises(ValueError):
                _parse_amount(bad)

    def test_format(self):
        self.assertEqual(_fmt_amount(Decimal("-1234.5")), "-1,234.50")
        self.assertEqual(format_eur(Decimal("0")), "0.00")


class SlugTest(unittest.TestCase):
    def test_folds_accents(self):
        self.assertEqual(_slug("Café Ölberg GmbH"), "cafe-olberg-gmbh")
        self.assertEqual(_slug("  Müller & Söhne "), "muller-sohne")


class DateTest(unittest.TestCase):
    def test_iso_and_dotted(self):
        self.assertEqual(_parse_date("2024-06-30"), dt.date(2024, 6, 30))
        self.assertEqual(_parse_date("30.06.2024"), dt.date(2024, 6, 30))

    def test_slashed(self):
        self.assertEqual(vat_parse_date("30/06/2024"), dt.date(2024, 6, 30))

    def test_invalid(self):
        with self.assertRaises(ValueError):
            _parse_date("31.02.2024")


if __name__ == "__main__":
    unittest.main()
