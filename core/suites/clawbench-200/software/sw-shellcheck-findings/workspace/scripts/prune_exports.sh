#!/usr/bin/env bash
# Keep only the newest KEEP export archives of one client (by modification time).
# Exports are named "<client> - <YYYY-MM-DD>.zip".
#
# Usage: prune_exports.sh EXPORTS CLIENT [KEEP]
EXPORTS=$1
CLIENT=$2
KEEP=${3:-3}

count=0
ls -t $EXPORTS/$CLIENT*.zip | while read f; do
    count=$((count + 1))
    if [ $count -gt $KEEP ]; then
        rm $f
        echo "removed $(basename "$f")"
    fi
done
echo "$CLIENT: $count export(s) found, newest $KEEP kept"
