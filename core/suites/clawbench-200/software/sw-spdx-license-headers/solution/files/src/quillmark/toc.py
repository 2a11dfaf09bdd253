# SPDX-FileCopyrightText: 2021-2024 The quillmark authors
# SPDX-License-Identifier: Apache-2.0
"""Table of contents from ATX headings."""
import re

HEADING = re.compile(r"^(#{1,3}) (.+)$", re.M)


def build_toc(text):
    return [(len(m.group(1)), m.group(2).strip()) for m in HEADING.finditer(text)]
