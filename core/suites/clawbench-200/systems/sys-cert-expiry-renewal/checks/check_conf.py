"""The bergmann-shop renewal conf points webroot_path and every [[webroot_map]] entry at the
site's root /srv/www/bergmann-shop/public; nothing else changed; other renewal confs untouched."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHECKS, "expected_conf.json")))
PATH = "certbot/renewal/shop.bergmann-moebel.example.conf"


def norm(text):
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


try:
    got = open(PATH).read()
except FileNotFoundError:
    print(json.dumps({"passed": False, "observed": "missing", "expected": PATH, "message": "renewal conf is gone"}))
    sys.exit(1)
want = norm(EXP["conf_after"])
g = norm(got)
ok = g == want
diff = [l for l in g if l not in want] + [f"(missing) {l}" for l in want if l not in g]
others = sorted(f for f in os.listdir("certbot/renewal"))
if others != EXP["files"]:
    ok, diff = False, [f"renewal confs: {others}"]
print(json.dumps({"passed": ok, "observed": diff[:5] or "as expected", "expected": "webroot fixed, rest unchanged",
                  "message": "renewal conf fixed" if ok else "renewal conf differs from the expected fix"}))
sys.exit(0 if ok else 1)
