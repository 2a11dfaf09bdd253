#!/usr/bin/env python3
"""Generate THIRD_PARTY_NOTICES.md and licenses/copyleft-review.csv (see licenses/policy.md).

Usage: python3 tools/gen_notices.py
"""
import csv
import json
import sys
from collections import defaultdict

import yaml

PREFERENCE = ["MIT", "ISC", "0BSD", "BSD-2-Clause", "BSD-3-Clause", "Apache-2.0", "blessing",
              "MPL-2.0", "LGPL-2.1-or-later", "GPL-2.0-only", "GPL-3.0-or-later"]
COPYLEFT_PREFIXES = ("MPL-", "LGPL-", "GPL-")


def choose(expr):
    """Pick one licence from an SPDX expression (only 'A OR B' is used in our tree)."""
    options = [o.strip() for o in expr.split(" OR ")]
    if len(options) == 1:
        return options[0]
    ranked = sorted(options, key=lambda o: PREFERENCE.index(o) if o in PREFERENCE else len(PREFERENCE))
    return ranked[-1]


def main():
    deps = json.load(open("licenses/dependencies.json", encoding="utf-8"))["packages"]
    overrides = yaml.safe_load(open("licenses/overrides.yaml", encoding="utf-8")) or {}
    about = json.load(open("app/about.json", encoding="utf-8"))

    shipped = []
    for pkg in deps:
        if pkg["scope"] != "runtime":
            continue
        lic = pkg.get("license")
        copyright_ = pkg.get("copyright")
        ov = overrides.get(f"{pkg['name']}@{pkg['version']}")
        if ov:
            lic = ov["license"]
            copyright_ = copyright_ or ov.get("copyright")
        lic = choose(lic.strip())
        copyright_ = copyright_ or f"Copyright (c) the {pkg['name']} authors"
        shipped.append((pkg["name"], pkg["version"], lic, copyright_, pkg["linking"]))

    groups = defaultdict(list)
    for name, version, lic, cr, _ in shipped:
        groups[lic].append((name, version, cr))
    out = ["# Third-party software notices", "",
           f"{about['product']} {about['version']} includes {len(shipped)} third-party packages.", ""]
    for lic in sorted(groups):
        out += [f"## {lic}", ""]
        for name, version, cr in sorted(groups[lic], key=lambda p: p[0].lower()):
            out.append(f"- {name} {version} - {cr}")
        out.append("")
    with open("THIRD_PARTY_NOTICES.md", "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))

    review = sorted((p for p in shipped if p[2].startswith(COPYLEFT_PREFIXES)), key=lambda p: p[0].lower())
    with open("licenses/copyleft-review.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["name", "version", "license", "linking"])
        for name, version, lic, _, linking in review:
            w.writerow([name, version, lic, linking])
    print(f"{len(shipped)} packages, {len(groups)} licences, {len(review)} for copyleft review")
    return 0


if __name__ == "__main__":
    sys.exit(main())
