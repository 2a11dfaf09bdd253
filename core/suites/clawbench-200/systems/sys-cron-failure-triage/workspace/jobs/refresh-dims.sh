#!/bin/sh
# refresh-dims (talks to production systems; must not be run from the repo checkout)
set -eu
echo "refresh-dims: refusing to run outside batch-01" >&2
exit 3
