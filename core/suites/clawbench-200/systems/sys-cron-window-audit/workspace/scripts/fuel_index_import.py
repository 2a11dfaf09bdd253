#!/usr/bin/env python3
"""Loads the diesel index into the pricing tables."""
import sys


def main():
    # implementation lives in the kestrel-batch package
    from kestrel_batch import jobs
    return jobs.run("fuel_index_import", sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
