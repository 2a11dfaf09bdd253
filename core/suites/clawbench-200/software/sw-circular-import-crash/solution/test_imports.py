"""Regression test for the models <-> calc import cycle (club night 2024-07-04): every brewlog
module must be importable on its own, first thing in a fresh interpreter."""
import subprocess
import sys
import unittest

MODULES = ["brewlog", "brewlog.models", "brewlog.calc", "brewlog.cli"]


class ImportTest(unittest.TestCase):
    def test_each_module_imports_first(self):
        for name in MODULES:
            with self.subTest(module=name):
                proc = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True)
                self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_public_api(self):
        proc = subprocess.run([sys.executable, "-c", "from brewlog import Batch, Recipe, abv, apparent_attenuation, expected_fg"],
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)


if __name__ == "__main__":
    unittest.main()
