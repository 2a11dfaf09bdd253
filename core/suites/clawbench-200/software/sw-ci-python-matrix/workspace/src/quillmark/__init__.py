"""quillmark - an opinionated Markdown linter."""
__version__ = "1.8.0.dev0"
