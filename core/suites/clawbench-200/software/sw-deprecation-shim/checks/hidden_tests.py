"""Hidden acceptance tests for ADR 0007 (run against the workspace's src/)."""
import contextlib
import io
import unittest
import warnings

import geokit
from geokit import distance
from geokit.cli import main as cli_main

AMS, BER = (52.3676, 4.9041), (52.5200, 13.4050)
LIS, SYD = (38.7223, -9.1393), (-33.8688, 151.2093)
MSG = "haversine_km() is deprecated; use great_circle_km((lat1, lon1), (lat2, lon2)) instead"


def recorded(fn, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn(*args, **kwargs)
    return result, [w for w in caught if issubclass(w.category, DeprecationWarning)]


class GreatCircleTest(unittest.TestCase):
    def test_mean_radius_default(self):
        self.assertAlmostEqual(geokit.great_circle_km(AMS, BER), 576.0879956415204, places=7)
        self.assertAlmostEqual(distance.great_circle_km(LIS, SYD), 18177.349291732065, places=6)

    def test_custom_radius_keyword_only(self):
        self.assertAlmostEqual(distance.great_circle_km((0, 0), (0, 90), radius_km=2.0), 3.141592653589793, places=9)
        with self.assertRaises(TypeError):
            distance.great_circle_km((0, 0), (0, 90), 2.0)

    def test_exported(self):
        self.assertIn("great_circle_km", geokit.__all__)
        self.assertIn("haversine_km", geokit.__all__)


class DeprecatedTest(unittest.TestCase):
    def test_old_values_kept(self):
        km, _ = recorded(geokit.haversine_km, *AMS, *BER)
        self.assertAlmostEqual(km, 576.0871999159892, places=9)
        km, _ = recorded(distance.haversine_km, *LIS, *SYD)
        self.assertAlmostEqual(km, 18177.324184142548, places=8)

    def test_warning(self):
        _, caught = recorded(geokit.haversine_km, *AMS, *BER)
        self.assertEqual(len(caught), 1)
        self.assertEqual(str(caught[0].message), MSG)
        self.assertEqual(caught[0].filename, __file__, "stacklevel=2 must point at the caller")


class InternalCallersTest(unittest.TestCase):
    def test_route_and_nearby_use_new_function(self):
        km, caught = recorded(geokit.route_length_km, [(0, 0), (0, 1), (1, 1)])
        self.assertAlmostEqual(km, 222.3901604670658, places=7)
        self.assertEqual(caught, [])
        (name, km), caught = recorded(geokit.nearest, AMS, [("ber", *BER), ("lis", *LIS)])
        self.assertEqual(name, "ber")
        self.assertAlmostEqual(km, 576.0879956415204, places=7)
        self.assertEqual(caught, [])
        names, caught = recorded(geokit.within_km, AMS, [("ber", *BER), ("lis", *LIS)], 600)
        self.assertEqual((names, caught), (["ber"], []))

    def test_cli(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            _, caught = recorded(cli_main, ["distance", "48.8566", "2.3522", "51.5074", "-0.1278"])
        self.assertEqual(out.getvalue().strip(), "343.557")
        self.assertEqual(caught, [])


if __name__ == "__main__":
    unittest.main()
