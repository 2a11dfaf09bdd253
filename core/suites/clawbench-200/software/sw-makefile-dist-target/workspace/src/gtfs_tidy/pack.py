"""python3 -m gtfs_tidy.pack FEED_DIR OUT.zip - validate the feed, then zip its .txt files."""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from .validate import problems


def pack(feed: str, out: str) -> int:
    found = problems(feed)
    for p in found:
        print(p, file=sys.stderr)
    if found:
        return 1
    files = sorted(Path(feed).glob("*.txt"))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in files:
            zf.write(f, f.name)
    print(f"packed {len(files)} file(s) into {out}")
    return 0


if __name__ == "__main__":
    sys.exit(pack(sys.argv[1], sys.argv[2]))
