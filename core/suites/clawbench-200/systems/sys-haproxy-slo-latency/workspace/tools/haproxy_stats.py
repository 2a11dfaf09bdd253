#!/usr/bin/env python3
"""Per-backend request, error and latency figures from an HAProxy HTTP log.

    python3 tools/haproxy_stats.py logs/haproxy.log -o out/backend-stats.csv [--frontend fe_https]

Counting rules: docs/slo-method.md.
"""
import argparse
import csv
import re
import sys
from collections import defaultdict

# haproxy "option httplog" line, as written by rsyslog on lb1
LINE = re.compile(
    r"haproxy\[\d+\]: (?P<client>\S+) \[(?P<accept>[^\]]+)\] (?P<frontend>\S+) "
    r"(?P<backend>[^/\s]+)/(?P<server>\S+) (?P<TR>-?\d+)/(?P<Tw>-?\d+)/(?P<Tc>-?\d+)/(?P<Tr>-?\d+)/(?P<Ta>\+?\d+) "
    r"(?P<status>-?\d+) (?P<bytes>\+?\d+) "
)
FIELDS = ["backend", "requests", "errors_5xx", "error_rate_pct", "latency_samples", "p95_ms"]


def p95(values):
    """Nearest-rank 95th percentile: the value at rank ceil(0.95 * n) of the sorted values."""
    if not values:
        return ""
    ordered = sorted(values)
    return ordered[int(0.95 * len(ordered))]


def collect(lines, frontend):
    stats = defaultdict(lambda: {"requests": 0, "errors_5xx": 0, "latencies": []})
    skipped = 0
    for line in lines:
        m = LINE.search(line)
        if m["frontend"].rstrip("~") != frontend:
            continue
        backend = m["backend"]
        if backend == frontend:      # rejected by the frontend itself (bad request, deny rule)
            continue
        s = stats[backend]
        s["requests"] += 1
        status = int(m["status"])
        if 500 <= status <= 599:
            s["errors_5xx"] += 1
        if m["server"] != "<NOSRV>":
            s["latencies"].append(int(m["Ta"].lstrip("+")))
    return stats, skipped


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("log")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--frontend", default="fe_https")
    args = ap.parse_args(argv)
    with open(args.log, encoding="utf-8", errors="replace") as fh:
        stats, skipped = collect(fh, args.frontend)
    with open(args.output, "w", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(FIELDS)
        for backend in sorted(stats):
            s = stats[backend]
            rate = 100.0 * s["errors_5xx"] / s["requests"]
            w.writerow([backend, s["requests"], s["errors_5xx"], f"{rate:.2f}", len(s["latencies"]), p95(s["latencies"])])
    print(f"{sum(s['requests'] for s in stats.values())} requests in {len(stats)} backends, "
          f"{skipped} lines skipped -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
