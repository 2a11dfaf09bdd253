#!/bin/sh
cd "$(dirname "$0")" || exit 2
PYTHONPATH=src python3 -W error::DeprecationWarning -m unittest discover -s tests -v
