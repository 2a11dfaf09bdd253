"""tools/check_proto.py is unchanged and passes."""
import hashlib
import json
import subprocess
import sys

try:
    got = hashlib.sha256(open("tools/check_proto.py", "rb").read()).hexdigest()
except FileNotFoundError:
    got = "missing"
if got != "120d511e61885850539f02a13de1b08d541772b88b4802f8e37232b9e48671a6":
    print(json.dumps({"passed": False, "observed": got[:12], "expected": "120d511e61885850539f02a13de1b08d541772b88b4802f8e37232b9e48671a6"[:12], "message": "tools/check_proto.py was modified"}))
    sys.exit(1)
p = subprocess.run([sys.executable, "tools/check_proto.py"], capture_output=True, text=True, timeout=60)
ok = p.returncode == 0
print(json.dumps({"passed": ok, "observed": p.stdout.strip().splitlines()[-4:], "expected": "OK", "message": "check_proto passes" if ok else "check_proto reports problems"}))
sys.exit(0 if ok else 1)
