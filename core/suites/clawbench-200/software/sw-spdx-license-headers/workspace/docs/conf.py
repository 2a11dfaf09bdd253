# Sphinx configuration
project = "quillmark"
extensions = ["myst_parser"]
html_theme = "furo"
