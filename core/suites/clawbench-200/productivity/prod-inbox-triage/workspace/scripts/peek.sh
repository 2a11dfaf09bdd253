#!/bin/sh
# Show the From and Subject headers of every message in a folder (raw, not decoded).
# Usage: sh scripts/peek.sh inbox
for f in "${1:-inbox}"/*.eml; do
  printf '%s\t%s\t%s\n' "$(basename "$f")" "$(grep -m1 '^From:' "$f" | cut -c7-)" "$(grep -m1 '^Subject:' "$f" | cut -c10-)"
done
