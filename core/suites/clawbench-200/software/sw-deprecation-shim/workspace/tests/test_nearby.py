import unittest

from geokit import nearest, route_length_km, within_km

DEPOTS = [("north", 52.40, 4.90), ("south", 52.30, 4.88), ("east", 52.36, 5.00)]


class NearbyTest(unittest.TestCase):
    def test_nearest(self):
        name, km = nearest((52.37, 4.90), DEPOTS)
        self.assertEqual(name, "north")
        self.assertLess(km, 4.0)

    def test_within(self):
        self.assertEqual(within_km((52.37, 4.90), DEPOTS, 7.0), ["north", "east"])

    def test_route(self):
        self.assertAlmostEqual(route_length_km([(0, 0), (0, 1), (1, 1)]), 222.39, delta=0.05)


if __name__ == "__main__":
    unittest.main()
