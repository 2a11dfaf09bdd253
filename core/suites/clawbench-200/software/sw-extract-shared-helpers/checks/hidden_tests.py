"""Hidden tests of ledgerkit.common against docs/helpers.md."""
import datetime as dt
import unittest
from decimal import Decimal

from ledgerkit.common import format_amount, parse_amount, parse_date, slugify


class Amounts(unittest.TestCase):
    def test_valid(self):
        cases = {"€ 1,204.50": "1204.50", "€1204.5": "1204.50", "99.90 EUR": "99.90", "eur 5": "5.00", "5eur": "5.00",
                 "-12.50": "-12.50", "(12.50)": "-12.50", "(€ 12.50)": "-12.50", "€ (12.50)": "-12.50", "(12.50) EUR": "-12.50",
                 "12.345": "12.35", "12.344": "12.34", "0": "0.00", " 1,000,000 ": "1000000.00", "0.005": "0.01"}
        for text, want in cases.items():
            got = parse_amount(text)
            self.assertIsInstance(got, Decimal, msg=text)
            self.assertEqual(got, Decimal(want), msg=text)
            self.assertEqual(str(got), want if not want.startswith("-") else want, msg=text)

    def test_invalid(self):
        for bad in ["", "  ", "abc", "€", "12.5.1", "--5", "(-5)", "1 2", "12a", "EUR EUR 5"]:
            with self.assertRaises(ValueError, msg=repr(bad)):
                parse_amount(bad)

    def test_format(self):
        self.assertEqual(format_amount(Decimal("1204.5")), "1,204.50")
        self.assertEqual(format_amount(Decimal("-12.5")), "-12.50")
        self.assertEqual(format_amount(Decimal("0")), "0.00")
        self.assertEqual(format_amount(Decimal("1234567.891")), "1,234,567.89")


class Slugs(unittest.TestCase):
    def test_examples(self):
        self.assertEqual(slugify("Café Ölberg GmbH"), "cafe-olberg-gmbh")
        self.assertEqual(slugify("Müller & Söhne"), "muller-sohne")
        self.assertEqual(slugify("Crème Brûlée Studio"), "creme-brulee-studio")
        self.assertEqual(slugify("Søren Woodworks"), "sren-woodworks")
        self.assertEqual(slugify("--Kowalski Sp. z o.o.--"), "kowalski-sp-z-o-o")


class Dates(unittest.TestCase):
    def test_formats(self):
        for text in ["2024-06-30", "30.06.2024", "30/06/2024", " 2024-06-30 "]:
            self.assertEqual(parse_date(text), dt.date(2024, 6, 30), msg=text)

    def test_invalid(self):
        for bad in ["", "2024/06/30", "30-06-2024", "31.02.2024", "2024-6-30", "20240630", "30.6.2024"]:
            with self.assertRaises(ValueError, msg=repr(bad)):
                parse_date(bad)


if __name__ == "__main__":
    unittest.main()
