from quillmark.rules import heading_increment, trailing_whitespace


def test_trailing_whitespace():
    assert list(trailing_whitespace(["ok", "bad  "])) == [(2, "trailing whitespace")]


def test_heading_increment():
    assert list(heading_increment(["# A", "### C"])) == [(2, "heading level jumps from 1 to 3")]
