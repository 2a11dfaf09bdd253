#!/bin/sh
# Run the unit tests (no install needed).
cd "$(dirname "$0")/.." || exit 2
PYTHONPATH=src python3 -m unittest discover -s tests -t . "$@"
