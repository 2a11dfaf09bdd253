import io
import unittest
from contextlib import redirect_stdout

from roomie.cli import main


class CliTest(unittest.TestCase):
    def test_book(self):
        out = io.StringIO()
        with redirect_stdout(out):
            rc = main(["book", "Galley", "2024-07-16T14:00", "2024-07-16T15:30", "chen"])
        self.assertEqual(rc, 0)
        self.assertEqual(out.getvalue().strip(), "booked Galley 2024-07-16 14:00-15:30 for chen")
