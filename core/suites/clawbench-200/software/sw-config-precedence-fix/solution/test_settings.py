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


def project(toml=None):
    d = tempfile.mkdtemp()
    if toml is not None:
        with open(os.path.join(d, "shipyard.toml"), "w") as fh:
            fh.write(toml)
    return d


class PrecedenceTest(unittest.TestCase):
    def test_cli_beats_env_beats_file(self):
        d = project('[deploy]\nparallel = 2\nregion = "us-east"\n')
        _, s = resolve(["config", "--parallel", "8"], environ={"SHIPYARD_PARALLEL": "6", "SHIPYARD_REGION": "eu-west"}, cwd=d)
        self.assertEqual((s.parallel, s.sources["parallel"]), (8, "cli"))
        self.assertEqual((s.region, s.sources["region"]), ("eu-west", "env"))

    def test_env_false_is_false(self):
        d = project('[deploy]\ndry_run = true\n')
        _, s = resolve(["deploy"], environ={"SHIPYARD_DRY_RUN": "false"}, cwd=d)
        self.assertEqual((s.dry_run, s.sources["dry_run"]), (False, "env"))

    def test_absent_flag_does_not_override(self):
        d = project('[deploy]\ndry_run = true\n')
        _, s = resolve(["deploy"], environ={}, cwd=d)
        self.assertEqual((s.dry_run, s.sources["dry_run"]), (True, "file"))

    def test_bad_bool_rejected(self):
        with self.assertRaises(ValueError):
            resolve(["deploy"], environ={"SHIPYARD_DRY_RUN": "maybe"}, cwd=project())

    def test_exclude_flags_append(self):
        _, s = resolve(["config", "--exclude", "*.map", "--exclude", "*.psd"],
                       environ={"SHIPYARD_EXCLUDE": "drafts/**, *.psd"}, cwd=project())
        self.assertEqual(s.exclude, ["drafts/**", "*.psd", "*.map"])
        self.assertEqual(s.sources["exclude"], "cli")


if __name__ == "__main__":
    unittest.main()
