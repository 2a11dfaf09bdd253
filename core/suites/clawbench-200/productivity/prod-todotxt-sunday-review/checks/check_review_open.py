"""The review note's Open count equals the number of tasks left in todo.txt."""
import json, os, re, sys

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

p = "todo/reviews/2024-09-15.md"
if not os.path.isfile(p):
    verdict(False, "missing", p, "review note missing")
m = re.search(r"^Open: (\d+)\s*$", open(p, encoding="utf-8").read(), re.M)
if not m:
    verdict(False, "no Open line", "Open: <n>", "no 'Open: <n>' line")
n = sum(1 for l in open("todo/todo.txt", encoding="utf-8") if l.strip()) if os.path.isfile("todo/todo.txt") else -1
verdict(int(m.group(1)) == n, int(m.group(1)), n, "Open count vs tasks in todo.txt")
