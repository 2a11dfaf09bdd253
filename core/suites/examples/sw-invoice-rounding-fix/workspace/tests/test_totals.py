import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from invoicer import invoice_totals, line_total, round_money  # noqa: E402


class RoundMoneyTest(unittest.TestCase):
    def test_half_up(self):
        self.assertAlmostEqual(round_money(2.675), 2.68, places=6)
        self.assertAlmostEqual(round_money(0.125), 0.13, places=6)

    def test_below_half(self):
        self.assertAlmostEqual(round_money(1.004), 1.00, places=6)

    def test_returns_float(self):
        self.assertIsInstance(round_money(3.14159), float)


class LineTotalTest(unittest.TestCase):
    def test_plain(self):
        self.assertAlmostEqual(line_total(3, 4.99), 14.97, places=6)

    def test_discount_rounds_half_up(self):
        # 8.45 at 50% off is 4.225
        self.assertAlmostEqual(line_total(1, 8.45, 50), 4.23, places=6)


class InvoiceTotalsTest(unittest.TestCase):
    def assertTotals(self, got, **want):
        self.assertEqual(sorted(got), ["coupon", "subtotal", "tax", "total"])
        for key, value in want.items():
            self.assertAlmostEqual(got[key], value, places=6, msg=key)

    def test_ontario(self):
        lines = [{"qty": 2, "unit_price": 19.99}, {"qty": 1, "unit_price": 5.00, "discount_pct": 10}]
        self.assertTotals(invoice_totals(lines, "CA-ON"), subtotal=44.48, coupon=0.0, tax=5.78, total=50.26)

    def test_coupon_reduces_taxable_base(self):
        lines = [{"qty": 1, "unit_price": 80.00}]
        self.assertTotals(invoice_totals(lines, "CA-ON", coupon_pct=10), subtotal=80.0, coupon=8.0, tax=9.36, total=81.36)

    def test_quebec(self):
        lines = [{"qty": 1, "unit_price": 100.00}]
        self.assertTotals(invoice_totals(lines, "CA-QC"), subtotal=100.0, coupon=0.0, tax=14.98, total=114.98)

    def test_unknown_region(self):
        with self.assertRaises(ValueError):
            invoice_totals([{"qty": 1, "unit_price": 1.0}], "XX-YY")

    def test_empty_invoice(self):
        self.assertTotals(invoice_totals([], "US-OR"), subtotal=0.0, coupon=0.0, tax=0.0, total=0.0)


if __name__ == "__main__":
    unittest.main()
