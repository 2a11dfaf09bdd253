# SPDX-FileCopyrightText: 2021-2024 The quillmark authors
# SPDX-License-Identifier: Apache-2.0
#!/bin/sh
# Build the example book into dist/.
set -e
cd "$(dirname "$0")/.."
mkdir -p dist
PYTHONPATH=src python3 -m quillmark.cli examples/book.md -o dist/book.pdf
