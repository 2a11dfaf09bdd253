#!/bin/sh
# snapshot-s3 (talks to production systems; must not be run from the repo checkout)
set -eu
echo "snapshot-s3: refusing to run outside batch-01" >&2
exit 3
