"""The vendored minimark behaves like upstream 0.9.2 plus our local single-quote escaping."""
import json
import os
import subprocess
import sys

PROBE = r'''
import json, sys
sys.path.insert(0, "vendor")
import minimark as m
res = {
  "version": m.__version__,
  "escape": m.escape_html("<a href=\"x\" title='y'>&"),
  "code": m.render("Use `*args*` and *this*"),
  "del": m.render("~~old~~ new"),
  "link": m.render("[say \"hi\"](https://x.example/?q=\"1\")"),
  "quote": m.render("It's here"),
  "list": m.render("- a `**b**`\n- ~~c~~"),
}
print(json.dumps(res))
'''
WANT = {
    "version": "0.9.2",
    "escape": "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;",
    "code": "<p>Use <code>*args*</code> and <em>this</em></p>",
    "del": "<p><del>old</del> new</p>",
    "link": "<p><a href=\"https://x.example/?q=&quot;1&quot;\">say &quot;hi&quot;</a></p>",
    "quote": "<p>It&#x27;s here</p>",
    "list": "<ul><li>a <code>**b**</code></li><li><del>c</del></li></ul>",
}
p = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
try:
    got = json.loads(p.stdout.strip().splitlines()[-1])
except (IndexError, json.JSONDecodeError):
    got = {"error": p.stderr.strip()[-300:]}
diff = {k: got.get(k) for k in WANT if got.get(k) != WANT[k]}
ok = not diff
print(json.dumps({"passed": ok, "observed": diff, "expected": {k: WANT[k] for k in diff}, "message": "0.9.2 plus local patch" if ok else "vendored minimark is not 0.9.2 + local patch"}))
sys.exit(0 if ok else 1)
