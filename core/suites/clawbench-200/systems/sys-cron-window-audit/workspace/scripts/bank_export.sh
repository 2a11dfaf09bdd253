#!/bin/bash
# Uploads the prepared SEPA payment file (reads files only).
set -euo pipefail
exec /opt/batch/venv/bin/kestrel-batch bank-export "$@"
