#!/bin/sh
# nightly-export (talks to production systems; must not be run from the repo checkout)
set -eu
echo "nightly-export: refusing to run outside batch-01" >&2
exit 3
