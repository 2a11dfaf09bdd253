"""Hidden acceptance tests for docs/constraints.md."""
import unittest

from kilnhost.semver import Version, satisfies

ORDER = ["0.9.9", "1.0.0-0", "1.0.0-1", "1.0.0-2", "1.0.0-10", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
         "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0-rc.2",
         "2.0.0-rc.10", "2.0.0"]

CASES = [
    # caret
    ("1.9.9", "^1.2.3", True), ("2.0.0", "^1.2.3", False), ("1.2.2", "^1.2.3", False),
    ("0.2.9", "^0.2.3", True), ("0.3.0", "^0.2.3", False), ("0.2.2", "^0.2.3", False),
    ("0.0.3", "^0.0.3", True), ("0.0.4", "^0.0.3", False),
    ("1.0.0", "^1", True), ("1.99.0", "^1", True), ("2.0.0", "^1", False),
    ("0.2.5", "^0.2", True), ("0.3.0", "^0.2", False), ("0.0.9", "^0.0", True), ("0.1.0", "^0.0", False),
    ("0.9.0", "^0", True), ("1.0.0", "^0", False), ("0.3.1", "^0.3.1", True), ("0.4.0", "^0.3.1", False),
    # tilde
    ("1.2.9", "~1.2.3", True), ("1.3.0", "~1.2.3", False), ("1.2.2", "~1.2.3", False),
    ("1.2.0", "~1.2", True), ("1.3.0", "~1.2", False), ("1.9.0", "~1", True), ("2.0.0", "~1", False), ("1.0.0", "~1", True),
    ("0.2.5", "~0.2.3", True), ("0.3.0", "~0.2.3", False),
    # wildcards and partials
    ("1.2.7", "1.2.x", True), ("1.3.0", "1.2.*", False), ("1.2.0", "1.2", True), ("1.3.0", "1.2", False),
    ("1.7.0", "1.x", True), ("2.0.0", "1.*", False), ("1.0.0", "1", True), ("2.0.0", "1", False),
    ("7.3.1", "*", True), ("0.0.0", "x", True),
    # comparisons, AND, whitespace
    ("2.5.0", ">= 2.2.0 ,<3.0.0", True), ("2.4.0", ">=2.2.0, !=2.4.0", False), ("2.4.1", ">=2.2.0,!=2.4.0", True),
    ("1.2.3", "<=1.2.3", True), ("1.2.4", "<=1.2.3", False), ("1.2.3", ">1.2.3", False), ("1.2.3", "=1.2.3", True),
    ("1.2.3", "1.2.3+build.5", True), ("1.2.3+meta", "1.2.3", True),
    # OR
    ("3.4.0", "^2 || ^3", True), ("4.0.0", "^2 || ^3", False), ("0.9.5", "^0.9||^2", True), ("1.0.0", "^0.9 || ^2", False),
    ("3.0.0", "2.x || 3.x", True), ("1.5.0", "<1.0.0 || >=1.5.0, <1.6.0", True), ("1.6.0", "<1.0.0 || >=1.5.0, <1.6.0", False),
    # prereleases
    ("2.4.0-rc.2", ">=2.4.0-rc.1, <3.0.0", True), ("2.4.0-rc.2", "^2.1", False), ("2.4.0-rc.2", ">=2.0.0", False),
    ("2.4.0-rc.2", "*", False), ("2.4.0-rc.2", "^2.4.0-rc.10", False), ("2.4.0-rc.11", "^2.4.0-rc.10", True),
    ("2.4.1-rc.1", "^2.4.0-rc.10", False), ("2.4.0", "^2.4.0-rc.10", True), ("2.4.0-rc.2", ">=2.4.0-beta.2", True),
    ("2.4.0-alpha", ">=2.4.0-beta.2", False), ("2.4.0-rc.2", "~2.3", False), ("2.4.0-rc.2", "<2.4.0", False),
    ("2.4.0-rc.2", "^1 || >=2.4.0-rc.1", True), ("2.4.0-rc.2", "^2.4.0-rc.1, <2.4.0-rc.3", True),
    ("2.4.0-rc.2", "2.4.0-rc.2", True),
]

INVALID = [">=2.0", "=1.2", "x.2.3", "1.x.3", "^1.2 ||", ">=1.0.0,", "", "  ", "^", "~x", "1.2.3.4", "> =1.0.0", ">=1.0", "^1.2.3 <2"]


class Ordering(unittest.TestCase):
    def test_precedence(self):
        versions = [Version.parse(v) for v in ORDER]
        for a, b in zip(versions, versions[1:]):
            with self.subTest(a=str(a), b=str(b)):
                self.assertLess(a, b)
                self.assertGreater(b, a)

    def test_build_ignored(self):
        self.assertEqual(Version.parse("1.2.3+a"), Version.parse("1.2.3+b"))


class Matching(unittest.TestCase):
    def test_cases(self):
        for version, constraint, want in CASES:
            with self.subTest(version=version, constraint=constraint):
                self.assertIs(satisfies(version, constraint), want)

    def test_invalid(self):
        for constraint in INVALID:
            with self.subTest(constraint=constraint):
                with self.assertRaises(ValueError):
                    satisfies("1.0.0", constraint)


if __name__ == "__main__":
    unittest.main()
