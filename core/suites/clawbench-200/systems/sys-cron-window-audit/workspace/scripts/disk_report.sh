#!/bin/bash
# Mails df/du summary.
set -euo pipefail
exec /opt/batch/venv/bin/kestrel-batch disk-report "$@"
