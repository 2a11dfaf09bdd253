#!/bin/sh
# Rough first draft of release notes: group commit subjects by type.
# Usage: sh scripts/draft_notes.sh release/git-log-v2.8.1..main.txt
LOG=${1:?usage: draft_notes.sh LOGFILE}
for t in feat fix perf; do
  echo "== $t"
  grep -E "^    $t(\(|:)" "$LOG" | sed -E "s/^    $t(\(([^)]*)\))?: /- \2: /"
done
