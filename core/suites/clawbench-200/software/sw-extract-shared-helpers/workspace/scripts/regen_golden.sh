#!/bin/sh
# Regenerate tests/golden/ from the current code. Only for intentional output changes,
# reviewed by finance: never to make a failing golden test pass.
cd "$(dirname "$0")/.." || exit 2
PYTHONPATH=src python3 -m ledgerkit.cli aging data/invoices.csv --as-of 2024-06-30 --out tests/golden/aging-2024-06-30.csv
PYTHONPATH=src python3 -m ledgerkit.cli vat data/sales.csv --quarter 2024-Q2 --out tests/golden/vat-2024-Q2.csv
PYTHONPATH=src python3 -m ledgerkit.cli payouts data/payouts.csv --month 2024-06 --out tests/golden/payouts-2024-06.csv
