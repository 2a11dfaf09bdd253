import csv
import os
import tempfile
import unittest
from decimal import Decimal
from unittest import mock

from tariffcalc import export_csv, monthly_bill

RENTAL = [("meter rental", Decimal("2.50"))]


class BillTest(unittest.TestCase):
    def setUp(self):
        # the default region comes from the environment: start every test without it
        patcher = mock.patch.dict(os.environ)
        patcher.start()
        self.addCleanup(patcher.stop)
        os.environ.pop("TARIFF_REGION", None)

    def test_north_bill(self):
        bill = monthly_bill(350, 30)
        self.assertEqual(bill.region, "north")
        # 100 x 0.18 + 200 x 0.24 + 50 x 0.31 = 81.50; standing 30 x 0.41 = 12.30
        self.assertEqual(bill.lines, [("energy", Decimal("81.50")), ("standing charge", Decimal("12.30"))])
        self.assertEqual(bill.total, Decimal("112.56"))

    def test_region_from_environment(self):
        os.environ["TARIFF_REGION"] = "coast"  # undone by the patch.dict in setUp
        bill = monthly_bill(200, 31)
        self.assertEqual(bill.region, "coast")
        self.assertEqual(bill.net, Decimal("55.28"))

    def test_meter_rental_extra(self):
        bill = monthly_bill(100, 30, region="north", extras=RENTAL)
        self.assertEqual(bill.net, Decimal("32.80"))

    def test_meter_rental_line_first(self):
        bill = monthly_bill(0, 30, region="coast", extras=RENTAL)
        self.assertEqual([label for label, _ in bill.lines], ["meter rental", "energy", "standing charge"])

    def test_extras_list_not_modified(self):
        # regression: monthly_bill used to append its lines to the caller's extras list
        extras = [("meter rental", Decimal("2.50"))]
        first = monthly_bill(120, 30, region="north", extras=extras)
        second = monthly_bill(120, 30, region="north", extras=extras)
        self.assertEqual(extras, [("meter rental", Decimal("2.50"))])
        self.assertEqual(first, second)


class ExportTest(unittest.TestCase):
    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.out = os.path.join(tmp.name, "out")

    def test_export_creates_folder(self):
        self.assertFalse(os.path.exists(self.out))
        export_csv([("A-1", monthly_bill(10, 1, region="north"))], os.path.join(self.out, "bills.csv"))
        self.assertTrue(os.path.exists(os.path.join(self.out, "bills.csv")))

    def test_export_rows(self):
        path = os.path.join(self.out, "bills.csv")
        export_csv([("A-1", monthly_bill(350, 30, region="north")), ("B-2", monthly_bill(200, 31, region="coast"))], path)
        with open(path, newline="") as fh:
            rows = list(csv.DictReader(fh))
        self.assertEqual([r["account"] for r in rows], ["A-1", "B-2"])
        self.assertEqual(rows[0]["total"], "112.56")
