import os
import tempfile
import unittest

from shipyard.settings import parse_list, resolve


class SettingsTest(unittest.TestCase):
    def test_defaults(self):
        with tempfile.TemporaryDirectory() as d:
            _, s = resolve(["config"], environ={}, cwd=d)
        self.assertEqual((s.region, s.parallel, s.exclude), ("eu-central", 4, [".git/**"]))
        self.assertEqual(s.sources["region"], "default")

    def test_file(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "shipyard.toml"), "w") as fh:
                fh.write('[deploy]\ntarget = "s3://x"\nparallel = 2\n')
            _, s = resolve(["config"], environ={}, cwd=d)
        self.assertEqual((s.target, s.parallel), ("s3://x", 2))
        self.assertEqual(s.sources["parallel"], "file")

    def test_parse_list(self):
        self.assertEqual(parse_list(" a/** , *.psd,, "), ["a/**", "*.psd"])


if __name__ == "__main__":
    unittest.main()
