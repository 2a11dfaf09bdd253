#!/usr/bin/env python3
"""Pushes tracking events from the shipments table to customer webhooks."""
import sys


def main():
    # implementation lives in the kestrel-batch package
    from kestrel_batch import jobs
    return jobs.run("track_push", sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
