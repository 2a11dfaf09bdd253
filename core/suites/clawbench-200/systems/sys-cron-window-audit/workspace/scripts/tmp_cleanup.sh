#!/bin/bash
# Deletes files older than 3 days under /var/tmp/batch.
set -euo pipefail
exec /opt/batch/venv/bin/kestrel-batch tmp-cleanup "$@"
