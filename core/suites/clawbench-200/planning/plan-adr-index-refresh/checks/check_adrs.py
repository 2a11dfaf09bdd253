"""The ADR files: clash resolved (retry budgets is ADR-0019), accepted superseding ADRs
reflected in the old ADRs' status lines, nothing else renamed or restatused."""
import glob, json, os, re, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
files = sorted(os.path.basename(p) for p in glob.glob("docs/adr/[0-9][0-9][0-9][0-9]-*.md"))
if files != sorted(exp["files"]):
    verdict(False, sorted(set(files) - set(exp["files"])) or files,
            sorted(set(exp["files"]) - set(files)) or sorted(exp["files"]), "the set of ADR files is wrong")
wrong = {}
for name, status in exp["files"].items():
    text = open("docs/adr/" + name, encoding="utf-8").read()
    lines = re.findall(r"^- Status: (.*?)\s*$", text, re.M)
    if lines != [status]:
        wrong[name] = lines
    num = name[:4]
    if not re.match(rf"# ADR-{num}: \S", text):
        wrong[name] = "heading does not say ADR-" + num
if wrong:
    verdict(False, wrong, {k: exp["files"][k] for k in wrong}, "status lines or headings wrong")
body = open("docs/adr/0019-retry-budgets.md", encoding="utf-8").read()
for needle in ("- Date: 2024-02-05", "- Deciders: Tomas Novak", "Cap retries per client at 10% of requests"):
    if needle not in body:
        verdict(False, "changed", needle, "the renumbered ADR's content must stay the same")
verdict(True, f"{len(files)} ADRs", f"{len(exp['files'])} ADRs", "ADR files consistent with PROCESS.md")
