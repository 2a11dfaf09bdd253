# SPDX-FileCopyrightText: 2021-2024 The quillmark authors
# SPDX-License-Identifier: Apache-2.0
import unittest

from quillmark.toc import build_toc


class TocTest(unittest.TestCase):
    def test_levels(self):
        self.assertEqual(build_toc("# A\n### C\n#### too deep\n"), [(1, "A"), (3, "C")])


if __name__ == "__main__":
    unittest.main()
