#!/bin/sh
# Requests per client IP, busiest first.
# Usage: sh scripts/top_ips.sh [LOGFILE] [STATUS_REGEX]
#   sh scripts/top_ips.sh logs/access.log '^(401|429)$'
LOG=${1:-logs/access.log}
STATUS=${2:-.}
awk -v s="$STATUS" 'NF >= 12 && $9 ~ s { print $1 }' "$LOG" | sort | uniq -c | sort -rn | head -20
