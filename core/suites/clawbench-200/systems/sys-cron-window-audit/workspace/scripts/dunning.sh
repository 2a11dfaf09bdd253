#!/bin/bash
# Sends payment reminders for overdue invoices.
set -euo pipefail
exec /opt/batch/venv/bin/kestrel-batch dunning "$@"
