#!/usr/bin/env python3
"""Syncs tariff codes into the customs tables."""
import sys


def main():
    # implementation lives in the kestrel-batch package
    from kestrel_batch import jobs
    return jobs.run("customs_sync", sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
