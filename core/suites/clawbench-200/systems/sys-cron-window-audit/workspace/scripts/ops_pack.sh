#!/bin/bash
# Builds the weekly ops PDF from the reporting views.
set -euo pipefail
exec /opt/batch/venv/bin/kestrel-batch ops-pack "$@"
