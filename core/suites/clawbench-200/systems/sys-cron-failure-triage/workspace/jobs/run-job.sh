#!/bin/sh
# Cron wrapper: run jobs/<name>.sh and record start/end (with exit code) in logs/jobs/<name>.log.
# Usage: sh jobs/run-job.sh <name>       (from the batch root; cron runs it as /opt/batch/jobs/run-job.sh)
name="$1"
[ -n "$name" ] || { echo "usage: run-job.sh <name>" >&2; exit 64; }
JOBS_DIR="${JOBS_DIR:-$(dirname "$0")}"
LOG_DIR="${LOG_DIR:-logs/jobs}"
mkdir -p "$LOG_DIR"
log="$LOG_DIR/$name.log"
start=$(date -u +%s)
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) start $name" >> "$log"
sh "$JOBS_DIR/$name.sh" >> "$log" 2>&1
rc=$?
end=$(date -u +%s)
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ) end $name rc=$rc duration=$((end - start))s" >> "$log"
exit $rc
