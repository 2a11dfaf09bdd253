import unittest

from kilnhost.semver import Version, satisfies


class VersionTest(unittest.TestCase):
    def test_parse(self):
        v = Version.parse("2.4.0-rc.2+build.7")
        self.assertEqual((v.major, v.minor, v.patch), (2, 4, 0))
        self.assertEqual(str(v), "2.4.0-rc.2")

    def test_prerelease_before_release(self):
        self.assertLess(Version.parse("2.4.0-rc.2"), Version.parse("2.4.0"))

    def test_invalid(self):
        with self.assertRaises(ValueError):
            Version.parse("2.4")


class ConstraintTest(unittest.TestCase):
    def test_caret(self):
        self.assertTrue(satisfies("2.9.1", "^2.1"))
        self.assertFalse(satisfies("3.0.0", "^2.1"))

    def test_tilde(self):
        self.assertTrue(satisfies("2.3.9", "~2.3"))
        self.assertFalse(satisfies("2.4.0", "~2.3"))

    def test_and(self):
        self.assertTrue(satisfies("2.5.0", ">=2.2.0, <3.0.0"))
        self.assertFalse(satisfies("3.0.0", ">=2.2.0, <3.0.0"))

    def test_exact(self):
        self.assertTrue(satisfies("2.3.4", "2.3.4"))
        self.assertFalse(satisfies("2.3.5", "=2.3.4"))


if __name__ == "__main__":
    unittest.main()
