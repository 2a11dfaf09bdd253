# SPDX-FileCopyrightText: 2021-2024 The quillmark authors
# SPDX-License-Identifier: Apache-2.0
"""quillmark: Markdown to print-ready PDF."""
from ._version import version as __version__

__all__ = ["__version__"]
