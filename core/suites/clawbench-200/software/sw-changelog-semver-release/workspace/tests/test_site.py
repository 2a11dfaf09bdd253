import tempfile
import unittest
from pathlib import Path

from pagemill import Site


class DiscoverTest(unittest.TestCase):
    def test_drafts_skipped(self):
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            (root / "index.md").write_text("# Home")
            (root / "_draft.md").write_text("# Draft")
            self.assertEqual([p.name for p in Site(root, root / "out").discover()], ["index.md"])
            self.assertEqual(len(Site(root, root / "out", drafts=True).discover()), 2)


if __name__ == "__main__":
    unittest.main()
