# Copyright (c) 2021 quillmark contributors
# Licensed under the Apache License, Version 2.0
"""Built-in page themes."""

THEMES = {
    "classic": {"font": "Libertinus Serif", "size": 11},
    "modern": {"font": "Inter", "size": 10},
}
