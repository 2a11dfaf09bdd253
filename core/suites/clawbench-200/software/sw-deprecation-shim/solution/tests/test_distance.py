import unittest

import warnings

from geokit import bearing_deg, great_circle_km, haversine_km

AMS = (52.3676, 4.9041)
BER = (52.5200, 13.4050)


class DistanceTest(unittest.TestCase):
    def test_amsterdam_berlin(self):
        self.assertAlmostEqual(great_circle_km(AMS, BER), 576.0, delta=1.0)

    def test_zero(self):
        self.assertEqual(great_circle_km(AMS, AMS), 0.0)

    def test_bearing_east(self):
        self.assertAlmostEqual(bearing_deg(0, 0, 0, 1), 90.0, places=6)

    def test_radius_is_keyword_only(self):
        self.assertAlmostEqual(great_circle_km((0, 0), (0, 180), radius_km=1.0), 3.141592653589793)
        with self.assertRaises(TypeError):
            great_circle_km((0, 0), (0, 180), 1.0)


class DeprecatedHaversineTest(unittest.TestCase):
    def test_warns_and_keeps_old_radius(self):
        with self.assertWarns(DeprecationWarning) as cm:
            km = haversine_km(*AMS, *BER)
        self.assertEqual(str(cm.warning), "haversine_km() is deprecated; use great_circle_km((lat1, lon1), (lat2, lon2)) instead")
        self.assertEqual(cm.filename, __file__)
        self.assertAlmostEqual(km, great_circle_km(AMS, BER, radius_km=6371.0), places=9)


if __name__ == "__main__":
    unittest.main()
