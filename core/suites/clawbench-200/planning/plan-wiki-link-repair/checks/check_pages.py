"""Every wiki page equals the expected repaired page. Link targets are compared by the page
they resolve to (so `./x.md` and `x.md` are the same); everything else must be identical."""
import json
import os
import posixpath
import re
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXPECTED = os.path.join(CHECKS, "expected")
LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def normalise(page, text):
    folder, out, fenced = posixpath.dirname(page), [], False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced:
            def canon(m):
                target = m.group(2)
                if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                    return m.group(0)
                path, sep, anchor = target.partition("#")
                return f"[{m.group(1)}](<{posixpath.normpath(posixpath.join(folder, path))}{sep}{anchor}>)"
            line = LINK.sub(canon, line)
        out.append(line.rstrip())
    return "\n".join(out).strip()


pages = []
for folder, _dirs, files in os.walk(EXPECTED):
    for name in files:
        pages.append(os.path.relpath(os.path.join(folder, name), EXPECTED).replace(os.sep, "/"))
bad = []
for page in sorted(pages):
    want = normalise(page, open(os.path.join(EXPECTED, page), encoding="utf-8").read())
    path = os.path.join("wiki", page)
    if not os.path.isfile(path):
        bad.append({"page": page, "problem": "missing"})
        continue
    got = normalise(page, open(path, encoding="utf-8").read())
    if got != want:
        g, w = got.splitlines(), want.splitlines()
        first = next((i for i in range(max(len(g), len(w))) if (g[i] if i < len(g) else None) != (w[i] if i < len(w) else None)), 0)
        bad.append({"page": page, "line": first + 1, "got": g[first] if first < len(g) else None,
                    "want": w[first] if first < len(w) else None})
if bad:
    verdict(False, bad[:3], "pages as repaired by the rules", f"{len(bad)} page(s) differ from the expected repair")
verdict(True, f"{len(pages)} pages", f"{len(pages)} pages", "every page repaired exactly")
