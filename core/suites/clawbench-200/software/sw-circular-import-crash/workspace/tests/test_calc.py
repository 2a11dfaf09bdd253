import unittest

from brewlog import Recipe, abv, apparent_attenuation, expected_fg


class CalcTest(unittest.TestCase):
    def test_abv(self):
        self.assertEqual(abv(1.050, 1.010), 5.3)

    def test_attenuation(self):
        self.assertEqual(apparent_attenuation(1.050, 1.010), 80)

    def test_expected_fg(self):
        self.assertEqual(expected_fg(1.060, Recipe("x", "IPA", 75.0)), 1.015)


if __name__ == "__main__":
    unittest.main()
