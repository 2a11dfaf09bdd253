"""Tests of the shared helpers in ledgerkit.common (moved from test_helpers.py, LK-302)."""
import datetime as dt
import unittest
from decimal import Decimal

from ledgerkit.common import format_amount, parse_amount, parse_date, slugify
from ledgerkit.reports import vat


class AmountTest(unittest.TestCase):
    def test_plain_and_thousands(self):
        self.assertEqual(parse_amount("1,204.50"), Decimal("1204.50"))
        self.assertEqual(parse_amount(" 12.345 "), Decimal("12.35"))

    def test_accounting_negative(self):
        self.assertEqual(parse_amount("(250.00)"), Decimal("-250.00"))
        self.assertEqual(parse_amount("(€ 12.50)"), Decimal("-12.50"))

    def test_currency_markers(self):
        self.assertEqual(parse_amount("€ 1,204.50"), Decimal("1204.50"))
        self.assertEqual(parse_amount("99.9 EUR"), Decimal("99.90"))

    def test_invalid(self):
        for bad in ["", "abc"]:
            with self.assertRaises(ValueError):
                parse_amount(bad)

    def test_format(self):
        self.assertEqual(format_amount(Decimal("-1234.5")), "-1,234.50")
        self.assertEqual(format_amount(Decimal("0")), "0.00")

    def test_vat_keeps_notebook_names(self):
        self.assertIs(vat.parse_amount, parse_amount)
        self.assertIs(vat.format_eur, format_amount)


class SlugTest(unittest.TestCase):
    def test_folds_accents(self):
        self.assertEqual(slugify("Café Ölberg GmbH"), "cafe-olberg-gmbh")
        self.assertEqual(slugify("  Müller & Söhne "), "muller-sohne")


class DateTest(unittest.TestCase):
    def test_iso_and_dotted(self):
        self.assertEqual(parse_date("2024-06-30"), dt.date(2024, 6, 30))
        self.assertEqual(parse_date("30.06.2024"), dt.date(2024, 6, 30))

    def test_slashed(self):
        self.assertEqual(parse_date("30/06/2024"), dt.date(2024, 6, 30))

    def test_invalid(self):
        with self.assertRaises(ValueError):
            parse_date("31.02.2024")


if __name__ == "__main__":
    unittest.main()
