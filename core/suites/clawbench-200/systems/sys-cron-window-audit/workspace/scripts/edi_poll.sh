#!/bin/bash
# Fetches EDI messages from the VAN mailbox into the inbox folder.
set -euo pipefail
exec /opt/batch/venv/bin/kestrel-batch edi-poll "$@"
