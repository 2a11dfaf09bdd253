#!/bin/sh
# weekly-vacuum (talks to production systems; must not be run from the repo checkout)
set -eu
echo "weekly-vacuum: refusing to run outside batch-01" >&2
exit 3
