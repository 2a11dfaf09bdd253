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


GIRO = ("\ufeff" + "\r\n".join([
    '"Kontoumsaetze Girokonto";"DE12 7355 0000 0123 4567 89"',
    '"Zeitraum:";"01.06.2024 - 30.06.2024"',
    '"Kontostand vom 31.05.2024:";"8.412,55 EUR"',
    '""',
    '"Buchungstag";"Valuta";"Auftraggeber/Empfaenger";"Verwendungszweck";"Betrag (EUR)"',
    '"03.06.2024";"03.06.2024";"Mühle Hartmann GmbH";"RE 2024-0612; Roggenmehl";"-1.284,90"',
    '"04.06.2024";"04.06.2024";"Kartenzahlung SumUp";"Auszahlung 03.06.";"987,60"',
    '""',
    '"Kontostand vom 30.06.2024:";"8.115,25 EUR"',
]) + "\r\n")


class Giro2024FormatTest(unittest.TestCase):
    def test_amount_decimal_comma(self):
        self.assertEqual(parse_amount("-1.284,90"), -128490)
        self.assertEqual(parse_amount("12.000,00"), 1200000)
        self.assertEqual(parse_amount("0,29"), 29)

    def test_amount_is_exact(self):
        self.assertEqual(parse_amount("1.15"), 115)
        self.assertEqual(parse_amount("0.29"), 29)

    def test_date(self):
        self.assertEqual(parse_date("03.06.2024"), "2024-06-03")

    def test_statement(self):
        result = parse_statement(GIRO)
        self.assertEqual(result["format"], "giro2024")
        self.assertEqual(result["opening_balance_cents"], 841255)
        self.assertEqual(result["closing_balance_cents"], 811525)
        self.assertEqual([t["amount_cents"] for t in result["transactions"]], [-128490, 98760])
        self.assertEqual(result["transactions"][0]["counterparty"], "Mühle Hartmann GmbH")
        self.assertEqual(result["transactions"][0]["purpose"], "RE 2024-0612; Roggenmehl")

    def test_balance_mismatch_rejected(self):
        with self.assertRaises(ValueError):
            parse_statement(GIRO.replace("8.115,25 EUR", "8.115,26 EUR"))


if __name__ == "__main__":
    unittest.main()
