#!/bin/sh
# CI job "deploy-aurora" (runs on every merge to main). The real job ends with `deploy`;
# `config --explain` shows what it would use.
set -e
export PYTHONPATH="$(cd "$(dirname "$0")/.." && pwd)"
export SHIPYARD_REGION=eu-west
export SHIPYARD_DRY_RUN=false
export SHIPYARD_EXCLUDE="drafts/**, *.psd"
cd "$PYTHONPATH/sites/aurora"
python3 -m shipyard config --explain --parallel 8 --exclude "*.map"
