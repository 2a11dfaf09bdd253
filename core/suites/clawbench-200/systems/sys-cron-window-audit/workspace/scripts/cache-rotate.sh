#!/bin/bash
# Rotates the route-planner tile cache.
set -euo pipefail
exec /opt/batch/venv/bin/kestrel-batch cache-rotate "$@"
