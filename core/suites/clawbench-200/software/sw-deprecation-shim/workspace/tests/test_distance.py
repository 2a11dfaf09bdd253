import unittest

from geokit import bearing_deg, haversine_km

AMS = (52.3676, 4.9041)
BER = (52.5200, 13.4050)


class DistanceTest(unittest.TestCase):
    def test_amsterdam_berlin(self):
        self.assertAlmostEqual(haversine_km(*AMS, *BER), 576.0, delta=1.0)

    def test_zero(self):
        self.assertEqual(haversine_km(*AMS, *AMS), 0.0)

    def test_bearing_east(self):
        self.assertAlmostEqual(bearing_deg(0, 0, 0, 1), 90.0, places=6)


if __name__ == "__main__":
    unittest.main()
