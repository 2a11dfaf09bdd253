#!/usr/bin/env python3
"""Aggregates live KPIs from the operational database."""
import sys


def main():
    # implementation lives in the kestrel-batch package
    from kestrel_batch import jobs
    return jobs.run("kpi_snapshot", sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
