"""inkpot's URL and feed helpers, running on the vendored textslug 2.0, give exactly the
results textslug 1.4.2 gave for inputs the golden file does not cover."""
import json
import os
import subprocess
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
PROBE = r'''
import json, sys
from datetime import date
from inkpot import feed, urls
cases = json.load(open(sys.argv[1], encoding="utf-8"))
bad = []
def cmp(kind, inp, want, got):
    if got != want:
        bad.append({"kind": kind, "input": inp, "got": got, "want": want})
for d, t, want in cases["post_url"]:
    try: got = urls.post_url(date.fromisoformat(d), t)
    except Exception as e: got = repr(e)
    cmp("post_url", t, want, got)
for n, want in cases["author_url"]:
    try: got = urls.author_url(n)
    except Exception as e: got = repr(e)
    cmp("author_url", n, want, got)
for t, want in cases["tag_url"]:
    try: got = feed.tag_url(t)
    except Exception as e: got = repr(e)
    cmp("tag_url", t, want, got)
for n, want in cases["feed_author"]:
    try: got = feed.feed_author(n)
    except Exception as e: got = repr(e)
    cmp("feed_author", n, want, got)
for posts, want in cases["month_urls"]:
    try: got = urls.month_urls([(date.fromisoformat(d), t) for d, t in posts])
    except Exception as e: got = repr(e)
    cmp("month_urls", [t for _, t in posts], want, got)
print(json.dumps(bad, ensure_ascii=False))
'''
env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=os.getcwd())
p = subprocess.run([sys.executable, "-c", PROBE, os.path.join(CHECKS, "hidden_cases.json")], capture_output=True, text=True, env=env, timeout=60)
try:
    bad = json.loads(p.stdout.strip().splitlines()[-1])
except (IndexError, json.JSONDecodeError):
    bad = [{"error": p.stderr.strip()[-300:]}]
ok = not bad
print(json.dumps({"passed": ok, "observed": bad[:4], "expected": [], "message": "URLs unchanged on textslug 2.0" if ok else f"{len(bad)} URL(s) or names differ from the 1.x results"}, ensure_ascii=False))
sys.exit(0 if ok else 1)
