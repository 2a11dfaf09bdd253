"""Accessibility fixes on one timetable page: lang, table caption/headers (data intact), images, links, labels."""
import json
import os
import sys
from html.parser import HTMLParser

PAGE = sys.argv[1]          # route-12 or route-40
ASPECT = sys.argv[2]        # lang | table | media
PATH = f"site/timetables/{PAGE}.html"
VOID = {"meta", "link", "img", "input", "br", "hr", "source", "area", "base", "col", "wbr"}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return " ".join("".join(c if isinstance(c, str) else c.text() + " " for c in self.children).split())

    def find_all(self, tag):
        out = []
        for c in self.children:
            if isinstance(c, Node):
                if c.tag == tag:
                    out.append(c)
                out += c.find_all(tag)
        return out

    def elems(self):
        return [c for c in self.children if isinstance(c, Node)]


class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


if not os.path.isfile(PATH):
    verdict(False, "missing", PATH, f"{PATH} does not exist")
p = P()
p.feed(open(PATH, encoding="utf-8").read())
root = p.root
exp_tables = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected_tables.json")))
SPEC = {
    "route-12": {"table": "tt12", "caption": "Route 12 timetable, Monday to Friday",
                 "imgs": {"/img/logo.svg": "Coastline Buses home", "/img/route-12-map.png": "Map of route 12 from Harbour Square to Northgate Hospital", "/img/divider-wave.svg": ""},
                 "links": {"/fares/route-12": "Route 12 fares", "/": None}, "labels": {}},
    "route-40": {"table": "tt40", "caption": "Route 40 timetable, Saturday",
                 "imgs": {"/img/logo.svg": "Coastline Buses home"},
                 "links": {"/news/route-40-changes": "Route 40 service changes", "/": None},
                 "labels": {"sms-phone": "Mobile number for SMS alerts"}},
}[PAGE]

if ASPECT == "lang":
    html = root.find_all("html")
    got = html[0].attrs.get("lang") if html else None
    verdict(got == "en-GB", got, "en-GB", "<html lang> must be en-GB")

if ASPECT == "table":
    tables = [t for t in root.find_all("table") if t.attrs.get("id") == SPEC["table"]]
    if len(tables) != 1:
        verdict(False, len(tables), 1, f"table#{SPEC['table']} must exist once")
    t = tables[0]
    kids = t.elems()
    if not kids or kids[0].tag != "caption" or kids[0].text() != SPEC["caption"]:
        verdict(False, kids[0].tag + ": " + kids[0].text() if kids else None, "caption: " + SPEC["caption"], "caption must be the table's first child with the audit's text")
    want = exp_tables[SPEC["table"]]
    rows = t.find_all("tr")
    if len(rows) != len(want):
        verdict(False, len(rows), len(want), "row count changed")
    for i, (tr, wrow) in enumerate(zip(rows, want)):
        cells = [c for c in tr.elems() if c.tag in ("td", "th")]
        texts = [c.text() for c in cells]
        if texts != wrow:
            verdict(False, texts, wrow, f"row {i + 1}: cell text changed")
        if tr.find_all("b") or tr.find_all("strong"):
            verdict(False, "bold markup in row", "no <b>/<strong>", f"row {i + 1} still fakes headers with bold")
        if i == 0:
            shape = [(c.tag, c.attrs.get("scope")) for c in cells]
            if any(s != ("th", "col") for s in shape):
                verdict(False, shape, "all th scope=col", "header row cells must be th scope=col")
        else:
            shape = [(c.tag, c.attrs.get("scope")) for c in cells]
            if shape[0] != ("th", "row") or any(c.tag != "td" for c in cells[1:]):
                verdict(False, shape, "th scope=row then td", f"row {i + 1}: stop name must be th scope=row, times td")
    if len(t.find_all("thead")) != 1 or len(t.find_all("tbody")) != 1:
        verdict(False, "thead/tbody", "one thead and one tbody", "keep the table's thead/tbody structure")
    verdict(True, SPEC["table"], SPEC["table"], "table structure and data correct")

if ASPECT == "media":
    imgs = {i.attrs.get("src"): i.attrs.get("alt") for i in root.find_all("img")}
    if imgs != SPEC["imgs"]:
        verdict(False, imgs, SPEC["imgs"], "image alt attributes wrong (informative: audit text; decorative: empty alt present)")
    links = {a.attrs.get("href"): a.text() for a in root.find_all("a")}
    for href, txt in SPEC["links"].items():
        if href not in links or (txt is not None and links[href] != txt):
            verdict(False, links, SPEC["links"], f"link to {href} must keep its href and read '{txt}'")
    if len(links) != len(SPEC["links"]):
        verdict(False, sorted(links), sorted(SPEC["links"]), "links were added or removed")
    for ctl, txt in SPEC["labels"].items():
        labels = [lb for lb in root.find_all("label") if lb.attrs.get("for") == ctl]
        if len(labels) != 1 or labels[0].text() != txt:
            verdict(False, [lb.text() for lb in labels], txt, f"control #{ctl} needs one label with the audit text")
        form = labels[0].parent
        sib = form.elems()
        idx = sib.index(labels[0])
        if idx + 1 >= len(sib) or sib[idx + 1].attrs.get("id") != ctl:
            verdict(False, [s.tag for s in sib], f"label directly before #{ctl}", "the label must come directly before its control")
    if PAGE == "route-40" and len(root.find_all("iframe")) != 1:
        verdict(False, "iframe changed", "iframe kept", "the wontfix map iframe must stay")
    verdict(True, imgs, SPEC["imgs"], "images, links and labels correct")
verdict(False, ASPECT, "lang|table|media", "bad argument")
