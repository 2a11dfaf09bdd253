#!/bin/sh
# Quick prune used during the disk-full incident in February (INC-1982).
# Keeps the 7 newest dump files, deletes the rest. TODO: weekly/monthly tiers, see RETENTION.md
cd "$(dirname "$0")/../backups/db" || exit 1
ls -t | tail -n +8 | xargs -r rm -v
