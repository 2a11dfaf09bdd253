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
        write_tariff(SCRATCH, "0.3")
        self.assertEqual(load_tariff(SCRATCH).standing_charge_per_day, Decimal("0.3"))

    def test_scratch_tariff_high(self):
        write_tariff(SCRATCH, "0.55")
        self.assertEqual(load_tariff(SCRATCH).standing_charge_per_day, Decimal("0.55"))

    def test_changed_file_is_reloaded(self):
        # regression: the cache ignored changes to the file (docs/tariffs.md)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "t.json")
            write_tariff(path, "0.40")
            self.assertEqual(load_tariff(path).standing_charge_per_day, Decimal("0.40"))
            write_tariff(path, "0.45")
            st = os.stat(path)
            os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # same size: rely on mtime
            self.assertEqual(load_tariff(path).standing_charge_per_day, Decimal("0.45"))
            self.assertIs(load_tariff(path), load_tariff(path))
