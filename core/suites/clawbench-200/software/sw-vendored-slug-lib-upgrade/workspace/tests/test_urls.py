"""Every URL we ever published must stay exactly the same (tests/golden/urls.tsv)."""
import os
import unittest
from datetime import date

from inkpot import feed, urls

GOLDEN = os.path.join(os.path.dirname(__file__), "golden", "urls.tsv")


def golden():
    rows = []
    with open(GOLDEN, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                rows.append(line.rstrip("\n").split("\t"))
    return rows


class GoldenUrlTest(unittest.TestCase):
    def test_month_archive(self):
        rows = [r for r in golden() if r[0] == "month:2024-06"]
        posts = [(date.fromisoformat(inp[:10]), inp[11:]) for _, inp, _ in rows]
        self.assertEqual(urls.month_urls(posts), [url for _, _, url in rows])

    def test_single_posts(self):
        for _, inp, url in (r for r in golden() if r[0] == "post"):
            with self.subTest(title=inp):
                self.assertEqual(urls.post_url(date.fromisoformat(inp[:10]), inp[11:]), url)

    def test_authors(self):
        for _, name, url in (r for r in golden() if r[0] == "author"):
            with self.subTest(name=name):
                self.assertEqual(urls.author_url(name), url)

    def test_tags(self):
        for _, tag, url in (r for r in golden() if r[0] == "tag"):
            with self.subTest(tag=tag):
                self.assertEqual(feed.tag_url(tag), url)

    def test_feed_authors(self):
        for _, name, plain in (r for r in golden() if r[0] == "feed-author"):
            with self.subTest(name=name):
                self.assertEqual(feed.feed_author(name), plain)


if __name__ == "__main__":
    unittest.main()
