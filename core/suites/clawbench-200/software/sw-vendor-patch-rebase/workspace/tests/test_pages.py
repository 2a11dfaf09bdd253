import unittest

import docpress  # noqa: F401  (puts vendor/ on the path)
import minimark
from docpress.pages import render_page


class PageTest(unittest.TestCase):
    def test_single_quote_in_title(self):
        html = render_page("Reader's guide", "Hello")
        self.assertIn("data-title='Reader&#x27;s guide'", html)

    def test_body(self):
        html = render_page("T", "# Opening hours\n\n- Mon *9-17*\n- Sat **closed**")
        self.assertIn("<h1>Opening hours</h1>\n<ul><li>Mon <em>9-17</em></li><li>Sat <strong>closed</strong></li></ul>", html)

    def test_escape(self):
        self.assertEqual(minimark.escape_html("<a & 'b'>"), "&lt;a &amp; &#x27;b&#x27;&gt;")


if __name__ == "__main__":
    unittest.main()
