#!/usr/bin/env python3
"""List the message keys used in app/ (Python and templates), one per line, sorted."""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CALL = re.compile(r'\bt\("([a-z0-9_.]+)"')

keys = set()
for folder, _, files in os.walk(os.path.join(ROOT, "app")):
    for name in files:
        if name.endswith((".py", ".html")):
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                keys.update(CALL.findall(fh.read()))
sys.stdout.write("".join(k + "\n" for k in sorted(keys)))
