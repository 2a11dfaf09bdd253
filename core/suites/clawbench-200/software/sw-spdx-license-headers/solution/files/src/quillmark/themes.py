# SPDX-FileCopyrightText: 2021-2024 The quillmark authors
# SPDX-License-Identifier: Apache-2.0
"""Built-in page themes."""

THEMES = {
    "classic": {"font": "Libertinus Serif", "size": 11},
    "modern": {"font": "Inter", "size": 10},
}
