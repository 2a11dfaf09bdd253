#!/usr/bin/env python3
"""Run the test suite in a random order (as CI does): python3 scripts/run_shuffled.py --seed N"""
import argparse
import random
import sys
import unittest


def flatten(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from flatten(item)
        else:
            yield item


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(10_000)
    tests = list(flatten(unittest.defaultTestLoader.discover("tests", top_level_dir=".")))
    random.Random(seed).shuffle(tests)
    print(f"shuffle seed: {seed} ({len(tests)} tests)", file=sys.stderr)
    result = unittest.TextTestRunner(verbosity=2).run(unittest.TestSuite(tests))
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
