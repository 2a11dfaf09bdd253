#!/bin/sh
# Usage: sh scripts/import_month.sh 2024-06  -> out/<month>_<account>.json for every inbox file of that month
cd "$(dirname "$0")/.." || exit 2
for f in inbox/"$1"_*.csv; do
  name=$(basename "$f" .csv)
  PYTHONPATH=src python3 -m ledger_import "$f" -o "out/$name.json" || exit 1
done
