import unittest

from ledger_import import parse_amount, parse_date, parse_statement

V1 = """date,amount,currency,counterparty,purpose
2024-04-02,250.00,EUR,Baeckerei Sonnenkorn eG,Monatliche Sparrate
2024-04-30,-12.50,EUR,Sparkonto,Kontofuehrung
"""


class V1FormatTest(unittest.TestCase):
    def test_amount(self):
        self.assertEqual(parse_amount("250.00"), 25000)
        self.assertEqual(parse_amount("-12.50"), -1250)

    def test_date(self):
        self.assertEqual(parse_date("2024-04-02"), "2024-04-02")

    def test_statement(self):
        result = parse_statement(V1)
        self.assertEqual(result["format"], "v1")
        self.assertIsNone(result["closing_balance_cents"])
        self.assertEqual([t["amount_cents"] for t in result["transactions"]], [25000, -1250])
        self.assertEqual(result["transactions"][1]["purpose"], "Kontofuehrung")


if __name__ == "__main__":
    unittest.main()
