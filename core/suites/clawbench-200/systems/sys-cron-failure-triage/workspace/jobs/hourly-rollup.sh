#!/bin/sh
# hourly-rollup (talks to production systems; must not be run from the repo checkout)
set -eu
echo "hourly-rollup: refusing to run outside batch-01" >&2
exit 3
