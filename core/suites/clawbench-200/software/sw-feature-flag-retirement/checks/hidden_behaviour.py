"""Behaviour after retiring split_payments: always the split checkout and receipt, tips still
per store by split_payments_tips, the flag itself unknown, configs loadable in every env."""
import os
import unittest
from decimal import Decimal as D
from unittest import mock

import tillpoint.checkout as co
from tillpoint import flags
from tillpoint.checkout import CheckoutError, Sale, checkout
from tillpoint.receipts import render

BASKET = [("rye", 2, D("3.90")), ("pretzel", 1, D("1.20"))]  # 9.00


class Production(unittest.TestCase):
    def setUp(self):
        p = mock.patch.dict(os.environ, {"TILLPOINT_ENV": "production"})
        p.start()
        self.addCleanup(p.stop)

    def test_rollouts(self):
        self.assertEqual(flags.load_rollouts(), {"split_payments_tips": 50, "receipt_qr": 100})

    def test_flag_unknown(self):
        self.assertNotIn("split_payments", flags.KNOWN_FLAGS)
        self.assertEqual(set(flags.KNOWN_FLAGS), {"split_payments_tips", "receipt_qr"})
        with self.assertRaises(KeyError):
            flags.enabled("split_payments", "berlin-01")

    def test_split_everywhere(self):
        for store in ("berlin-01", "berlin-02", "potsdam-01", "leipzig-03"):
            sale = checkout(BASKET, [("voucher", D("2.00")), ("cash", D("10.00"))], store)
            self.assertEqual(sale.payments, [("voucher", D("2.00")), ("cash", D("7.00"))])
            self.assertEqual(sale.change, D("3.00"))

    def test_single_tender_still_fine(self):
        sale = checkout(BASKET, [("card", D("9.00"))], "dresden-02")
        self.assertEqual((sale.payments, sale.change), ([("card", D("9.00"))], D("0.00")))

    def test_tips_follow_their_flag(self):
        sale = checkout(BASKET, [("card", D("10.50"))], "berlin-02", tip=D("1.50"))  # bucket 48 < 50
        self.assertEqual(sale.tip, D("1.50"))
        with self.assertRaises(CheckoutError):
            checkout(BASKET, [("card", D("10.50"))], "berlin-01", tip=D("1.50"))  # bucket 82

    def test_receipt_always_itemised(self):
        sale = Sale("leipzig-03", D("9.00"), [("cash", D("9.00"))], change=D("1.00"))
        self.assertEqual(render(sale).splitlines(), ["TOTAL                       9.00", "  CASH                      9.00",
                                                     "CHANGE                      1.00"])

    def test_receipt_qr_still_flagged(self):
        sale = Sale("leipzig-03", D("9.00"), [("card", D("9.00"))])
        self.assertTrue(render(sale, "https://r.example/x").endswith("[QR] https://r.example/x\n"))
        with mock.patch("tillpoint.flags.load_rollouts", return_value={"split_payments_tips": 0, "receipt_qr": 0}):
            self.assertNotIn("[QR]", render(sale, "https://r.example/x"))

    def test_legacy_path_deleted(self):
        self.assertFalse(hasattr(co, "_checkout_single"))


class Staging(unittest.TestCase):
    def test_staging_rollouts_and_tips(self):
        with mock.patch.dict(os.environ, {"TILLPOINT_ENV": "staging"}):
            self.assertEqual(flags.load_rollouts(), {"split_payments_tips": 100, "receipt_qr": 100})
            sale = checkout(BASKET, [("card", D("10.00"))], "berlin-01", tip=D("1.00"))
        self.assertEqual(sale.tip, D("1.00"))


if __name__ == "__main__":
    unittest.main()
