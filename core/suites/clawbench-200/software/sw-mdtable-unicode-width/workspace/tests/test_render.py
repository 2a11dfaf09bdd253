import unittest

from tabulark import display_width, pad, render, truncate


class BasicsTest(unittest.TestCase):
    def test_ascii_width(self):
        self.assertEqual(display_width("hello"), 5)
        self.assertEqual(display_width(""), 0)

    def test_pad(self):
        self.assertEqual(pad("ab", 4), "ab  ")
        self.assertEqual(pad("7", 3, "right"), "  7")

    def test_truncate_ascii(self):
        self.assertEqual(truncate("abcdefghij", 5), "abcd\u2026")
        self.assertEqual(truncate("abc", 5), "abc")

    def test_unknown_style(self):
        with self.assertRaises(ValueError):
            render([["a"]], ["h"], style="html")


if __name__ == "__main__":
    unittest.main()
