#!/bin/bash
# Checks table bloat and autovacuum lag.
set -euo pipefail
exec /opt/batch/venv/bin/kestrel-batch db-vacuum-check "$@"
