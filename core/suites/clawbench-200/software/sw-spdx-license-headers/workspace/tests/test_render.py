import os
import tempfile
import unittest

from quillmark.render import render_book


class RenderTest(unittest.TestCase):
    def test_toc(self):
        with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False) as fh:
            fh.write("# One\n\ntext\n\n## Two\n")
        try:
            result = render_book(fh.name, "out.pdf")
        finally:
            os.unlink(fh.name)
        self.assertEqual(result["toc"], [(1, "One"), (2, "Two")])


if __name__ == "__main__":
    unittest.main()
