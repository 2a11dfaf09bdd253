#!/bin/sh
# Run the unit tests; the full log goes to test-results.txt (attached to release tickets).
cd "$(dirname "$0")/.." || exit 2
python3 -m unittest discover -s tests -v > test-results.txt 2>&1
status=$?
tail -n 3 test-results.txt
exit $status
