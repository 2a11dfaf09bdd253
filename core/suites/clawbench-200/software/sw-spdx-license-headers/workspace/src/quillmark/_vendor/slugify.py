# SPDX-FileCopyrightText: 2015 Val Neekman
# SPDX-License-Identifier: MIT
"""Trimmed copy of python-slugify 8.0.1 (vendored, see LICENSES/MIT.txt)."""
import re
import unicodedata


def slugify(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
