#!/bin/sh
# monthly-invoices (talks to production systems; must not be run from the repo checkout)
set -eu
echo "monthly-invoices: refusing to run outside batch-01" >&2
exit 3
