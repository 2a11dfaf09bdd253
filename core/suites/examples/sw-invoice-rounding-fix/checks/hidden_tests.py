"""Hidden acceptance tests: the visible suite plus more cases of the same rules
(docs/billing-rules.md), so that special-casing the visible numbers does not pass."""
import unittest

from invoicer import invoice_totals, line_total, round_money  # PYTHONPATH = workspace src


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


class HiddenRulesTest(unittest.TestCase):
    def check(self, got, **want):
        for key, value in want.items():
            self.assertAlmostEqual(got[key], value, places=6, msg=key)

    def test_more_half_up(self):
        self.assertAlmostEqual(round_money(1.005), 1.01, places=6)
        self.assertAlmostEqual(round_money(0.285), 0.29, places=6)
        self.assertAlmostEqual(round_money(8.345), 8.35, places=6)
        self.assertAlmostEqual(round_money(7), 7.0, places=6)
        self.assertIsInstance(round_money(0.285), float)

    def test_more_lines(self):
        self.assertAlmostEqual(line_total(5, 0.705), 3.53, places=6)
        self.assertAlmostEqual(line_total(1, 1.015), 1.02, places=6)
        self.assertAlmostEqual(line_total(3, 19.99, 15), 50.97, places=6)
        self.assertAlmostEqual(line_total(1, 10.05, 50), 5.03, places=6)

    def test_coupon_ontario(self):
        lines = [{"qty": 1, "unit_price": 150.00}]
        self.check(invoice_totals(lines, "CA-ON", coupon_pct=15), subtotal=150.0, coupon=22.5, tax=16.58, total=144.08)

    def test_coupon_quebec(self):
        lines = [{"qty": 2, "unit_price": 100.00}]
        self.check(invoice_totals(lines, "CA-QC", coupon_pct=10), subtotal=200.0, coupon=20.0, tax=26.96, total=206.96)

    def test_quebec_small(self):
        self.check(invoice_totals([{"qty": 1, "unit_price": 59.90}], "CA-QC"), subtotal=59.9, coupon=0.0, tax=8.97, total=68.87)

    def test_subtotal_sums_rounded_lines(self):
        lines = [{"qty": 1, "unit_price": 8.45, "discount_pct": 50}, {"qty": 1, "unit_price": 1.015}]
        self.check(invoice_totals(lines, "US-OR"), subtotal=5.25, coupon=0.0, tax=0.0, total=5.25)

    def test_explicit_rates(self):
        lines = [{"qty": 1, "unit_price": 120.00}]
        self.check(invoice_totals(lines, "ZZ", coupon_pct=25, rates={"ZZ": 0.05}), subtotal=120.0, coupon=30.0, tax=4.5, total=94.5)
        with self.assertRaises(ValueError):
            invoice_totals(lines, "CA-ON", rates={"ZZ": 0.05})

    def test_existing_rates_kept(self):
        lines = [{"qty": 1, "unit_price": 100.00}]
        self.check(invoice_totals(lines, "US-NY"), tax=8.88, total=108.88)
        self.check(invoice_totals(lines, "CA-BC"), tax=12.0, total=112.0)


if __name__ == "__main__":
    unittest.main()
