"""Golden tests: each report on the sample exports must reproduce tests/golden/ exactly."""
import os
import tempfile
import unittest

from ledgerkit.reports import aging, payouts, vat

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
GOLDEN = os.path.join(HERE, "golden")


class GoldenTest(unittest.TestCase):
    def check(self, module, data, golden, **options):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "out.csv")
            module.run(os.path.join(DATA, data), out, **options)
            with open(out, encoding="utf-8") as got, open(os.path.join(GOLDEN, golden), encoding="utf-8") as want:
                self.assertEqual(got.read(), want.read())

    def test_aging(self):
        self.check(aging, "invoices.csv", "aging-2024-06-30.csv", as_of="2024-06-30")

    def test_vat(self):
        self.check(vat, "sales.csv", "vat-2024-Q2.csv", quarter="2024-Q2")

    def test_payouts(self):
        self.check(payouts, "payouts.csv", "payouts-2024-06.csv", month="2024-06")


if __name__ == "__main__":
    unittest.main()
