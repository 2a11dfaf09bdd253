#!/bin/sh
# sync-orders (talks to production systems; must not be run from the repo checkout)
set -eu
echo "sync-orders: refusing to run outside batch-01" >&2
exit 3
