import json
import os
import tempfile
import unittest
from decimal import Decimal

from tariffcalc import load_tariff, tariff_for

SCRATCH = os.path.join(tempfile.gettempdir(), "tariffcalc-test-tariff.json")


def write_tariff(path, daily):
    with open(path, "w") as fh:
        json.dump({"region": "test", "standing_charge_per_day": daily, "vat_rate": "0.05",
                   "bands": [{"price_per_kwh": "0.10"}]}, fh)


class TariffFileTest(unittest.TestCase):
    def test_north(self):
        t = tariff_for("north")
        self.assertEqual(t.standing_charge_per_day, Decimal("0.41"))
        self.assertEqual(t.bands[-1], (None, Decimal("0.31")))

    def test_scratch_tariff_low(self):
        write_tariff(SCRATCH + ".low", "0.3")
        self.assertEqual(load_tariff(SCRATCH + ".low").standing_charge_per_day, Decimal("0.3"))

    def test_scratch_tariff_high(self):
        write_tariff(SCRATCH + ".high", "0.55")
        self.assertEqual(load_tariff(SCRATCH + ".high").standing_charge_per_day, Decimal("0.55"))
