#!/bin/bash
# Creates the day's invoices from delivered shipments.
set -euo pipefail
exec /opt/batch/venv/bin/kestrel-batch invoice-run "$@"
