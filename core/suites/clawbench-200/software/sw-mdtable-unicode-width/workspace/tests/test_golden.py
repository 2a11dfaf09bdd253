"""Golden tests: every case of tests/cases.json renders exactly as tests/golden/<case>.txt.
Regenerate the files with `python3 scripts/regen_golden.py` after an intended change, and
review the diff."""
import json
import os
import unittest

from tabulark import render

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = json.load(open(os.path.join(HERE, "cases.json"), encoding="utf-8"))


class GoldenTest(unittest.TestCase):
    def test_cases(self):
        for name, case in CASES.items():
            with self.subTest(case=name):
                with open(os.path.join(HERE, "golden", name + ".txt"), encoding="utf-8") as fh:
                    want = fh.read()
                got = render(case["rows"], case["headers"], style=case["style"], max_col_width=case.get("max_col_width"))
                self.assertEqual(got, want)


if __name__ == "__main__":
    unittest.main()
