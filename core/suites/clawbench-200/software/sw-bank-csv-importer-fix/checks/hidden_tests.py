"""Hidden acceptance tests for ledger_import (docs/formats.md), run against the workspace's src."""
import unittest

import ledger_import
from ledger_import import FormatError, parse_amount, parse_date, parse_statement

GIRO = ("\ufeff" + "\r\n".join([
    '"Kontoumsaetze Girokonto";"DE44 7355 0000 0999 8888 77"',
    '"Zeitraum:";"01.03.2024 - 31.03.2024"',
    '"Kontostand vom 29.02.2024:";"12.000,00 EUR"',
    '""',
    '"Buchungstag";"Valuta";"Auftraggeber/Empfaenger";"Verwendungszweck";"Betrag (EUR)"',
    '"01.03.2024";"01.03.2024";"Müller & Söhne KG";"RE 77; Teil 1 von 2";"-1.234,56"',
    '"04.03.2024";"05.03.2024";"  Kartenzahlung  ";"Auszahlung 02.03.-03.03.";"2.000,05"',
    '"29.03.2024";"29.03.2024";"Zinsen";"Q1";"0,29"',
    '""',
    '"Kontostand vom 31.03.2024:";"12.765,78 EUR"',
]) + "\r\n")

V1 = "date,amount,currency,counterparty,purpose\n2024-03-01,1.15,EUR,Zinsen,Q1\n\n2024-03-02,-0.07,EUR,Bank,Gebuehr\n2024-03-09,1005.10,EUR, Sparrate ,Maerz\n"


class AmountTest(unittest.TestCase):
    def test_v1_exact(self):
        for text, cents in [("1.15", 115), ("0.29", 29), ("-0.07", -7), ("4.35", 435), ("1005.10", 100510),
                            ("250.00", 25000), ("-1200.00", -120000), ("19.99", 1999)]:
            self.assertEqual(parse_amount(text), cents, text)
            self.assertIsInstance(parse_amount(text), int)

    def test_giro_notation(self):
        for text, cents in [("1.234,56", 123456), ("-1.284,90", -128490), ("0,29", 29), ("12.000,00", 1200000),
                            ("-0,07", -7), ("1.000.000,01", 100000001), ("8.412,55 EUR", 841255)]:
            self.assertEqual(parse_amount(text), cents, text)


class DateTest(unittest.TestCase):
    def test_both(self):
        self.assertEqual(parse_date("03.06.2024"), "2024-06-03")
        self.assertEqual(parse_date("2024-06-03"), "2024-06-03")
        self.assertEqual(parse_date(" 29.02.2024 "), "2024-02-29")


class GiroStatementTest(unittest.TestCase):
    def test_parse(self):
        r = parse_statement(GIRO)
        self.assertEqual(r["format"], "giro2024")
        self.assertEqual(r["opening_balance_cents"], 1200000)
        self.assertEqual(r["closing_balance_cents"], 1276578)
        self.assertEqual(r["transactions"], [
            {"date": "2024-03-01", "amount_cents": -123456, "counterparty": "Müller & Söhne KG", "purpose": "RE 77; Teil 1 von 2"},
            {"date": "2024-03-04", "amount_cents": 200005, "counterparty": "Kartenzahlung", "purpose": "Auszahlung 02.03.-03.03."},
            {"date": "2024-03-29", "amount_cents": 29, "counterparty": "Zinsen", "purpose": "Q1"},
        ])

    def test_lf_line_ends_and_no_bom(self):
        r = parse_statement(GIRO.lstrip("\ufeff").replace("\r\n", "\n"))
        self.assertEqual(len(r["transactions"]), 3)
        self.assertEqual(r["closing_balance_cents"], 1276578)

    def test_balance_mismatch(self):
        bad = GIRO.replace('"12.765,78 EUR"', '"12.765,79 EUR"')
        with self.assertRaises(ValueError):
            parse_statement(bad)


class V1StatementTest(unittest.TestCase):
    def test_parse(self):
        r = parse_statement(V1)
        self.assertEqual(r["format"], "v1")
        self.assertIsNone(r["opening_balance_cents"])
        self.assertIsNone(r["closing_balance_cents"])
        self.assertEqual([t["amount_cents"] for t in r["transactions"]], [115, -7, 100510])
        self.assertEqual(r["transactions"][2]["counterparty"], "Sparrate")

    def test_unknown_format(self):
        with self.assertRaises(FormatError):
            parse_statement("Datum;Betrag\n01.03.2024;1,00\n")
        self.assertTrue(issubclass(FormatError, ValueError))
        self.assertTrue(hasattr(ledger_import, "__version__"))


if __name__ == "__main__":
    unittest.main()
