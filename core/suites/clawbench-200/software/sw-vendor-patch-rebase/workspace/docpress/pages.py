"""Page rendering: Markdown body inside our article template."""
import minimark

TEMPLATE = "<article class='doc' data-title='{title}'>\n<h1>{title}</h1>\n{body}\n</article>\n"


def render_page(title: str, markdown: str) -> str:
    """The title goes into a single-quoted attribute, hence the local minimark patch."""
    return TEMPLATE.format(title=minimark.escape_html(title), body=minimark.render(markdown))
