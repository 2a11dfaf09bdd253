import unittest
from decimal import Decimal as D

from tests.helpers import rollouts
from tillpoint.checkout import Sale
from tillpoint.receipts import render


class ReceiptTest(unittest.TestCase):
    def test_legacy_receipt(self):
        sale = Sale("berlin-01", D("12.00"), [("cash", D("12.00"))], change=D("8.00"))
        with rollouts():
            text = render(sale)
        self.assertEqual(text.splitlines(), ["TOTAL                      12.00", "Paid by CASH", "CHANGE                      8.00"])

    def test_split_receipt(self):
        sale = Sale("berlin-02", D("12.00"), [("card", D("5.00")), ("cash", D("8.00"))], tip=D("1.00"))
        with rollouts(split_payments=100):
            text = render(sale)
        self.assertEqual(text.splitlines(), [
            "TOTAL                      12.00",
            "  CARD                      5.00",
            "  CASH                      8.00",
            "  TIP (card)                1.00",
        ])

    def test_qr_code(self):
        sale = Sale("berlin-01", D("4.80"), [("card", D("4.80"))])
        with rollouts(split_payments=100, receipt_qr=100):
            text = render(sale, "https://r.kornblume.example/abc")
        self.assertTrue(text.endswith("[QR] https://r.kornblume.example/abc\n"))


if __name__ == "__main__":
    unittest.main()
