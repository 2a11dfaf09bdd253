import yaml


def front_matter(path):
    """(meta dict or None, body text) of a note."""
    text = open(path, encoding="utf-8").read()
    if not text.startswith("---\n"):
        return None, text
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end + 1]) or {}, text[end + 5:]
