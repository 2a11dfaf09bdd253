"""docs/tariffs.md rules that the visible tests do not pin down."""
import json
import os
import tempfile
import unittest
from decimal import Decimal
from unittest import mock

from tariffcalc import load_tariff, monthly_bill, tariff_for


def write(path, daily, price="0.10"):
    with open(path, "w") as fh:
        json.dump({"region": "test", "standing_charge_per_day": daily, "vat_rate": "0.05",
                   "bands": [{"price_per_kwh": price}]}, fh)


class CacheSpec(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.path = os.path.join(self.tmp.name, "t.json")

    def test_same_size_newer_mtime(self):
        write(self.path, "0.40")
        os.utime(self.path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
        self.assertEqual(load_tariff(self.path).standing_charge_per_day, Decimal("0.40"))
        write(self.path, "0.45")
        os.utime(self.path, ns=(1_700_000_100_000_000_000, 1_700_000_100_000_000_000))
        self.assertEqual(load_tariff(self.path).standing_charge_per_day, Decimal("0.45"))

    def test_same_mtime_other_size(self):
        write(self.path, "0.40")
        os.utime(self.path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
        self.assertEqual(load_tariff(self.path).standing_charge_per_day, Decimal("0.40"))
        write(self.path, "0.405")
        os.utime(self.path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
        self.assertEqual(load_tariff(self.path).standing_charge_per_day, Decimal("0.405"))

    def test_unchanged_file_is_cached(self):
        write(self.path, "0.40")
        first = load_tariff(self.path)
        with mock.patch("json.loads", side_effect=AssertionError("re-parsed an unchanged file")):
            self.assertIs(load_tariff(self.path), first)

    def test_tariff_for_dir(self):
        write(os.path.join(self.tmp.name, "test.json"), "0.33")
        self.assertEqual(tariff_for("test", self.tmp.name).standing_charge_per_day, Decimal("0.33"))


class BillSpec(unittest.TestCase):
    def test_region_read_on_every_call(self):
        with mock.patch.dict(os.environ, {"TARIFF_REGION": "coast"}):
            self.assertEqual(monthly_bill(10, 1).region, "coast")
        with mock.patch.dict(os.environ, {"TARIFF_REGION": "north"}):
            self.assertEqual(monthly_bill(10, 1).region, "north")
        with mock.patch.dict(os.environ, clear=True):
            self.assertEqual(monthly_bill(10, 1).region, "north")

    def test_extras_untouched_and_repeatable(self):
        extras = [("meter rental", Decimal("2.50")), ("late fee", Decimal("5.00"))]
        a = monthly_bill(260, 30, region="north", extras=extras)
        b = monthly_bill(260, 30, region="north", extras=extras)
        self.assertEqual(extras, [("meter rental", Decimal("2.50")), ("late fee", Decimal("5.00"))])
        self.assertEqual(a.lines, b.lines)
        self.assertEqual(a.net, Decimal("76.20"))
        self.assertEqual([l for l, _ in a.lines], ["meter rental", "late fee", "energy", "standing charge"])

    def test_bill_lines_not_shared(self):
        a = monthly_bill(50, 30, region="coast")
        a.lines.append(("oops", Decimal("1")))
        self.assertEqual(len(monthly_bill(50, 30, region="coast").lines), 2)


if __name__ == "__main__":
    unittest.main()
