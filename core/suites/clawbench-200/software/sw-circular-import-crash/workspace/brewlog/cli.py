"""Command line: python3 -m brewlog.cli summary BATCH.json... --out FILE.csv"""
from __future__ import annotations

import argparse
import csv
import sys

from .calc import expected_fg
from .models import Batch

COLUMNS = ["batch_id", "brewer", "style", "og", "fg", "abv", "attenuation", "expected_fg", "finished"]


def summary(paths: list[str], out: str) -> int:
    batches = sorted((Batch.from_file(p) for p in paths), key=lambda b: b.batch_id)
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for b in batches:
            efg = expected_fg(b.og, b.recipe)
            # a batch counts as finished once it is within 0.002 of the expected final gravity
            finished = "yes" if b.fg <= efg + 0.002 else "no"
            w.writerow([b.batch_id, b.brewer, b.recipe.style, f"{b.og:.3f}", f"{b.fg:.3f}",
                        f"{b.abv:.1f}", b.attenuation, f"{efg:.3f}", finished])
    print(f"wrote {len(batches)} batch(es) to {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="brewlog")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("summary", help="one CSV row per batch sheet")
    s.add_argument("paths", nargs="+")
    s.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    return summary(args.paths, args.out)


if __name__ == "__main__":
    sys.exit(main())
