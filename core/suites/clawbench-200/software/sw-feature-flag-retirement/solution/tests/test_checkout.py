import unittest
from decimal import Decimal as D

from tests.helpers import rollouts
from tillpoint.checkout import CheckoutError, checkout

BASKET = [("sourdough loaf", 1, D("4.80")), ("cinnamon bun", 3, D("2.40"))]  # 12.00


class SplitPaymentTest(unittest.TestCase):
    def test_card_and_cash(self):
        with rollouts():
            sale = checkout(BASKET, [("cash", D("10.00")), ("card", D("5.00"))], "berlin-01")
        self.assertEqual(sale.payments, [("card", D("5.00")), ("cash", D("7.00"))])
        self.assertEqual(sale.change, D("3.00"))

    def test_voucher_first(self):
        with rollouts():
            sale = checkout(BASKET, [("card", D("7.00")), ("voucher", D("5.00"))], "berlin-01")
        self.assertEqual(sale.payments, [("voucher", D("5.00")), ("card", D("7.00"))])
        self.assertEqual(sale.change, D("0.00"))

    def test_only_cash_overpays(self):
        with rollouts(), self.assertRaises(CheckoutError):
            checkout(BASKET, [("card", D("15.00"))], "berlin-01")

    def test_tip_needs_tips_flag(self):
        with rollouts(), self.assertRaises(CheckoutError):
            checkout(BASKET, [("card", D("13.00"))], "berlin-01", tip=D("1.00"))

    def test_tip_on_card(self):
        with rollouts(split_payments_tips=100):
            sale = checkout(BASKET, [("card", D("13.00"))], "berlin-01", tip=D("1.00"))
        self.assertEqual((sale.payments, sale.tip), ([("card", D("13.00"))], D("1.00")))


if __name__ == "__main__":
    unittest.main()
