"""Hidden tests of docs/configuration.md against the workspace's shipyard.settings."""
import os
import tempfile
import unittest

from shipyard.settings import resolve


def project(toml=None, name="shipyard.toml"):
    d = tempfile.mkdtemp()
    if toml is not None:
        with open(os.path.join(d, name), "w") as fh:
            fh.write(toml)
    return d


FILE = '[deploy]\ntarget = "s3://from-file"\nregion = "us-east"\nparallel = 2\ndry_run = true\nexclude = [".git/**", "node_modules/**"]\ncache_max_age = 60\n'


class PrecedenceTest(unittest.TestCase):
    def test_each_level(self):
        d = project(FILE)
        _, s = resolve(["deploy"], environ={}, cwd=d)
        self.assertEqual((s.target, s.region, s.parallel, s.dry_run, s.cache_max_age), ("s3://from-file", "us-east", 2, True, 60))
        self.assertEqual(set(s.sources.values()), {"file"})
        env = {"SHIPYARD_REGION": "ap-south", "SHIPYARD_PARALLEL": "6", "SHIPYARD_CACHE_MAX_AGE": "10"}
        _, s = resolve(["deploy"], environ=env, cwd=d)
        self.assertEqual((s.region, s.parallel, s.cache_max_age), ("ap-south", 6, 10))
        self.assertEqual((s.sources["region"], s.sources["parallel"], s.sources["target"]), ("env", "env", "file"))
        _, s = resolve(["deploy", "--region", "eu-north", "--parallel", "16", "--cache-max-age", "5", "--target", "s3://cli"], environ=env, cwd=d)
        self.assertEqual((s.target, s.region, s.parallel, s.cache_max_age), ("s3://cli", "eu-north", 16, 5))
        self.assertEqual({s.sources[k] for k in ("target", "region", "parallel", "cache_max_age")}, {"cli"})

    def test_dry_run_tristate(self):
        d = project(FILE)
        self.assertEqual(resolve(["deploy"], environ={}, cwd=d)[1].dry_run, True)
        _, s = resolve(["deploy", "--no-dry-run"], environ={"SHIPYARD_DRY_RUN": "yes"}, cwd=d)
        self.assertEqual((s.dry_run, s.sources["dry_run"]), (False, "cli"))
        _, s = resolve(["deploy", "--dry-run"], environ={"SHIPYARD_DRY_RUN": "0"}, cwd=project())
        self.assertEqual((s.dry_run, s.sources["dry_run"]), (True, "cli"))
        _, s = resolve(["deploy"], environ={}, cwd=project())
        self.assertEqual((s.dry_run, s.sources["dry_run"]), (False, "default"))

    def test_env_booleans(self):
        d = project(FILE)
        for text, want in [("false", False), ("FALSE", False), (" off ", False), ("no", False), ("0", False), ("", False),
                           ("true", True), ("On", True), ("YES", True), ("1", True)]:
            _, s = resolve(["deploy"], environ={"SHIPYARD_DRY_RUN": text}, cwd=d)
            self.assertEqual(s.dry_run, want, text)
            self.assertEqual(s.sources["dry_run"], "env")
        for bad in ("maybe", "2", "t"):
            with self.assertRaises(ValueError):
                resolve(["deploy"], environ={"SHIPYARD_DRY_RUN": bad}, cwd=d)


class ExcludeTest(unittest.TestCase):
    def test_env_replaces_file(self):
        _, s = resolve(["deploy"], environ={"SHIPYARD_EXCLUDE": " drafts/** ,*.psd,, "}, cwd=project(FILE))
        self.assertEqual((s.exclude, s.sources["exclude"]), (["drafts/**", "*.psd"], "env"))

    def test_flags_append(self):
        _, s = resolve(["deploy", "--exclude", "*.map", "--exclude", "node_modules/**", "--exclude", "tmp/**"], environ={}, cwd=project(FILE))
        self.assertEqual(s.exclude, [".git/**", "node_modules/**", "*.map", "tmp/**"])
        self.assertEqual(s.sources["exclude"], "cli")
        _, s = resolve(["deploy", "--exclude", "*.bak"], environ={}, cwd=project())
        self.assertEqual(s.exclude, [".git/**", "*.bak"])

    def test_default_list_not_shared(self):
        _, a = resolve(["deploy", "--exclude", "x"], environ={}, cwd=project())
        _, b = resolve(["deploy"], environ={}, cwd=project())
        self.assertEqual(b.exclude, [".git/**"])


class ConfigFileTest(unittest.TestCase):
    def test_config_flag_beats_variable(self):
        d = project('[deploy]\nregion = "a"\n', name="a.toml")
        with open(os.path.join(d, "b.toml"), "w") as fh:
            fh.write('[deploy]\nregion = "b"\n')
        self.assertEqual(resolve(["deploy"], environ={"SHIPYARD_CONFIG": "b.toml"}, cwd=d)[1].region, "b")
        self.assertEqual(resolve(["deploy", "--config", "a.toml"], environ={"SHIPYARD_CONFIG": "b.toml"}, cwd=d)[1].region, "a")

    def test_missing_files(self):
        self.assertEqual(resolve(["deploy"], environ={}, cwd=project())[1].region, "eu-central")
        with self.assertRaises(FileNotFoundError):
            resolve(["deploy", "--config", "nope.toml"], environ={}, cwd=project())
        with self.assertRaises(FileNotFoundError):
            resolve(["deploy"], environ={"SHIPYARD_CONFIG": "nope.toml"}, cwd=project())


if __name__ == "__main__":
    unittest.main()
