"""minimark - render a small, safe subset of Markdown to HTML.

Supported: ATX headings (#, ##, ###), paragraphs, unordered lists (- item), **strong**,
*emphasis*, ~~strikethrough~~, `code` and [links](url). Everything else is escaped text.
"""
import re

__version__ = "0.9.2"

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def escape_html(text):
    """Escape text for use in HTML element content and double-quoted attributes."""
    # docpress: also escape single quotes - our templates use single-quoted attributes
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


def _render_span(text):
    text = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"\*([^*]+)\*", r"<em>\1</em>", text)
    text = re.sub(r"~~([^~]+)~~", r"<del>\1</del>", text)
    return _LINK.sub(r'<a href="\2">\1</a>', text)


def render_inline(text):
    # code spans are literal: emphasis and links are not processed inside them
    parts = re.split(r"`([^`]+)`", escape_html(text))
    return "".join(f"<code>{part}</code>" if i % 2 else _render_span(part) for i, part in enumerate(parts))


def render(markdown):
    """Render `markdown` to an HTML fragment (blocks separated by newlines)."""
    html, paragraph, items = [], [], []

    def flush():
        if paragraph:
            html.append("<p>" + render_inline(" ".join(paragraph)) + "</p>")
            paragraph.clear()
        if items:
            html.append("<ul>" + "".join("<li>" + render_inline(i) + "</li>" for i in items) + "</ul>")
            items.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        heading = re.match(r"^(#{1,3})\s+(.*)$", stripped)
        if not stripped:
            flush()
        elif heading:
            flush()
            level = len(heading.group(1))
            html.append(f"<h{level}>{render_inline(heading.group(2))}</h{level}>")
        elif stripped.startswith("- "):
            if paragraph:
                flush()
            items.append(stripped[2:])
        else:
            if items:
                flush()
            paragraph.append(stripped)
    flush()
    return "\n".join(html)
