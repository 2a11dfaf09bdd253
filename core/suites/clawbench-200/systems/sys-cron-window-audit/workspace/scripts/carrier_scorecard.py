#!/usr/bin/env python3
"""Computes carrier on-time scores."""
import sys


def main():
    # implementation lives in the kestrel-batch package
    from kestrel_batch import jobs
    return jobs.run("carrier_scorecard", sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
