#!/bin/bash
# Locks the previous month's ledger periods.
set -euo pipefail
exec /opt/batch/venv/bin/kestrel-batch month-close "$@"
