# Sphinx configuration for the pagemill documentation.
project = "pagemill"
author = "Jonas Weber"
copyright = "2022-2024, Jonas Weber"

# The short X.Y version and the full version, including alpha/beta/rc tags.
version = "2.3"
release = "2.3.1"

extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "myst_parser"]
html_theme = "furo"
html_title = f"pagemill {release}"
