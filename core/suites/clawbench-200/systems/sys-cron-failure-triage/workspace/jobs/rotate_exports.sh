#!/bin/sh
# Move order exports older than KEEP_DAYS (judged by the date in the file name) to exports/archive/.
# RUN_DATE defaults to today (UTC); set it when re-running a past run by hand.
set -eu
RUN_DATE="${RUN_DATE:-$(date -u +%Y-%m-%d)}"
KEEP_DAYS="${KEEP_DAYS:-7}"
cutoff=$(date -u -d "$RUN_DATE - $KEEP_DAYS days" +%Y%m%d)
mkdir -p exports/archive
moved=0
for f in exports/orders-*.csv; do
  [ -e "$f" ] || continue
  d=$(basename "$f" .csv | sed 's/^orders-//; s/-//g')
  if [ "$d" -le "$cutoff" ]; then
    mv "$f" exports/archive/
    moved=$((moved + 1))
  fi
done
echo "rotated $moved file(s), cutoff $cutoff"
