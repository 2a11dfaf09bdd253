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

    def test_prerelease_identifiers_numeric(self):
        # issue #212: rc.2 < rc.10, numeric before alphanumeric, shorter list first
        self.assertLess(Version.parse("2.4.0-rc.2"), Version.parse("2.4.0-rc.10"))
        self.assertLess(Version.parse("1.0.0-1"), Version.parse("1.0.0-alpha"))
        self.assertLess(Version.parse("1.0.0-alpha"), Version.parse("1.0.0-alpha.1"))


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

    def test_caret_zero_major(self):
        self.assertTrue(satisfies("0.2.9", "^0.2.3"))
        self.assertFalse(satisfies("0.3.0", "^0.2.3"))
        self.assertFalse(satisfies("0.0.4", "^0.0.3"))

    def test_tilde_major_only(self):
        self.assertTrue(satisfies("2.9.0", "~2"))
        self.assertFalse(satisfies("3.0.0", "~2"))

    def test_or_and_star_wildcards(self):
        # issues #215 and #219
        self.assertTrue(satisfies("3.1.0", "2.x || 3.x"))
        self.assertFalse(satisfies("4.0.0", "2.x || 3.x"))
        self.assertTrue(satisfies("2.4.7", "2.4.*"))

    def test_prereleases_opt_in(self):
        # issues #212 and #220
        self.assertFalse(satisfies("2.4.0-rc.2", "^2.1"))
        self.assertFalse(satisfies("2.4.0-rc.2", "~2.3"))
        self.assertFalse(satisfies("2.4.0-rc.2", "^2.4.0-rc.10"))
        self.assertTrue(satisfies("2.4.0-rc.2", ">=2.4.0-rc.1, <3.0.0"))

    def test_invalid_constraints(self):
        for bad in (">=2.0", "=1.2", "^1.2 ||", ">=1.0.0,"):
            with self.subTest(constraint=bad), self.assertRaises(ValueError):
                satisfies("1.0.0", bad)


if __name__ == "__main__":
    unittest.main()
