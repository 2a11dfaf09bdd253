"""Software development families: bug fixes against hidden tests, dependency pins, releases in git."""
from __future__ import annotations

import json
import re

from .. import vocab
from ..build import VerificationBuilder
from ..gitrepo import CommitSpec, Signature, TagSpec, build_repo, epoch, read_repo
from ..model import TaskPlan, Workspace
from .base import Family, GenContext, difficulty_for

_re = re.escape

# Each bug: the function as shipped (with the bug), the fix (`old` -> `new`), a tempting wrong fix, name
# variants and an argument generator. Visible and hidden cases are drawn per task and their expected
# values computed by running the fixed function: the visible example is one the wrong fix also gets
# right, the hidden cases include inputs it gets wrong.
SLUG_WORDS = ("Q3", "Report", "Final", "Budget", "Draft", "Team", "Notes", "Plan", "v2", "Launch", "Data", "Review")
BUGS = (
    {"func": ("paginate", "page_of", "get_page"), "doc": "Return page `page` (1-based) of `items`, `per_page` items per page.",
     "sig": "items, page, per_page",
     "body": "    start = page * per_page\n    return items[start:start + per_page]\n",
     "old": "    start = page * per_page\n", "new": "    start = (page - 1) * per_page\n",
     "wrong": "    start = page * per_page - per_page if page > 1 else 0\n    start = min(start, 10)\n",
     "args": lambda r: [list(range(r.randint(3, 40))), r.randint(1, 5), r.randint(2, 10)]},
    {"func": ("median", "middle_value", "median_of"), "doc": "The median of a non-empty list of numbers.", "sig": "values",
     "body": "    ordered = sorted(values)\n    return ordered[len(ordered) // 2]\n",
     "old": "    return ordered[len(ordered) // 2]\n",
     "new": "    mid = len(ordered) // 2\n    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2\n",
     "wrong": "    return (ordered[0] + ordered[-1]) / 2\n",
     "args": lambda r: [[r.randint(0, 60) for _ in range(r.randint(1, 7))]]},
    {"func": ("slugify", "make_slug", "to_slug"),
     "doc": "Lower-case `text`, turn runs of non-alphanumerics into single dashes, strip dashes at the ends.", "sig": "text",
     "body": "    out = ''.join(c if c.isalnum() else '-' for c in text)\n    return out.strip('-')\n",
     "old": "    return out.strip('-')\n",
     "new": "    while '--' in out:\n        out = out.replace('--', '-')\n    return out.strip('-').lower()\n",
     "wrong": "    return out.strip('-').lower()\n",
     "args": lambda r: [r.choice(("", "-", " ")) + r.choice((" ", "  ", ": ", " & ", "--", "_")).join(r.sample(SLUG_WORDS, r.randint(2, 4)))
                        + r.choice(("", "!", "?", " ", "--"))]},
    {"func": ("apply_discount", "discounted", "price_after_discount"),
     "doc": "Price after a percentage discount, rounded to cents.", "sig": "price, pct",
     "body": "    return int(price * (100 - pct)) / 100\n",
     "old": "    return int(price * (100 - pct)) / 100\n", "new": "    return round(price * (100 - pct) / 100, 2)\n",
     "wrong": "    return -(-price * (100 - pct) // 1) / 100\n",
     "args": lambda r: [round(r.uniform(0.5, 300), 2), r.choice((3, 5, 7, 10, 12.5, 15, 20, 25, 33))]},
    {"func": ("parse_duration", "duration_minutes", "to_minutes"), "doc": "Minutes in a duration such as '1h30m', '45m' or '2h'.",
     "sig": "text",
     "body": "    hours = int(text.split('h')[0]) if 'h' in text else 0\n    return hours * 60\n",
     "old": "    return hours * 60\n",
     "new": "    rest = text.split('h')[-1]\n    minutes = int(rest[:-1]) if rest.endswith('m') else 0\n    return hours * 60 + minutes\n",
     "wrong": "    return hours * 60 + (30 if text.endswith('30m') else 0)\n",
     "args": lambda r: [r.choice((f"{r.randint(1, 9)}h{r.choice((5, 10, 15, 30, 45)):02d}m", f"{r.randint(1, 59)}m",
                                  f"{r.randint(1, 9)}h", f"{r.randint(1, 9)}h30m"))]},
    {"func": ("is_leap_year", "leap_year", "is_leap"), "doc": "Whether `year` is a leap year in the Gregorian calendar.",
     "sig": "year", "body": "    return year % 4 == 0\n", "old": "    return year % 4 == 0\n",
     "new": "    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)\n",
     "wrong": "    return year % 4 == 0 and year % 100 != 0\n",
     "args": lambda r: [r.choice((r.randint(16, 24) * 100, r.randint(1600, 2400)))]},
    {"func": ("chunk", "chunks", "split_every"), "doc": "Split `seq` into lists of `size` items; the last one may be shorter.",
     "sig": "seq, size",
     "body": "    return [list(seq[i:i + size]) for i in range(0, len(seq) - size + 1, size)]\n",
     "old": "    return [list(seq[i:i + size]) for i in range(0, len(seq) - size + 1, size)]\n",
     "new": "    return [list(seq[i:i + size]) for i in range(0, len(seq), size)]\n",
     "wrong": "    return [list(seq[i:i + size]) for i in range(0, len(seq) - size + 2, size)]\n",
     "args": lambda r: [list(range(1, r.randint(2, 14))), r.randint(1, 5)]},
    {"func": ("business_hours", "office_hours_between", "hours_in_office"),
     "doc": "Whole hours between `start` and `end` (HH:MM, same day) that fall inside 09:00-17:00.", "sig": "start, end",
     "body": "    s, e = int(start[:2]), int(end[:2])\n    return max(0, min(e, 17) - max(s, 9) + 1)\n",
     "old": "    return max(0, min(e, 17) - max(s, 9) + 1)\n", "new": "    return max(0, min(e, 17) - max(s, 9))\n",
     "wrong": "    return max(0, e - s)\n",
     "args": lambda r: (lambda s: [f"{s:02d}:00", f"{r.randint(s, 22):02d}:00"])(r.randint(6, 20))},
)


def _compile(name: str, sig: str, body: str):
    ns: dict = {}
    exec(f"def {name}({sig}):\n{body}", ns)   # our own templates, to compute expected values
    return ns[name]


def _call(fn, args):
    try:
        return fn(*args)
    except Exception as e:
        return f"{type(e).__name__}"


def draw_cases(rng, bug: dict) -> tuple[list, list]:
    """(visible case, hidden cases): each case [args, expected]. The visible one fails on the buggy
    code and passes with the wrong fix; the hidden ones include a case the wrong fix fails."""
    buggy = _compile("f", bug["sig"], bug["body"])
    fixed = _compile("f", bug["sig"], bug["body"].replace(bug["old"], bug["new"]))
    wrong = _compile("f", bug["sig"], bug["body"].replace(bug["old"], bug["wrong"]))
    visible, catches_wrong, others = None, [], []
    for _ in range(4000):
        args = bug["args"](rng)
        want, bad, tempting = _call(fixed, args), _call(buggy, args), _call(wrong, args)
        if bad != want and tempting == want and visible is None:
            visible = [args, want]
        elif tempting != want and len(catches_wrong) < 2 and [args, want] not in catches_wrong:
            catches_wrong.append([args, want])
        elif len(others) < 2 and [args, want] not in others:
            others.append([args, want])
        if visible and len(catches_wrong) == 2 and len(others) == 2:
            break
    if not visible or not catches_wrong:
        raise ValueError(f"could not draw cases for {bug['func'][0]}")
    return visible, [visible] + catches_wrong + others   # the reported example is a hidden case too


HIDDEN_CHECK = '''"""Import the fixed module from the workspace and run the hidden cases."""
import importlib, json, os, sys
sys.path.insert(0, os.path.join(os.getcwd(), "src"))
cases = json.load(open(os.path.join(os.environ["CLAWBENCH_CHECKS"], "hidden_cases.json")))
mod = importlib.import_module(cases["module"])
fn = getattr(mod, cases["function"])
failed = []
for args, want in cases["cases"]:
    try:
        got = fn(*args)
    except Exception as e:
        got = f"{type(e).__name__}: {e}"
    if got != want and not (isinstance(got, float) and isinstance(want, (int, float)) and abs(got - want) < 1e-9):
        failed.append({"args": args, "got": got, "want": want})
print(json.dumps({"passed": not failed, "observed": failed[:2], "expected": "all hidden cases pass",
                  "message": f"{len(failed)} of {len(cases['cases'])} hidden cases fail"}, default=str))
sys.exit(1 if failed else 0)
'''


class PythonBugfix(Family):
    name = "python-bugfix"
    domain = "software"
    intents = ("code-upkeep",)
    skills = ("python-fix-function", "python-unittest")
    optional_skills = ("changelog-entry",)
    summary = "Fix a planted bug in a small utility module so that hidden cases pass, without touching tests or other functions."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        bug = rng.choice(BUGS)
        func = rng.choice(bug["func"])
        visible, hidden = draw_cases(rng, bug)
        pkg = rng.choice(("toolkit", "helpers", "utils", "common", vocab.slug(ctx.persona.organisation).replace("-", "_")[:12]))
        module = rng.choice(("text", "dates", "lists", "money", "core", "misc", "shared"))
        path = f"src/{pkg}/{module}.py"
        call = f"{func}({', '.join(map(repr, visible[0]))})"
        changelog = ctx.uses("changelog-entry")
        text = (f"`{func}` in `{path}` is wrong: `{call}` should return `{visible[1]!r}`. "
                f"Fix the function so that it does what its docstring says for every input (there are more cases than "
                f"the one in the tests), without changing its signature, the other functions in the module, or the tests.\n")
        if changelog:
            text += f"\nAdd a line `- Fixed {func}.` under `## Unreleased` in `CHANGELOG.md`.\n"
        return TaskPlan(title=f"Fix {func} in {pkg}.{module}", domain=self.domain,
                        difficulty=difficulty_for(1 + changelog + (len(bug["new"].splitlines()) > 1)),
                        capabilities=("error-recovery", "tool-selection"), instruction=text, intent="code-upkeep",
                        expected_artifacts=(path,),
                        params={"bug": bug, "func": func, "pkg": pkg, "module": module, "path": path,
                                "changelog": changelog, "call": call, "visible": visible, "hidden": hidden})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        bug = p["bug"]
        others = rng.sample([b for b in BUGS if b is not bug], rng.randint(1, 3))
        order = others[:1] + [bug] + others[1:]
        funcs = []
        for b in order:
            name = p["func"] if b is bug else rng.choice(b["func"])
            body = b["body"] if b is bug else b["body"].replace(b["old"], b["new"])
            funcs.append(f"def {name}({b['sig']}):\n    \"\"\"{b['doc']}\"\"\"\n{body}")
        module = f'"""Small helpers used across {ctx.persona.organisation}\'s scripts."""\n\n\n' + "\n\n".join(funcs)
        test = (f"import sys, unittest\nsys.path.insert(0, 'src')\nfrom {p['pkg']}.{p['module']} import {p['func']}\n\n\n"
                f"class Test{p['func'].title().replace('_', '')}(unittest.TestCase):\n"
                f"    def test_example(self):\n        self.assertEqual({p['call']}, {p['visible'][1]!r})\n\n\n"
                f"if __name__ == '__main__':\n    unittest.main()\n")
        files = {p["path"]: module, f"src/{p['pkg']}/__init__.py": "", f"tests/test_{p['module']}.py": test,
                 "README.md": f"# {p['pkg']}\n\nRun the tests with `python3 -m unittest discover -s tests`.\n"}
        if p["changelog"]:
            files["CHANGELOG.md"] = f"# Changelog\n\n## Unreleased\n\n## {rng.randint(1, 4)}.{rng.randint(0, 9)}.0\n\n- Added helpers.\n"
        return Workspace(files=files, traps=("hidden-cases", "other-functions"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        bug = p["bug"]
        b = VerificationBuilder()
        b.edit(p["path"], bug["old"], bug["new"])
        cases = {"module": f"{p['pkg']}.{p['module']}", "function": p["func"], "cases": p["hidden"]}
        b.check_files["hidden_cases.json"] = json.dumps(cases) + "\n"
        b.python_check("hidden-cases", f"{p['func']} passes {len(p['hidden'])} hidden cases.", "check_hidden.py",
                       HIDDEN_CHECK, weight=3)
        test_path = f"tests/test_{p['module']}.py"
        assertion = f"self.assertEqual({p['call']}, {p['visible'][1]!r})"
        b.check("tests-untouched", "regex", "The visible test is unchanged.", path=test_path, pattern=_re(assertion), count=1)
        for line in ws.files[p["path"]].splitlines():
            if line.startswith("def ") and not line.startswith(f"def {p['func']}("):
                b.check(f"kept-{line[4:].split('(')[0]}", "regex", f"`{line}` is unchanged.", path=p["path"],
                        pattern=rf"^{_re(line)}$", count=1)
        if p["changelog"]:
            b.edit("CHANGELOG.md", "## Unreleased\n\n", f"## Unreleased\n\n- Fixed {p['func']}.\n\n")
            b.check("changelog", "regex", "The fix is noted under Unreleased.", path="CHANGELOG.md",
                    pattern=rf"## Unreleased\s*\n\s*- Fixed {_re(p['func'])}\.\s*\n[\s\S]*## \d", multiline=False)
        b.mutant("special-cased", "a fix that only satisfies the visible example").edit(p["path"], bug["new"], bug["wrong"])
        b.mutant("test-edited", "the test was changed instead").edit(test_path, assertion, "self.assertTrue(True)")
        return b.build()


# ------------------------------------------------------------------ dependency pins from an advisory

def _version_key(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in v.split("."))


class DependencyPin(Family):
    name = "dependency-pin"
    domain = "software"
    intents = ("code-upkeep",)
    skills = ("dependency-pin", "json-query")
    optional_skills = ("changelog-entry",)
    summary = "Raise pinned requirements to an advisory's fixed versions, comparing versions numerically and touching nothing else."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        req = rng.choice(("requirements.txt", "requirements/base.txt", "app/requirements.txt"))
        advisory = rng.choice(("security/advisory.json", "advisories/2024-q3.json", "audit/pip-audit.json"))
        changelog = ctx.uses("changelog-entry")
        text = (f"Apply the security advisory `{advisory}` to `{req}`: for every package the advisory lists that "
                f"`{req}` pins (`name==version`) at a version lower than the advisory's `fixed_in`, change the pin to "
                f"exactly `fixed_in`. Compare versions number by number (1.10.0 is newer than 1.9.3). Do not add "
                f"packages, and leave comments and every other line unchanged.\n")
        if changelog:
            text += ("\nList each upgrade in `CHANGELOG.md` under `## Unreleased` as `- Bump <name> to <version>.`, "
                     "one line per package, sorted by name.\n")
        return TaskPlan(title="Apply the dependency security advisory", domain=self.domain,
                        difficulty=difficulty_for(2 + changelog), capabilities=("fine-grained", "cross-file"),
                        instruction=text, intent="code-upkeep", expected_artifacts=(req,) + (("CHANGELOG.md",) if changelog else ()),
                        params={"req": req, "advisory": advisory, "changelog": changelog})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        pkgs = rng.sample(vocab.PACKAGES, rng.randint(7, 12))
        pins = {}
        for name in pkgs:
            pins[name] = f"{rng.randint(0, 4)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}"
        listed = rng.sample(pkgs, rng.randint(3, 5))
        vulns = []
        for i, name in enumerate(listed):
            major, minor, patch = _version_key(pins[name])
            if i == 0:      # the string-comparison trap: 9 -> 10
                pins[name] = f"{major}.9.{patch}"
                fixed = f"{major}.10.0"
            elif i == 1:    # already safe: pinned above fixed_in
                pins[name] = f"{major}.{minor}.{max(patch, 1)}"
                fixed = f"{major}.{minor}.{max(patch, 1) - 1}"
            else:
                fixed = f"{major}.{minor}.{patch + rng.randint(1, 4)}"
            vulns.append({"package": name, "id": f"PYSEC-2024-{rng.randint(10, 999)}", "fixed_in": fixed,
                          "severity": rng.choice(("low", "moderate", "high"))})
        absent = next(x for x in vocab.PACKAGES if x not in pkgs)
        vulns.append({"package": absent, "id": f"PYSEC-2024-{rng.randint(10, 999)}", "fixed_in": "2.0.1", "severity": "high"})
        lines = [f"# pinned for {ctx.persona.organisation}; update with care"]
        for name in pkgs:
            lines.append(f"{name}=={pins[name]}" + ("  # needed by the importer" if rng.random() < 0.15 else ""))
        files = {p["req"]: "\n".join(lines) + "\n",
                 p["advisory"]: json.dumps({"generated": "2024-07-01", "vulnerabilities": vulns}, indent=2) + "\n"}
        if p["changelog"]:
            files["CHANGELOG.md"] = "# Changelog\n\n## Unreleased\n\n## 3.2.0\n\n- Faster exports.\n"
        return Workspace(files=files, traps=("version-compare", "already-safe", "unlisted-package"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        text = ws.files[p["req"]]
        pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==([0-9.]+)", text, re.M))
        vulns = json.loads(ws.files[p["advisory"]])["vulnerabilities"]
        bumps = {v["package"]: v["fixed_in"] for v in vulns
                 if v["package"] in pins and _version_key(pins[v["package"]]) < _version_key(v["fixed_in"])}
        b = VerificationBuilder()
        for name, version in bumps.items():
            b.edit(p["req"], f"{name}=={pins[name]}", f"{name}=={version}")
            b.check(f"bumped-{name}", "regex", f"{name} is pinned at {version}.", path=p["req"],
                    pattern=rf"^{_re(name)}=={_re(version)}(\s*#.*)?$", count=1, weight=2)
        for name in pins:
            if name not in bumps:
                b.check(f"kept-{name}", "regex", f"{name}=={pins[name]} is unchanged.", path=p["req"],
                        pattern=rf"^{_re(name)}=={_re(pins[name])}(\s*#.*)?$", count=1)
        absent = [v["package"] for v in vulns if v["package"] not in pins]
        for name in absent:
            b.check(f"not-added-{name}", "regex", f"{name} is not added.", path=p["req"], pattern=rf"^{_re(name)}\b",
                    must_match=False)
        b.check("comment-kept", "regex", "The header comment is kept.", path=p["req"], pattern=r"\A# pinned for ", multiline=False)
        if p["changelog"]:
            entry = "".join(f"- Bump {n} to {v}.\n" for n, v in sorted(bumps.items()))
            b.edit("CHANGELOG.md", "## Unreleased\n\n", f"## Unreleased\n\n{entry}\n")
            b.check("changelog", "regex", "Each upgrade is listed under Unreleased, sorted.", path="CHANGELOG.md",
                    pattern=r"## Unreleased\s*\n\s*" + "".join(rf"- Bump {_re(n)} to {_re(v)}\.\s*\n" for n, v in sorted(bumps.items()))
                    + r"\s*## 3\.2\.0", multiline=False)
        safe = [v for v in vulns if v["package"] in pins and v["package"] not in bumps]
        if safe:
            v = safe[0]
            b.mutant("downgraded-safe-pin", f"{v['package']} was 'upgraded' to an older fixed_in").edit(
                p["req"], f"{v['package']}=={pins[v['package']]}", f"{v['package']}=={v['fixed_in']}")
        trap = next((n for n in bumps if _version_key(bumps[n])[1] == 10 and _version_key(pins[n])[1] == 9), None)
        if trap:
            b.mutant("string-compare", f"{trap} skipped (compared as text)").edit(
                p["req"], f"{trap}=={bumps[trap]}", f"{trap}=={pins[trap]}")
        if absent:
            b.mutant("package-added", f"{absent[0]} was added").edit(
                p["req"], text.splitlines()[0] + "\n", text.splitlines()[0] + f"\n{absent[0]}==2.0.1\n")
        return b.build()


# ------------------------------------------------------------------ a release commit and tag in git

GIT_CHECK = '''"""Inspect the repository the agent made: commit, tag, tracked files."""
import json, subprocess, sys
want = json.loads(sys.argv[1])
def git(*args):
    r = subprocess.run(["git", *args], capture_output=True, text=True)
    return r.returncode, r.stdout.strip()
problems = []
code, subject = git("log", "-1", "--format=%s")
if code:
    problems.append("no commit")
elif subject != want["message"]:
    problems.append(f"last commit message is {subject!r}")
code, kind = git("cat-file", "-t", want["tag"])
if code or kind != "tag":
    problems.append(f"{want['tag']} is not an annotated tag")
else:
    code, target = git("rev-list", "-n", "1", want["tag"])
    _, head = git("rev-parse", "HEAD")
    if target != head:
        problems.append("the tag does not point at the last commit")
_, tracked = git("ls-files")
tracked = set(tracked.splitlines())
missing = sorted(set(want["tracked"]) - tracked)
ignored = sorted(set(want["untracked"]) & tracked)
if missing:
    problems.append(f"not committed: {missing[:3]}")
if ignored:
    problems.append(f"committed although ignored: {ignored[:3]}")
_, dirty = git("status", "--porcelain", "--untracked-files=no")
if dirty:
    problems.append("uncommitted changes to tracked files")
print(json.dumps({"passed": not problems, "observed": problems, "expected": "release commit + annotated tag",
                  "message": "; ".join(problems)}))
sys.exit(1 if problems else 0)
'''


IGNORABLE = (("*.log", "debug.log", "scratch output\n"), ("__pycache__/", "src/{pkg}/__pycache__/core.cpython-311.pyc.txt", "cache\n"),
             (".env", ".env", "API_TOKEN={token}\n"), ("build/", "build/artifact.txt", "built\n"),
             ("dist/", "dist/{pkg}-{old}.tar.gz.txt", "sdist\n"), ("*.tmp", "notes.tmp", "draft\n"),
             (".venv/", ".venv/pyvenv.cfg", "home = /usr/bin\n"), ("coverage.xml", "coverage.xml", "<coverage/>\n"),
             ("*.sqlite", "data/dev.sqlite", "sqlite\n"))
TAG_STYLES = ("v{v}", "{v}", "release-{v}")
MESSAGE_STYLES = ("Release {v}", "chore(release): {v}", "{name} {v}", "Bump version to {v}")


class GitRelease(Family):
    name = "git-release"
    domain = "software"
    intents = ("code-upkeep", "automation")
    skills = ("git-init-commit", "git-tag-release")
    optional_skills = ()
    summary = "Bump a version, put the project under git respecting .gitignore, commit and tag the release."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        name = f"{rng.choice(vocab.TITLE_WORDS).lower()}{rng.choice(vocab.TITLE_NOUNS).lower()}"
        old = f"{rng.randint(0, 3)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
        major, minor, patch = _version_key(old)
        new = rng.choice((f"{major}.{minor}.{patch + 1}", f"{major}.{minor + 1}.0", f"{major + 1}.0.0"))
        vfile = rng.choice(("VERSION", f"src/{name}/__init__.py", "pyproject.toml"))
        tag = rng.choice(TAG_STYLES).format(v=new)
        message = rng.choice(MESSAGE_STYLES).format(v=new, name=name)
        ignores = rng.sample(IGNORABLE, rng.randint(2, 5))
        author = ctx.persona.name
        text = (f"Release {name} {new}. This folder is not under version control yet.\n\n"
                f"1. Set the version to {new} in `{vfile}`.\n"
                f"2. Initialise a git repository here and commit every file that `.gitignore` does not exclude, as "
                f"{author} <{vocab.handle(author)}@example.org>, with the message `{message}`.\n"
                f"3. Tag that commit with an annotated tag `{tag}`.\n")
        return TaskPlan(title=f"Release {name} {new}", domain=self.domain, difficulty=difficulty_for(len(ignores) - 1),
                        capabilities=("tool-selection", "long-range", "file-state"), instruction=text,
                        intent=rng.choice(self.intents), expected_artifacts=(vfile, ".git/"),
                        params={"name": name, "old": old, "new": new, "vfile": vfile, "author": author, "tag": tag,
                                "message": message, "ignores": ignores})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        n = p["name"]
        files = {"README.md": f"# {n}\n\n{rng.choice(SENTENCES_README).format(org=ctx.persona.organisation, n=n)}\n"}
        for bug in rng.sample(BUGS, rng.randint(2, 4)):   # the fixed helpers make varied source files
            func = rng.choice(bug["func"])
            (args, want), _ = draw_cases(rng, bug)
            files[f"src/{n}/{func}.py"] = (f"def {func}({bug['sig']}):\n    \"\"\"{bug['doc']}\"\"\"\n"
                                           + bug["body"].replace(bug["old"], bug["new"]))
            files[f"tests/test_{func}.py"] = (f"from {n}.{func} import {func}\n\n\n"
                                              f"def test_{func}():\n    assert {func}({', '.join(map(repr, args))}) == {want!r}\n")
        files[".gitignore"] = "".join(f"{pattern}\n" for pattern, _, _ in p["ignores"])
        fields = {"pkg": n, "old": p["old"], "token": f"{rng.getrandbits(64):016x}"}
        for _, path, text in p["ignores"]:
            files[path.format(**fields)] = text.format(**fields)
        if p["vfile"] == "VERSION":
            files["VERSION"] = p["old"] + "\n"
            files[f"src/{n}/__init__.py"] = '"""Package."""\n'
        elif p["vfile"] == "pyproject.toml":
            files["pyproject.toml"] = f'[project]\nname = "{n}"\nversion = "{p["old"]}"\n'
            files[f"src/{n}/__init__.py"] = '"""Package."""\n'
        else:
            files[p["vfile"]] = f'"""Package."""\n\n__version__ = "{p["old"]}"\n'
        return Workspace(files=files, traps=("gitignored-files", "no-identity-configured"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        b = VerificationBuilder()
        vtext = ws.files[p["vfile"]]
        old_line = next(l for l in vtext.splitlines() if p["old"] in l)
        b.edit(p["vfile"], old_line, old_line.replace(p["old"], p["new"]))
        email = f"{vocab.handle(p['author'])}@example.org"
        ident = f"-c user.name='{p['author']}' -c user.email={email}"
        msg = p["message"].replace("'", "")
        b.exec(f"git init -q && git add -A && git {ident} commit -q -m '{msg}' && "
               f"git {ident} tag -a {p['tag']} -m '{msg}'")
        ignored = sorted(x for x in ws.files if _ignored(x, [pat for pat, _, _ in p["ignores"]]))
        tracked = sorted(x for x in ws.files if x not in ignored)
        want = {"message": p["message"], "tag": p["tag"], "tracked": tracked, "untracked": ignored}
        b.check("version", "regex", f"The version is {p['new']}.", path=p["vfile"],
                pattern=_re(old_line.replace(p["old"], p["new"])), count=1)
        b.python_check("release", f"A commit '{p['message']}' with every non-ignored file, tagged {p['tag']} (annotated).",
                       "check_git.py", GIT_CHECK, args=[json.dumps(want)], weight=3)
        b.mutant("lightweight-tag", "a lightweight tag instead of an annotated one").exec(
            f"git tag -d {p['tag']} >/dev/null && git tag {p['tag']}")
        if ignored:
            b.mutant("ignored-committed", "ignored files were committed too").exec(
                f"git add -f {ignored[0]} && git {ident} commit -q --amend --no-edit && git tag -d {p['tag']} >/dev/null && "
                f"git {ident} tag -a {p['tag']} -m '{msg}'")
        b.mutant("version-not-bumped", "the version file still says the old version").edit(
            p["vfile"], old_line.replace(p["old"], p["new"]), old_line)
        return b.build()


SENTENCES_README = ("A small tool by {org}.", "{n} helps {org} keep its scripts tidy.",
                    "Internal helpers maintained by {org}; see tests/ for examples.", "Utilities extracted from {org}'s jobs.")


def _ignored(path: str, patterns: list[str]) -> bool:
    import fnmatch
    parts = path.split("/")
    for pat in patterns:
        if pat.endswith("/") and pat[:-1] in parts[:-1]:
            return True
        if not pat.endswith("/") and (fnmatch.fnmatch(parts[-1], pat) or fnmatch.fnmatch(path, pat)):
            return True
    return False


# ------------------------------------------------------------------ .env.example in sync with the code

ENV_VARS = ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "SENTRY_DSN", "SMTP_HOST", "SMTP_PORT", "LOG_LEVEL", "CACHE_TTL",
            "S3_BUCKET", "FEATURE_BETA", "MAX_UPLOAD_MB", "TIMEZONE", "API_BASE_URL", "WORKERS", "STRIPE_KEY",
            "ALLOWED_HOSTS", "RATE_LIMIT", "QUEUE_NAME", "OAUTH_CLIENT_ID", "OAUTH_SECRET", "WEBHOOK_URL", "PDF_RENDERER",
            "BACKUP_DIR", "SESSION_TTL", "CORS_ORIGINS", "METRICS_PORT", "SEARCH_URL", "MEDIA_ROOT", "DEFAULT_LOCALE",
            "RETRY_LIMIT")
ENV_PREFIXES = ("", "", "APP_", "SVC_", "SHOP_", "PORTAL_", "HUB_", "CORE_", "WEB_")
ASSIGN_STYLES = ("{name} = {expr}", "CONFIG[\"{name}\"] = {expr}", "settings.{name} = {expr}", "{name}: str = {expr}")
ENV_DEFAULTS = {"LOG_LEVEL": "info", "CACHE_TTL": "300", "SMTP_PORT": "587", "TIMEZONE": "UTC", "WORKERS": "4",
                "MAX_UPLOAD_MB": "25", "RATE_LIMIT": "100", "QUEUE_NAME": "default", "SESSION_TTL": "3600",
                "METRICS_PORT": "9100", "DEFAULT_LOCALE": "en", "RETRY_LIMIT": "3", "PDF_RENDERER": "weasyprint"}


class EnvExampleSync(Family):
    name = "env-example-sync"
    domain = "software"
    intents = ("code-upkeep", "automation")
    skills = ("dotenv-edit", "log-grep-count")
    optional_skills = ()
    summary = "Bring .env.example in line with the variables the code reads: add missing ones (with code defaults), drop unused ones."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        pkg = rng.choice(("app", "service", "src/api", "backend"))
        text = (f"Bring `.env.example` in line with the environment variables the application code in `{pkg}/` reads "
                f"(`os.environ[...]`, `os.environ.get(...)`, `os.getenv(...)`; code in comments and the tests do not "
                f"count).\n\n- Keep the entries that are still read, with their values and the comment lines above them.\n"
                f"- Remove entries nothing reads any more, together with their comment line.\n"
                f"- Append each missing variable as `NAME=<default>` where the code gives a default, else `NAME=`, "
                f"sorted by name, after the existing entries.\n")
        return TaskPlan(title=f"Sync .env.example with {pkg}/", domain=self.domain, difficulty="medium",
                        capabilities=("cross-file", "fine-grained", "tool-selection"), instruction=text,
                        intent=rng.choice(self.intents), expected_artifacts=(".env.example",), params={"pkg": pkg})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        prefix = rng.choice(ENV_PREFIXES)
        names = rng.sample(ENV_VARS, 14)
        used = names[:rng.randint(6, 11)]
        listed_used = rng.sample(used, len(used) // 2)
        obsolete = names[11:13]
        commented = names[13]
        assign = rng.choice(ASSIGN_STYLES)
        files = {}
        modules = rng.sample(("settings", "db", "mail", "storage", "worker", "web", "billing", "auth", "jobs"), 3)
        for i, base in enumerate(used):
            var = prefix + base
            mod = modules[i % len(modules)]
            style = rng.choice(("index", "get", "getenv"))
            default = ENV_DEFAULTS.get(base) if style != "index" else None
            expr = (f'os.environ["{var}"]' if style == "index" else
                    f'os.environ.get("{var}"' + (f', "{default}")' if default else ")") if style == "get" else
                    f'os.getenv("{var}"' + (f', "{default}")' if default else ")"))
            files.setdefault(f"{p['pkg']}/{mod}.py", f'"""{mod} settings for {ctx.persona.organisation}."""\nimport os\n\n'
                             + ("CONFIG = {}\n" if assign.startswith("CONFIG") else "from types import SimpleNamespace\n\nsettings = SimpleNamespace()\n"
                                if assign.startswith("settings") else ""))
            files[f"{p['pkg']}/{mod}.py"] += assign.format(name=base.lower(), expr=expr) + "\n"
        files[f"{p['pkg']}/{modules[0]}.py"] += f'# {commented.lower()} = os.getenv("{prefix}{commented}")  # removed in 2.0\n'
        files["tests/test_settings.py"] = f'import os\n\nos.environ["TEST_{prefix}DATABASE_URL"] = "sqlite://"\n'
        lines = [f"# {ctx.persona.organisation} - copy to .env and fill in", ""]
        for base in listed_used + obsolete:
            lines += [f"# {base.lower().replace('_', ' ')}",
                      f"{prefix}{base}={ENV_DEFAULTS.get(base, rng.choice(('', 'changeme', 'x', 'todo')))}"]
        files[".env.example"] = "\n".join(lines) + "\n"
        return Workspace(files=files, traps=("commented-use", "test-only-variable", "obsolete-entries", "code-defaults"))

    def reads(self, ws: Workspace, p: dict, include_comments: bool = False, include_tests: bool = False) -> dict:
        found = {}
        for path, text in sorted(ws.files.items()):
            if not (path.startswith(p["pkg"] + "/") or (include_tests and path.startswith("tests/"))):
                continue
            for line in text.splitlines():
                if line.lstrip().startswith("#") and not include_comments:
                    continue
                for m in re.finditer(r'os\.(?:environ\[|environ\.get\(|getenv\()"([A-Z0-9_]+)"(?:\]|\)|, "([^"]*)"\))', line):
                    found.setdefault(m.group(1), m.group(2) or "")
        return found

    def render(self, ws: Workspace, reads: dict) -> str:
        lines = ws.files[".env.example"].splitlines()
        out, i = [], 0
        while i < len(lines):
            line = lines[i]
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if line.startswith("# ") and "=" in nxt and not nxt.startswith("#"):
                if nxt.split("=", 1)[0] in reads:
                    out += [line, nxt]
                i += 2
                continue
            out.append(line)
            i += 1
        listed = {l.split("=", 1)[0] for l in lines if "=" in l and not l.startswith("#")}
        out += [f"{v}={reads[v]}" for v in sorted(reads) if v not in listed]
        return "\n".join(out) + "\n"

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        reads = self.reads(ws, p)
        text = self.render(ws, reads)
        b = VerificationBuilder()
        b.write(".env.example", text)
        entries = [l for l in text.splitlines() if re.match(r"^[A-Z0-9_]+=", l)]
        for line in entries:
            b.check(f"entry-{line.split('=')[0].lower()}", "regex", f"`{line}` is listed.", path=".env.example",
                    pattern=rf"^{_re(line)}\s*$", count=1)
        b.check("entry-count", "regex", f"{len(entries)} variables.", path=".env.example", pattern=r"^[A-Z0-9_]+=", count=len(entries),
                weight=2)
        listed = [l.split("=", 1)[0] for l in ws.files[".env.example"].splitlines() if re.match(r"^[A-Z0-9_]+=", l)]
        env_lines = ws.files[".env.example"].splitlines()
        for var in listed:
            if var not in reads:
                comment = env_lines[env_lines.index(next(l for l in env_lines if l.startswith(var + "="))) - 1]
                b.check(f"gone-{var.lower()}", "regex", f"{var} and its comment are gone.", path=".env.example",
                        pattern=rf"^{_re(comment)}\s*$|^{var}=", must_match=False)
        b.check("header-kept", "regex", "The header comment is kept.", path=".env.example",
                pattern=r"\A# .* - copy to \.env and fill in\n", multiline=False)
        for mid, desc, variant in (("commented-use-listed", "a variable only used in a comment was added",
                                    self.reads(ws, p, include_comments=True)),
                                   ("test-variable-listed", "a variable only the tests set was added",
                                    self.reads(ws, p, include_tests=True))):
            if variant != reads:
                b.mutant(mid, desc).write(".env.example", self.render(ws, variant))
        with_default = next((v for v, d in reads.items() if d and v not in listed), None)
        if with_default:
            b.mutant("default-dropped", f"{with_default} added without its default").edit(
                ".env.example", f"\n{with_default}={reads[with_default]}\n", f"\n{with_default}=\n")
        return b.build()



# ------------------------------------------------------------------ questions about a real git history

AUDIT_PROJECTS = (
    # (sectors, project name stems, settings: (key, lo, hi, step))
    (("tech", "software"), ("api", "service", "gateway", "worker"),
     (("request_timeout_ms", 500, 12000, 250), ("max_retries", 1, 9, 1), ("pool_size", 4, 64, 4),
      ("cache_ttl_s", 30, 3600, 30), ("rate_limit_per_min", 60, 1200, 60), ("max_upload_mb", 5, 200, 5),
      ("worker_count", 2, 32, 2), ("page_size", 10, 200, 10))),
    (("research", "nonprofit", "corporate", "tech"), ("pipeline", "etl", "ingest", "sync"),
     (("batch_size", 100, 5000, 100), ("parallelism", 1, 16, 1), ("lookback_days", 1, 90, 1),
      ("chunk_rows", 500, 20000, 500), ("retry_backoff_s", 1, 60, 1), ("dedupe_window_h", 1, 72, 1))),
    (("health", "facilities", "events", "education", "hospitality", "legal"), ("booking", "scheduler", "rota", "portal"),
     (("slot_minutes", 10, 60, 5), ("reminder_hours", 2, 72, 2), ("max_daily_bookings", 8, 80, 4),
      ("grace_minutes", 5, 30, 5), ("cancellation_hours", 2, 48, 2), ("waitlist_size", 5, 50, 5))),
    (("retail", "marketing", "logistics", "agency"), ("shop", "orders", "catalog", "dispatch"),
     (("free_shipping_threshold", 20, 150, 5), ("low_stock_threshold", 2, 40, 2), ("cart_ttl_min", 15, 240, 15),
      ("max_discount_pct", 5, 60, 5), ("return_window_days", 7, 60, 1), ("max_items_per_order", 10, 200, 10))),
)
AUDIT_CONFIGS = (("yaml", "config/settings.yaml"), ("yaml", "config/{name}.yml"), ("ini", "config/{name}.ini"),
                 ("toml", "config/app.toml"), ("py", "src/{pkg}/settings.py"))
AUDIT_CONSTANTS = (("EXPORT_BATCH", 50, 1000, 50), ("MAX_ATTACHMENTS", 3, 20, 1), ("SESSION_MINUTES", 15, 240, 15),
                   ("PREVIEW_CHARS", 80, 400, 20), ("ARCHIVE_AFTER_DAYS", 7, 365, 7), ("MAX_RECIPIENTS", 5, 100, 5),
                   ("THUMBNAIL_PX", 64, 512, 32), ("LOCK_TIMEOUT_S", 5, 120, 5))
AUDIT_RENAMES = (("docs/setup.md", "docs/getting-started.md"), ("docs/ops.md", "docs/runbook.md"),
                 ("docs/faq.md", "docs/troubleshooting.md"), ("docs/notes.md", "docs/design-notes.md"),
                 ("scripts/deploy.sh", "scripts/release.sh"), ("scripts/backup.sh", "scripts/snapshot.sh"),
                 ("docs/api.md", "docs/reference/api.md"), ("CONTRIBUTING.md", "docs/contributing.md"))
AUDIT_LAST_FILES = ("Makefile", "docs/architecture.md", "scripts/lint.sh", "docs/monitoring.md", "ci/pipeline.yml")
AUDIT_DECISIONS = ("docs/decisions.md", "notes/decisions.md", "docs/adr/0007-configuration.md")
AUDIT_TZ = ("+0000", "+0100", "+0200", "-0500", "+0530", "+0900", "-0300", "+1000")
AUDIT_DOC_TOPICS = ("deployment", "logging", "backups", "security", "metrics", "onboarding", "release-process",
                    "data-model", "alerts", "testing")
COMMIT_STYLES = ("plain", "conventional", "ticket")
AUDIT_QUESTIONS = ("last_changed_in", "value_at_tag", "removed_in", "last_author", "commits_since_tag", "original_path")

REVERT_CHECK = '''"""The revert the task asks for: one new commit on main, made by git revert, by the requested author."""
import json, subprocess, sys
want = json.loads(sys.argv[1])
def git(*args):
    r = subprocess.run(["git", *args], capture_output=True, text=True)
    return r.returncode, r.stdout
problems = []
code, ref = git("symbolic-ref", "-q", "HEAD")
if code or ref.strip() != "refs/heads/main":
    problems.append("HEAD is not on main")
code, parent = git("rev-parse", "-q", "--verify", "HEAD^")
if code or parent.strip() != want["parent"]:
    problems.append("HEAD is not one new commit on top of the previous main")
_, ident = git("log", "-1", "--format=%an <%ae>")
if ident.strip() != want["author"]:
    problems.append(f"author is {ident.strip()!r}")
_, message = git("log", "-1", "--format=%B")
if f"This reverts commit {want['target']}." not in message or not message.startswith("Revert "):
    problems.append("not git revert's message for the target commit")
_, names = git("diff", "--name-only", "HEAD^", "HEAD")
if names.split() != [want["path"]]:
    problems.append(f"the commit changes {names.split()}")
code, content = git("show", f"HEAD:{want['path']}")
if code or content != want["content"]:
    problems.append(f"{want['path']} in HEAD is not its content before the reverted commit")
_, dirty = git("status", "--porcelain", "--untracked-files=no")
if dirty.strip():
    problems.append("tracked files have uncommitted changes")
print(json.dumps({"passed": not problems, "observed": problems, "expected": "a clean git revert of the target commit",
                  "message": "; ".join(problems)}))
sys.exit(1 if problems else 0)
'''


def _audit_value_re(key: str) -> str:
    return rf"^{_re(key)}\s*[:=]\s*(-?[0-9][0-9.]*)\s*$"


def _num(text: str):
    return float(text) if "." in text else int(text)


def _render_config(fmt: str, name: str, items: list[tuple[str, int]]) -> str:
    if fmt == "yaml":
        return f"# {name} settings\n" + "".join(f"{k}: {v}\n" for k, v in items)
    if fmt in ("ini", "toml"):
        return f"[{name if fmt == 'ini' else 'app'}]\n" + "".join(f"{k} = {v}\n" for k, v in items)
    return f'"""Settings for {name}."""\n\n' + "".join(f"{k} = {v}\n" for k, v in items)


class _History:
    """A linear history being written: the current tree, the commits so far, a clock that only moves
    forward (working hours, 1-40 h between commits) and the repository's message style."""

    def __init__(self, rng, authors: list[Signature], start: int, style: str, ticket: str):
        self.rng, self.authors, self.when, self.style, self.ticket = rng, authors, start, style, ticket
        self.state: dict[str, str] = {}
        self.commits: list[CommitSpec] = []
        self.tags: list[TagSpec] = []
        self.n = rng.randint(10, 90)

    def message(self, text: str, kind: str = "chore") -> str:
        if self.style == "conventional":
            return f"{kind}: {text[0].lower()}{text[1:]}"
        if self.style == "ticket":
            self.n += self.rng.randint(1, 6)
            return f"{self.ticket}-{self.n}: {text}"
        return text

    def commit(self, message: str, kind: str = "chore", author: int | None = None, committer: int | None = None) -> int:
        """Commit the current tree; a separate committer applies the author's patch some hours later."""
        self.when += self.rng.randint(1, 40) * 3600 + self.rng.randint(0, 59) * 60
        a = self.authors[self.rng.randrange(len(self.authors)) if author is None else author].at(self.when)
        c = None
        if committer is not None:
            self.when += self.rng.randint(2, 30) * 3600
            c = self.authors[committer].at(self.when)
        self.commits.append(CommitSpec(dict(self.state), self.message(message, kind), a, c))
        return len(self.commits) - 1


class GitHistoryAudit(Family):
    name = "git-history-audit"
    domain = "software"
    intents = ("code-upkeep", "monitoring")
    skills = ("git-inspect-history", "json-write")
    optional_skills = ("git-revert-commit",)
    summary = ("Answer questions about a real repository's history (who, which commit, how many, what value at a tag) "
               "into a JSON report, optionally reverting one commit.")

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        kinds = [k for k in AUDIT_PROJECTS if ctx.persona.sector in k[0]] or list(AUDIT_PROJECTS)
        _, stems, settings = rng.choice(kinds)
        base = vocab.slug(ctx.persona.organisation).split("-")[0] if rng.random() < 0.5 else rng.choice(vocab.SERVICES)
        name = f"{base}-{rng.choice(stems)}"
        pkg = name.replace("-", "_")
        fmt, cfg = rng.choice(AUDIT_CONFIGS)
        config = cfg.format(name=name, pkg=pkg)
        others = rng.sample(settings, len(settings))   # the first is the setting asked about
        key = others[0][0].upper() if fmt == "py" else others[0][0]
        const = rng.choice(AUDIT_CONSTANTS)
        cfile = f"src/{pkg}/{rng.choice(('constants', 'limits'))}.py"
        bug = rng.choice(BUGS)
        func = rng.choice(bug["func"])
        module = f"src/{pkg}/{rng.choice(('helpers', 'util', 'common', 'legacy', 'tools'))}.py"
        y_old, y_new = rng.choice(AUDIT_RENAMES)
        last_file = rng.choice(AUDIT_LAST_FILES)
        folder = rng.choice(tuple(dict.fromkeys(("docs/", "tests/", "src/", config.split("/")[0] + "/"))))
        style = rng.choice(("v{v}", "{v}", "release-{v}"))
        major, minor = rng.randint(0, 3), rng.randint(1, 8)
        old_first = rng.random() < 0.5
        versions = (f"{major}.{minor}.0", f"{major}.{minor + 1}.0")
        tag = style.format(v=versions[1] if old_first else versions[0])
        other_tag = style.format(v=versions[0] if old_first else versions[1])
        revert = ctx.uses("git-revert-commit")
        questions = ["introduced_in"] + rng.sample(AUDIT_QUESTIONS, rng.randint(3, 4 if revert else 5))
        questions = [q for q in ("introduced_in",) + AUDIT_QUESTIONS if q in questions]
        c0 = rng.randrange(const[1], const[2], const[3])
        c1 = rng.choice([v for v in range(const[1], const[2] + 1, const[3]) if v != c0])
        c2 = rng.choice([v for v in range(const[1], const[2] + 1, const[3]) if v not in (c0, c1)])
        report = rng.choice(("audit/history.json", f"reports/{name}-history.json", f"incident/{name}-git-audit.json",
                             "notes/git-answers.json"))
        email = f"{vocab.handle(ctx.persona.name)}@{vocab.slug(ctx.persona.organisation)}.example"
        asks = {
            "introduced_in": f"the full hash of the commit that first added the `{key}` setting to `{config}`",
            "last_changed_in": f"the full hash of the most recent commit that changed the value of `{key}` in `{config}`",
            "value_at_tag": f"the value of `{key}` in `{config}` at tag `{tag}`, as a JSON number",
            "removed_in": f"the full hash of the commit that removed the function `{func}` from `{module}`",
            "last_author": f"the author name (as git records it) of the most recent commit that changed `{last_file}`",
            "commits_since_tag": (f"how many commits after tag `{tag}` (not counting the tagged commit itself) changed "
                                  f"anything under `{folder}`, as a JSON number"),
            "original_path": f"the path under which `{y_new}` was first added to the repository (follow renames)",
        }
        if ctx.persona.intents and "monitoring" in ctx.persona.intents and rng.random() < 0.7:
            intro = (f"Since the {tag} release of {name} we keep seeing odd behaviour, and before the incident review "
                     f"I need facts from the git history of this repository (the current folder).")
        else:
            intro = rng.choice((f"I'm auditing the history of {name} (this folder is its git repository) for the release review.",
                                f"For the {name} changelog clean-up I need a few facts from this repository's git history.",
                                f"Our {name} repository (the current folder) needs a short history audit."))
        text = (f"{intro} Answer from the history itself and write `{report}` as a JSON object with exactly these "
                f"keys (commit ids as full 40-character hashes):\n\n"
                + "".join(f"- `{q}`: {asks[q]}.\n" for q in questions))
        if revert:
            text += (f"\nThen revert the commit that changed `{const[0]}` in `{cfile}` from {c1} to {c2}: one new commit "
                     f"on top of `main`, made with `git revert` and its default message, authored as "
                     f"{ctx.persona.name} <{email}>. Nothing else goes into that commit; leave the report uncommitted, "
                     f"and keep `main` checked out.\n")
        else:
            text += ("\nDo not change the repository: no new commits, and leave `main` checked out (look at old "
                     "versions without checking them out).\n")
        return TaskPlan(title=f"Audit the git history of {name}", domain=self.domain,
                        difficulty=difficulty_for(len(questions) - 2 + 2 * revert),
                        capabilities=("tool-selection", "long-range", "fine-grained") + (("file-state",) if revert else ()),
                        instruction=text, intent=rng.choice(self.intents),
                        expected_artifacts=(report,) + ((".git/",) if revert else ()),
                        params={"name": name, "pkg": pkg, "fmt": fmt, "config": config, "key": key, "settings": others,
                                "const": const, "cfile": cfile, "consts": (c0, c1, c2), "bug": bug, "func": func,
                                "module": module, "rename": (y_old, y_new), "last_file": last_file, "folder": folder,
                                "tag": tag, "other_tag": other_tag, "old_first": old_first, "versions": versions,
                                "questions": questions, "report": report, "revert": revert,
                                "identity": f"{ctx.persona.name} <{email}>"})

    # -- stage 2: the repository ------------------------------------------------------------------
    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        org = vocab.slug(ctx.persona.organisation)
        authors = []
        for n in vocab.people(rng, rng.randint(3, 5)):
            first, last = n.lower().split()
            email = rng.choice((f"{first}.{last}@{org}.example", f"{first}@{org}.example", f"{first[0]}{last}@{org}.example"))
            authors.append(Signature(n, email, 0, rng.choice(AUDIT_TZ)))
        start = epoch(rng.choice((2023, 2024, 2025)), rng.randint(1, 10), rng.randint(1, 25), rng.randint(8, 11),
                      rng.randint(0, 59), authors[0].tz)
        ticket = rng.choice(("OPS", "DEV", "PLAT", p["name"].split("-")[0][:4].upper()))
        h = _History(rng, authors, start, rng.choice(COMMIT_STYLES), ticket)
        s = h.state
        name, pkg, key, fmt, cfg = p["name"], p["pkg"], p["key"], p["fmt"], p["config"]
        disp = (lambda k: k.upper()) if fmt == "py" else (lambda k: k)
        _, lo, hi, st = p["settings"][0]
        value_a = rng.randrange(lo, hi + 1, st)
        value_b = rng.choice([v for v in range(lo, hi + 1, st) if v != value_a])
        cfg_items = [(disp(k), rng.randrange(lo2, hi2 + 1, st2)) for k, lo2, hi2, st2 in p["settings"][1:3]]
        spare = [(disp(k), rng.randrange(lo2, hi2 + 1, st2)) for k, lo2, hi2, st2 in p["settings"][3:]]

        def write_config() -> None:
            s[cfg] = _render_config(fmt, name, cfg_items)

        def fn_code(b: dict, n: str) -> str:
            return f"def {n}({b['sig']}):\n    \"\"\"{b['doc']}\"\"\"\n" + b["body"].replace(b["old"], b["new"])

        bug, func, module = p["bug"], p["func"], p["module"]
        others = rng.sample([b for b in BUGS if b is not bug], 4)
        helper_mod = f"src/{pkg}/{rng.choice(('text', 'dates', 'money', 'lists'))}.py"
        mod_funcs = [(rng.choice(others[0]["func"]), others[0]), (func, bug), (rng.choice(others[1]["func"]), others[1])]
        extra_funcs = [(rng.choice(b["func"]), b) for b in others[2:]]
        home = {n: module for n, _ in mod_funcs} | {n: helper_mod for n, _ in extra_funcs}

        def write_module(deprecated: bool = False, removed: bool = False) -> None:
            parts = []
            for n, b in mod_funcs:
                if n == func and removed:
                    continue
                code = fn_code(b, n)
                if n == func and deprecated:   # a comment under the docstring
                    head, _, rest = code.partition('"""\n')
                    code = f'{head}"""\n    # Deprecated: nothing calls {func} any more; it goes away soon.\n{rest}'
                parts.append(code)
            s[module] = f'"""Helpers kept from the first version of {name}."""\n\n\n' + "\n\n".join(parts)

        const, cfile = p["const"], p["cfile"]
        c0, c1, c2 = p["consts"]
        const_items = [(const[0], c0)] + [(c[0], rng.randrange(c[1], c[2] + 1, c[3]))
                                          for c in rng.sample([c for c in AUDIT_CONSTANTS if c is not const], 2)]
        rng.shuffle(const_items)

        def write_constants(value: int) -> None:
            s[cfile] = f'"""Limits used across {name}."""\n\n' + "".join(
                f"{k} = {value if k == const[0] else v}\n" for k, v in const_items)

        unreleased: list[str] = []
        released: list[str] = []

        def write_changelog() -> None:
            s["CHANGELOG.md"] = ("# Changelog\n\n## Unreleased\n\n" + "".join(f"- {e}\n" for e in unreleased)
                                 + ("\n" if unreleased else "") + "\n".join(released))

        def set_version(v: str) -> None:
            s[f"src/{pkg}/__init__.py"] = re.sub(r'__version__ = "[^"]*"', f'__version__ = "{v}"',
                                                 s.get(f"src/{pkg}/__init__.py", f'"""{name}."""\n\n__version__ = ""\n'))

        y_old, y_new = p["rename"]
        z = p["last_file"]
        major, minor, _ = _version_key(p["versions"][0])
        first = f"{major}.{minor - 1}.{rng.randint(1, 6)}"
        # the initial import
        s["README.md"] = f"# {name}\n\n{rng.choice(SENTENCES_README).format(org=ctx.persona.organisation, n=name)}\n"
        released.append(f"## {first}\n\n- First tracked version.\n")
        write_changelog()
        set_version(first)
        write_config()
        write_module()
        write_constants(c0)
        s[helper_mod] = '"""Small helpers."""\n\n\n' + fn_code(extra_funcs[0][1], extra_funcs[0][0])
        s[y_old] = self._doc(rng, y_old, name)
        s[z] = self._doc(rng, z, name)
        h.commit("Initial import", "feat", author=0)
        tests_added = [0]

        def filler(target: str | None = None) -> None:
            kind = target or rng.choice(("readme", "doc", "test", "code", "config", "changelog"))
            if kind == "config/" or (kind.endswith("/") and cfg.startswith(kind) and kind != "src/"):
                kind = "config"
            if kind in ("docs/", "doc"):
                topic = rng.choice(AUDIT_DOC_TOPICS)
                path = f"docs/{topic}.md"
                s[path] = s.get(path, f"# {topic.replace('-', ' ').capitalize()}\n\n") + \
                    f"{rng.choice(AUDIT_DOC_LINES).format(n=name)}\n"
                h.commit(f"Document {topic.replace('-', ' ')}", "docs")
            elif kind in ("tests/", "test"):
                n, b = rng.choice([mod_funcs[0], mod_funcs[2], extra_funcs[0]])
                (args, want), _ = draw_cases(rng, b)
                path = f"tests/test_{n}.py"
                tests_added[0] += 1
                s[path] = s.get(path, f"from {home[n][4:-3].replace('/', '.')} import {n}\n") + (
                    f"\n\ndef test_{n}_{tests_added[0]}():\n    assert {n}({', '.join(map(repr, args))}) == {want!r}\n")
                h.commit(f"Add a test for {n}", "test")
            elif kind in ("src/", "code"):
                n, b = extra_funcs[1]
                if f"def {n}(" not in s[helper_mod]:
                    s[helper_mod] += "\n\n" + fn_code(b, n)
                    h.commit(f"Add {n}", "feat")
                else:
                    s[f"src/{pkg}/__init__.py"] += f"# {rng.choice(('keep imports light', 'public API below', 'see docs/'))}\n"
                    h.commit("Tidy the package docstring", "refactor")
            elif kind == "config":
                if spare and rng.random() < 0.5:
                    cfg_items.append(spare.pop(0))
                    msg = f"Add the {cfg_items[-1][0]} setting"
                else:
                    i = rng.choice([j for j, (k, _) in enumerate(cfg_items) if k != key])
                    k, v = cfg_items[i]
                    cfg_items[i] = (k, v + 1 if rng.random() < 0.5 or v <= 1 else v - 1)
                    msg = f"Adjust {k}"
                write_config()
                h.commit(msg, "chore")
            elif kind == "readme":
                s["README.md"] += f"\n{rng.choice(AUDIT_DOC_LINES).format(n=name)}\n"
                h.commit("Update README", "docs")
            else:
                unreleased.insert(0, rng.choice(AUDIT_CHANGES))
                write_changelog()
                h.commit("Update the changelog", "docs")

        annotated = rng.random() < 0.6

        def release(tag: str, v: str) -> None:
            set_version(v)
            released.insert(0, f"## {v}\n\n" + ("".join(f"- {e}\n" for e in unreleased) or "- Maintenance release.\n") + "\n")
            unreleased.clear()
            write_changelog()
            i = h.commit(rng.choice(("Release {v}", "Bump version to {v}", "Prepare {v}")).format(v=v), "chore")
            tagger = h.authors[rng.randrange(len(h.authors))].at(h.when + 1800) if annotated else None
            h.tags.append(TagSpec(tag, i, tagger, f"Release {v}"))

        human = key.lower().replace("_", " ")
        decision = rng.choice(AUDIT_DECISIONS)

        def ev_mention() -> None:   # names the setting (message and text) without adding it to the config
            s[decision] = s.get(decision, "# Decisions\n\n") + (
                f"- {rng.choice(('We want to', 'Proposal:', 'Next step:'))} make the {human} configurable as `{key}` "
                f"in `{cfg}` (default to be agreed).\n")
            h.commit(rng.choice((f"Discuss {key} before adding it", f"Plan the {key} setting", f"Note why {key} is needed")), "docs")

        def ev_intro() -> None:
            cfg_items.insert(rng.randint(0, len(cfg_items)), (key, value_a))
            write_config()
            h.commit(rng.choice((f"Make the {human} configurable", f"Add the {human} setting",
                                 "Move hard-coded limits to config")), "feat")

        def set_key(v: int, message: str, kind: str) -> None:
            i = next(j for j, (k, _) in enumerate(cfg_items) if k == key)
            cfg_items[i] = (key, v)
            write_config()
            h.commit(message, kind)

        def ev_change() -> None:
            set_key(value_b, f"{'Raise' if value_b > value_a else 'Lower'} {key} to {value_b}", "perf")

        def ev_restore() -> None:   # the value goes back to what it was first
            set_key(value_a, rng.choice((f"Put {key} back to {value_a}", f"Restore the old {human} after the load test",
                                         f"Go back to {key}={value_a}")), "fix")

        def ev_deprecate() -> None:
            write_module(deprecated=True)
            h.commit(f"Deprecate {func}", "refactor")

        def ev_remove() -> None:    # its message does not name the function
            write_module(removed=True)
            h.commit(rng.choice((f"Remove unused helpers from {module.rsplit('/', 1)[-1]}", "Drop dead code",
                                 f"Tidy {module.rsplit('/', 1)[-1]}")), "refactor")

        def ev_const_raise() -> None:
            write_constants(c1)
            h.commit(f"Set {const[0]} to {c1}", "chore")

        def ev_const_tune() -> None:
            write_constants(c2)
            h.commit(rng.choice((f"Tune {const[0].lower().replace('_', ' ')}", "Adjust limits after feedback",
                                 "Update limits")), "perf")

        def ev_rename() -> None:
            s[y_new] = s.pop(y_old)
            h.commit(rng.choice((f"Move {y_old} to {y_new}", f"Rename {y_old.rsplit('/', 1)[-1]}",
                                 "Reorganise the docs")), "docs")

        def ev_z_edit() -> None:
            s[z] += self._doc_line(rng, z)
            h.commit(f"Extend {z.rsplit('/', 1)[-1]}", "docs")

        def ev_z_last() -> None:    # a contributor's patch, committed by a maintainer
            s[z] += self._doc_line(rng, z)
            a = rng.randrange(len(h.authors))
            c = rng.choice([i for i in range(len(h.authors)) if i != a])
            h.commit(rng.choice((f"Update {z.rsplit('/', 1)[-1]}", f"Fix {z.rsplit('/', 1)[-1]} for the new runner")),
                     "chore", author=a, committer=c)

        v_tag, v_other = p["versions"][::-1] if p["old_first"] else p["versions"]
        main = [ev_mention, ev_intro, ev_change, lambda: release(p["tag"], v_tag), lambda: filler(p["folder"]), ev_restore]
        other = lambda: release(p["other_tag"], v_other)
        main = [other] + main if p["old_first"] else main + [other]
        chains = [main, [ev_deprecate, ev_remove], [ev_const_raise, ev_const_tune], [ev_rename], [ev_z_edit]]
        order = []
        while any(chains):
            chain = rng.choice([c for c in chains if c])
            order.append(chain.pop(0))
        for _ in range(rng.randint(3, 7)):
            order.insert(rng.randint(0, len(order)), filler)
        order.insert(rng.randint(order.index(ev_z_edit) + 1, len(order)), ev_z_last)
        for event in order:
            event()
        files = build_repo(h.commits, h.tags)
        return Workspace(files=files, traps=("value-changed-back", "message-mentions-setting", "deprecation-before-removal",
                                             "renamed-file", "author-not-committer", "two-release-tags"))

    @staticmethod
    def _doc(rng, path: str, name: str) -> str:
        if path.endswith(".sh"):
            return f"#!/bin/sh\nset -eu\n# {name}: {path.rsplit('/', 1)[-1]}\necho \"running {path}\"\n"
        if path == "Makefile":
            return ".PHONY: test\n\ntest:\n\tpython3 -m unittest discover -s tests\n"
        if path.endswith(".yml"):
            return f"name: {name}\nsteps:\n  - run: python3 -m unittest discover -s tests\n"
        title = path.rsplit("/", 1)[-1][:-3].replace("-", " ").capitalize()
        return f"# {title}\n\n{rng.choice(AUDIT_DOC_LINES).format(n=name)}\n"

    @staticmethod
    def _doc_line(rng, path: str) -> str:
        word = rng.choice(("lint", "build", "check", "docs", "package", "smoke"))
        if path.endswith(".sh"):
            return f"echo \"{word} step\"\n"
        if path == "Makefile":
            return f"\n.PHONY: {word}{rng.randint(2, 99)}\n{word}{rng.randint(2, 99)}:\n\t@echo {word}\n"
        if path.endswith(".yml"):
            return f"  - run: make {word}\n"
        return f"\n{rng.choice(AUDIT_DOC_LINES).format(n='the service')}\n"

    # -- stage 3 ---------------------------------------------------------------------------------
    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        hist = read_repo(ws.files)
        commits = hist.commits
        cache: dict[str, dict[str, bytes]] = {}

        def files_at(sha: str) -> dict[str, bytes]:
            if sha not in cache:
                cache[sha] = hist.files_at(sha)
            return cache[sha]

        def text_at(sha: str, path: str) -> str:
            data = files_at(sha).get(path)
            return "" if data is None else data.decode()

        def changed(i: int) -> set[str]:
            now, before = files_at(commits[i].sha), files_at(commits[i - 1].sha) if i else {}
            return {x for x in now.keys() | before.keys() if now.get(x) != before.get(x)}

        key, cfg = p["key"], p["config"]

        def value(sha: str):
            m = re.search(_audit_value_re(key), text_at(sha, cfg), re.MULTILINE)
            return _num(m.group(1)) if m else None

        values = [value(c.sha) for c in commits]
        introduced = next(i for i, v in enumerate(values) if v is not None)
        value_changes = [i for i in range(1, len(values)) if values[i - 1] is not None and values[i] != values[i - 1]]
        last_change = value_changes[-1]
        mention = next((i for i, c in enumerate(commits) if key in c.message and i != introduced and i not in value_changes), None)
        tag_i = next(i for i, c in enumerate(commits) if c.sha == hist.tags[p["tag"]])
        other_i = next(i for i, c in enumerate(commits) if c.sha == hist.tags[p["other_tag"]])
        fdef = re.compile(rf"^def {_re(p['func'])}\(", re.MULTILINE)
        removed = next(i for i in range(len(commits) - 1, 0, -1)
                       if fdef.search(text_at(commits[i - 1].sha, p["module"])) and not fdef.search(text_at(commits[i].sha, p["module"])))
        deprecated = max((i for i in range(removed) if p["func"] in commits[i].message), default=None)
        last_i = max(i for i in range(len(commits)) if p["last_file"] in changed(i))
        since = lambda start: sum(1 for i in range(start + 1, len(commits)) if any(x.startswith(p["folder"]) for x in changed(i)))
        count = since(tag_i)
        path = p["rename"][1]
        for i in range(len(commits) - 1, 0, -1):
            now, before = files_at(commits[i].sha), files_at(commits[i - 1].sha)
            if path in now and path not in before:
                origin = next((x for x in before if x not in now and before[x] == now[path]), None)
                if origin is None:
                    break
                path = origin
        answers = {"introduced_in": commits[introduced].sha, "last_changed_in": commits[last_change].sha,
                   "value_at_tag": values[tag_i], "removed_in": commits[removed].sha,
                   "last_author": commits[last_i].author.name, "commits_since_tag": count, "original_path": path}
        doc = {q: answers[q] for q in p["questions"]}
        report = p["report"]
        b = VerificationBuilder()
        dump = lambda d: json.dumps(d, indent=2) + "\n"
        b.write(report, dump(doc))
        sha_keys = [q for q in doc if isinstance(doc[q], str) and re.fullmatch(r"[0-9a-f]{40}", doc[q])]
        props = {q: ({"type": "string", "pattern": "^[0-9a-f]{40}$"} if q in sha_keys else
                     {"type": "number"} if isinstance(doc[q], (int, float)) else {"type": "string"}) for q in doc}
        b.check("report-shape", "json_schema", "The report is a JSON object with the requested keys, full hashes and numbers.",
                path=report, schema={"type": "object", "required": list(doc), "properties": props})
        what = {"introduced_in": f"{key} was added to {cfg} in {doc.get('introduced_in', '')[:10]}",
                "last_changed_in": f"{key} last changed value in {answers['last_changed_in'][:10]}",
                "value_at_tag": f"{key} was {answers['value_at_tag']} at {p['tag']}",
                "removed_in": f"{p['func']} was removed in {answers['removed_in'][:10]}",
                "last_author": f"{answers['last_author']} authored the last change to {p['last_file']}",
                "commits_since_tag": f"{count} commits after {p['tag']} touched {p['folder']}",
                "original_path": f"{p['rename'][1]} started as {path}"}
        for q, v in doc.items():
            b.check(q.replace("_", "-"), "json_value", what[q] + ".", weight=2, path=report, pointer=f"/{q}", equals=v)
        orig = commits[-1].sha
        if p["revert"]:
            _, c1, c2 = p["consts"]
            creg = lambda v: re.compile(rf"^{p['const'][0]} = {v}$", re.MULTILINE)
            target = next(i for i in range(1, len(commits)) if creg(c1).search(text_at(commits[i - 1].sha, p["cfile"]))
                          and creg(c2).search(text_at(commits[i].sha, p["cfile"])))
            if any(p["cfile"] in changed(i) for i in range(target + 1, len(commits))):
                raise ValueError("the revert target's file changes later: git revert would conflict")
            name, email = p["identity"][:-1].split(" <")
            b.exec(f"git -c user.name='{name}' -c user.email={email} revert --no-edit {commits[target].sha}")
            want = {"parent": orig, "target": commits[target].sha, "author": p["identity"], "path": p["cfile"],
                    "content": text_at(commits[target - 1].sha, p["cfile"])}
            b.python_check("revert", f"main has one new commit reverting {commits[target].sha[:10]} ({p['const'][0]} "
                           f"back to {c1}), authored by {p['identity']}.", "check_revert.py", REVERT_CHECK,
                           args=[json.dumps(want)], weight=3)
            b.mutant("revert-by-hand", "the constant was edited back by hand instead of a revert commit").exec(
                f"git reset -q --hard HEAD~1 && sed -i 's/^{p['const'][0]} = {c2}$/{p['const'][0]} = {c1}/' {p['cfile']}")
            b.mutant("generic-identity", "the revert was committed under a made-up identity").exec(
                "git -c user.name=agent -c user.email=agent@localhost commit -q --amend --no-edit --reset-author")
        else:
            b.check("main-unchanged", "regex", "main still points at the last commit (no new commits).",
                    path=".git/refs/heads/main", pattern=rf"\A{orig}\s*\Z", multiline=False)
            b.check("main-checked-out", "regex", "main is still checked out.", path=".git/HEAD",
                    pattern=r"\Aref: refs/heads/main\s*\Z", multiline=False)
        b.mutant("tag-left-checked-out", f"{p['tag']} was checked out to read it and left that way").exec(
            f"git checkout -q {p['tag']}")
        b.rubric_item("from-history", "The answers were established from the git history (log, show, blame, "
                      "pickaxe searches), not guessed from commit messages or the current files.", ["@transcript", report])
        # near misses
        def spoil(mid: str, desc: str, **changes) -> None:
            b.mutant(mid, desc).write(report, dump({**doc, **changes}))
        spoil("short-hashes", "abbreviated commit hashes", **{q: doc[q][:7] for q in sha_keys})
        spoil("latest-not-first", f"the latest commit that touched {key} instead of the first",
              introduced_in=commits[value_changes[-1]].sha)
        if mention is not None:
            spoil("message-mention", "the commit whose message mentions the setting but does not add it",
                  introduced_in=commits[mention].sha)
        if "last_changed_in" in doc:
            spoil("first-not-last", "the commit that first set the current value", last_changed_in=commits[introduced].sha)
        if "value_at_tag" in doc and values[-1] != values[tag_i]:
            spoil("current-value", f"today's value instead of the value at {p['tag']}", value_at_tag=values[-1])
        if "removed_in" in doc and deprecated is not None:
            spoil("deprecation-commit", f"the commit that deprecated {p['func']}", removed_in=commits[deprecated].sha)
        if "last_author" in doc and commits[last_i].committer.name != commits[last_i].author.name:
            spoil("committer-not-author", "the committer's name instead of the author's",
                  last_author=commits[last_i].committer.name)
        if "commits_since_tag" in doc:
            spoil("count-includes-tag", "the tagged commit counted too", commits_since_tag=count + 1)
            if since(other_i) != count:
                spoil("other-tag", f"counted from {p['other_tag']}", commits_since_tag=since(other_i))
        if "original_path" in doc:
            spoil("rename-not-followed", "the current path instead of the original one", original_path=p["rename"][1])
        return b.build()


AUDIT_DOC_LINES = ("Run `make test` before pushing to {n}.", "{n} logs to stdout; the platform collects it.",
                   "Ask in #ops before changing production settings.", "Backups run nightly; restores are tested monthly.",
                   "Alerts page the on-call person for {n}.", "Keep secrets out of the repository.",
                   "Each release is tagged and noted in CHANGELOG.md.", "The staging copy of {n} resets every Monday.",
                   "Metrics are scraped every 30 seconds.", "New joiners start with the getting-started page.")
AUDIT_CHANGES = ("Faster startup.", "Clearer error messages.", "Fewer retries on shutdown.", "Docs for the settings.",
                 "Smaller container image.", "Better logging of slow requests.")



# ------------------------------------------------------------------ unit tests judged by mutation testing

def _tw_late_fee(rng, name):
    grace, rate, flat = rng.randint(2, 10), rng.choice((0.5, 1, 1.5, 2, 2.5)), rng.choice((1, 2, 3, 5))
    cap = flat + rate * rng.randint(6, 20)
    cap = int(cap) if cap == int(cap) else cap
    item = rng.choice(("a library book", "a rental bike", "a loaned laptop", "a hired tool", "a borrowed camera"))
    code = (f"def {name}(days_late):\n"
            f"    \"\"\"Fee for returning {item} `days_late` days late.\n\n"
            f"    No fee up to and including day {grace} (the grace period). After that the fee is {flat} plus {rate} for\n"
            f"    every day beyond the grace period, and never more than {cap}.\n    \"\"\"\n"
            f"    if days_late <= {grace}:\n        return 0\n"
            f"    return min({flat} + (days_late - {grace}) * {rate}, {cap})\n")
    over = next(d for d in range(grace + 1, grace + 400) if flat + (d - grace) * rate >= cap)
    mutants = (("grace-boundary", "the grace period ends a day early", f"if days_late <= {grace}:", f"if days_late < {grace}:", True),
               ("no-cap", "the cap is not applied", f"return min({flat} + (days_late - {grace}) * {rate}, {cap})",
                f"return {flat} + (days_late - {grace}) * {rate}", True),
               ("days-off-by-one", "counts the first day past the grace period twice", f"(days_late - {grace})", f"(days_late - {grace} + 1)", False))
    typical = [[0], [grace + 2]]
    boundary = [[grace], [grace + 1], [over], [over + 5]]
    return code, mutants, typical, boundary


def _tw_grade(rng, name):
    labels = rng.choice((("A", "B", "C", "F"), ("gold", "silver", "bronze", "none"), ("high", "medium", "low", "minimal")))
    a = rng.randint(80, 92)
    b = rng.randint(a - 20, a - 8)
    c = rng.randint(b - 20, b - 8)
    what = rng.choice(("score from 0 to 100", "loyalty score from 0 to 100", "risk score from 0 to 100"))
    blocks = [f"    if score >= {a}:\n        return {labels[0]!r}\n", f"    if score >= {b}:\n        return {labels[1]!r}\n",
              f"    if score >= {c}:\n        return {labels[2]!r}\n"]
    code = (f"def {name}(score):\n"
            f"    \"\"\"Band for a {what}: {labels[0]!r} from {a} up, {labels[1]!r} from {b}, {labels[2]!r} from {c}, otherwise\n"
            f"    {labels[3]!r}. Each threshold belongs to the higher band.\n    \"\"\"\n" + "".join(blocks) + f"    return {labels[3]!r}\n")
    mutants = (("middle-boundary", f"a score of exactly {b} falls into the lower band", f"if score >= {b}:", f"if score > {b}:", True),
               ("lowest-boundary", f"a score of exactly {c} falls into the lowest band", f"if score >= {c}:", f"if score > {c}:", True),
               ("swapped-branches", "the two middle bands are checked in the wrong order", blocks[1] + blocks[2], blocks[2] + blocks[1], False))
    typical = [[a + 3], [(b + a) // 2], [(c + b) // 2], [c // 2]]
    boundary = [[a], [a - 1], [b], [b - 1], [c], [c - 1]]
    return code, mutants, typical, boundary


def _tw_vat(rng, name):
    rate = rng.choice((5, 10, 15, 25))
    half = next(n / 100 for n in range(rng.randint(100, 900), 100000)
                if (n * rate) % 100 == 50 and (n * rate // 100) % 2 == 0)
    what = rng.choice(("VAT", "sales tax", "the service charge", "the booking fee"))
    code = (f"def {name}(net):\n"
            f"    \"\"\"{what[0].upper() + what[1:]} at {rate}% on a net amount, rounded to cents with halves rounded up\n"
            f"    (0.125 becomes 0.13, 0.135 becomes 0.14). Negative amounts raise ValueError.\n    \"\"\"\n"
            f"    if net < 0:\n        raise ValueError(\"net must not be negative\")\n"
            f"    value = decimal.Decimal(str(net)) * {rate} / 100\n"
            f"    return float(value.quantize(decimal.Decimal(\"0.01\"), rounding=decimal.ROUND_HALF_UP))\n")
    mutants = (("half-even", "halves are rounded to even", "rounding=decimal.ROUND_HALF_UP", "rounding=decimal.ROUND_HALF_EVEN", True),
               ("truncated", "cents are truncated", "rounding=decimal.ROUND_HALF_UP", "rounding=decimal.ROUND_DOWN", False),
               ("negative-accepted", "negative amounts are accepted", "if net < 0:", "if net < -1000000:", True))
    typical = [[100], [rng.choice((40, 60, 80, 120, 200))]]
    boundary = [[half], [round(half + 0.01, 2)], [0], [-1]]
    return code, mutants, typical, boundary


def _tw_split(rng, name):
    unit = rng.choice(("cents", "minutes", "units"))
    code = (f"def {name}(total, people):\n"
            f"    \"\"\"Split `total` {unit} into `people` whole shares that differ by at most one and add up to `total`;\n"
            f"    the first shares get the extra ones. Raises ValueError when `people` is less than 1.\n    \"\"\"\n"
            f"    if people < 1:\n        raise ValueError(\"people must be at least 1\")\n"
            f"    base, extra = divmod(total, people)\n"
            f"    return [base + 1 if i < extra else base for i in range(people)]\n")
    mutants = (("extra-to-last", "the extra ones go to the last shares", "base + 1 if i < extra else base",
                "base + 1 if i >= people - extra else base", True),
               ("zero-people", "zero people is not rejected", "if people < 1:", "if people < 0:", True),
               ("extra-off-by-one", "one share too many gets an extra one", "if i < extra", "if i <= extra", False))
    p = rng.randint(3, 7)
    typical = [[p * rng.randint(10, 90), p], [rng.randint(10, 99), 1]]
    boundary = [[p * rng.randint(10, 90) + rng.randint(1, p - 1), p], [0, 1], [10, 0]]
    return code, mutants, typical, boundary


def _tw_flag(rng, name):
    yes, no = rng.choice(((("yes", "true", "on", "1"), ("no", "false", "off", "0")), (("y", "yes", "true"), ("n", "no", "false"))))
    code = (f"def {name}(text):\n"
            f"    \"\"\"True for {', '.join(repr(v) for v in yes)}; False for {', '.join(repr(v) for v in no)}. Case and\n"
            f"    surrounding spaces do not matter; anything else raises ValueError.\n    \"\"\"\n"
            f"    value = text.strip().lower()\n"
            f"    if value in {yes!r}:\n        return True\n"
            f"    if value in {no!r}:\n        return False\n"
            f"    raise ValueError(f\"not a yes/no value: {{text!r}}\")\n")
    mutants = (("case-sensitive", "upper case is rejected", "value = text.strip().lower()", "value = text.strip()", True),
               ("unknown-is-false", "unknown text counts as False", "raise ValueError(f\"not a yes/no value: {text!r}\")",
                "return False", True),
               ("spaces-kept", "surrounding spaces are not ignored", "value = text.strip().lower()", "value = text.lower()", True))
    typical = [[yes[0]], [no[0]]]
    boundary = [[yes[-1].upper()], [f"  {no[1]} "], [" " + yes[1].capitalize()], ["maybe"], [""]]
    return code, mutants, typical, boundary


def _tw_progress(rng, name):
    code = (f"def {name}(done, total):\n"
            f"    \"\"\"`done` out of `total` as a whole percentage, halves rounded up, never below 0 or above 100;\n"
            f"    0 when `total` is 0.\n    \"\"\"\n"
            f"    if total <= 0:\n        return 0\n"
            f"    pct = int(done * 100 / total + 0.5)\n"
            f"    return max(0, min(100, pct))\n")
    mutants = (("truncated", "the percentage is truncated instead of rounded", "int(done * 100 / total + 0.5)",
                "int(done * 100 / total)", True),
               ("no-upper-cap", "values above 100 are not capped", "max(0, min(100, pct))", "max(0, pct)", True),
               ("zero-total", "a total of 0 is not handled", "if total <= 0:", "if total < 0:", True))
    t = rng.choice((8, 40, 200))
    typical = [[t // 2, t], [t, t]]
    boundary = [[1, 8], [3, 8], [0, 0], [t + t // 2, t], [2, 3]]
    return code, mutants, typical, boundary


def _tw_mask(rng, name):
    keep, short = rng.choice(((4, 6), (4, 8), (3, 5), (2, 4)))
    what = rng.choice(("an account number", "a card number", "a phone number", "a member id"))
    code = (f"def {name}(number):\n"
            f"    \"\"\"Mask {what}: every character but the last {keep} becomes '*'. Values of {short} characters or\n"
            f"    fewer are masked completely.\n    \"\"\"\n"
            f"    if len(number) <= {short}:\n        return \"*\" * len(number)\n"
            f"    return \"*\" * (len(number) - {keep}) + number[-{keep}:]\n")
    mutants = (("short-boundary", f"a value of exactly {short} characters keeps its tail", f"if len(number) <= {short}:",
                f"if len(number) < {short}:", True),
               ("keeps-one-more", f"keeps {keep + 1} characters",
                f"return \"*\" * (len(number) - {keep}) + number[-{keep}:]",
                f"return \"*\" * (len(number) - {keep + 1}) + number[-{keep + 1}:]", False))
    digits = "".join(str(rng.randint(0, 9)) for _ in range(16))
    typical = [[digits[:12]], [digits]]
    boundary = [[digits[:short]], [digits[:short + 1]], [""]]
    return code, mutants, typical, boundary


def _tw_shipping(rng, name):
    free, base, per_kg, incl = rng.choice((30, 40, 50, 75)), rng.choice((3.5, 4.9, 5, 6.5)), rng.choice((0.5, 1, 1.25, 2)), rng.choice((2, 3, 5))
    code = (f"def {name}(order_total, weight_kg):\n"
            f"    \"\"\"Shipping cost: free for orders of {free} or more; otherwise {base} plus {per_kg} for every started\n"
            f"    kilogram above the first {incl} kg, rounded to cents.\n    \"\"\"\n"
            f"    if order_total >= {free}:\n        return 0\n"
            f"    extra = max(0, math.ceil(weight_kg - {incl}))\n"
            f"    return round({base} + extra * {per_kg}, 2)\n")
    mutants = (("free-boundary", f"an order of exactly {free} is charged", f"if order_total >= {free}:", f"if order_total > {free}:", True),
               ("whole-kilos", "only whole extra kilograms are charged", f"math.ceil(weight_kg - {incl})", f"int(weight_kg - {incl})", True),
               ("first-kilos-charged", f"the first {incl} kg are charged too", f"math.ceil(weight_kg - {incl})",
                "math.ceil(weight_kg)", False))
    typical = [[free + 20, 3], [free - 10, incl + 2]]
    boundary = [[free, 1], [free - 0.01, incl + 0.5], [5, incl], [5, 0.5]]
    return code, mutants, typical, boundary


def _tw_username(rng, name):
    lo, hi = rng.choice(((3, 16), (4, 20), (3, 12), (5, 24)))
    code = (f"def {name}(name):\n"
            f"    \"\"\"A valid username is {lo} to {hi} characters long (both included), starts with a lower-case letter\n"
            f"    and contains only lower-case letters, digits and underscores.\n    \"\"\"\n"
            f"    if not {lo} <= len(name) <= {hi}:\n        return False\n"
            f"    if not (name[:1].isalpha() and name[:1].islower()):\n        return False\n"
            f"    return all(c.islower() or c.isdigit() or c == \"_\" for c in name)\n")
    mutants = (("max-length", f"{hi} characters are rejected", f"if not {lo} <= len(name) <= {hi}:", f"if not {lo} <= len(name) < {hi}:", True),
               ("min-length", f"{lo} characters are rejected", f"if not {lo} <= len(name) <= {hi}:", f"if not {lo} < len(name) <= {hi}:", True),
               ("digit-start", "names may start with a digit", "if not (name[:1].isalpha() and name[:1].islower()):",
                "if not (name[:1].isalnum() and not name[:1].isupper()):", True),
               ("no-underscore", "underscores are rejected", " or c == \"_\"", "", False))
    word = rng.choice(("maria", "devops", "kai", "nadia", "teamlead", "owner"))
    typical = [[f"{word}_{rng.randint(1, 99)}"[:hi]], ["Bad Name!"]]
    boundary = [["a" * lo], ["a" * (lo - 1)], ["b" * hi], ["b" * (hi + 1)], ["9" + "a" * lo], ["ab_cd"[:max(lo, 5)] + "x" * max(0, lo - 5)]]
    return code, mutants, typical, boundary


TW_FUNCS = ((_tw_late_fee, ("late_fee", "overdue_charge", "penalty_for")),
            (_tw_grade, ("band_for", "grade", "tier_for")),
            (_tw_vat, ("vat_amount", "tax_on", "fee_on")),
            (_tw_split, ("split_evenly", "split_shares", "share_out")),
            (_tw_flag, ("parse_flag", "to_bool", "yes_no")),
            (_tw_progress, ("progress_pct", "percent_done", "completion")),
            (_tw_mask, ("mask_number", "masked", "redact_id")),
            (_tw_shipping, ("shipping_cost", "delivery_fee", "postage_for")),
            (_tw_username, ("valid_username", "is_valid_handle", "username_ok")))

MUTATION_CHECK = '''"""Mutation testing: the agent's tests must pass on the module as shipped ("real") and fail on each hidden
altered copy of it (a mutant id). All runs happen in this process on the first call (the module is swapped in
place and always put back); the results are cached in /tmp under a hash of the code, for the other checks."""
import hashlib, json, os, sys   # unittest and friends only when the tests run: a cache hit stays cheap
spec = json.load(open(os.path.join(os.environ["CLAWBENCH_CHECKS"], "mutation.json")))
which, module, test = sys.argv[1], spec["module"], spec["test"]


def fingerprint():
    h = hashlib.sha256(json.dumps(spec, sort_keys=True).encode())
    for root, dirs, files in os.walk("."):
        dirs[:] = sorted(d for d in dirs if d not in (".git", "__pycache__"))
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(root, name)
                h.update(path.encode() + b"\\0" + open(path, "rb").read())
    return h.hexdigest()[:24]


def alarm(*_):
    raise TimeoutError("the tests took longer than 60 s")


def run_tests():
    """(all passed, tests run) for the test file, imported afresh."""
    if not os.path.isfile(test):
        return False, 0
    import importlib, io, signal, tempfile, unittest
    sys.dont_write_bytecode = True
    sys.pycache_prefix = tempfile.mkdtemp()   # never a stale .pyc: each run compiles the source it sees
    modules, path = set(sys.modules), list(sys.path)
    importlib.invalidate_caches()
    signal.signal(signal.SIGALRM, alarm)
    signal.alarm(60)
    try:
        suite = unittest.TestLoader().discover(os.path.dirname(test) or ".", pattern=os.path.basename(test))
        result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
        return result.wasSuccessful(), result.testsRun
    except BaseException:
        return False, 0
    finally:
        signal.alarm(0)
        for name in set(sys.modules) - modules:
            del sys.modules[name]
        sys.path[:] = path


cache = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"clawbench-mutation-{fingerprint()}.json")
try:
    results = json.load(open(cache))
except (OSError, ValueError):
    results = {"real": run_tests()}
    original = open(module, encoding="utf-8").read()
    try:
        for mid, source in spec["mutants"].items():
            with open(module, "w", encoding="utf-8") as f:
                f.write(source)
            results[mid] = run_tests()
    finally:
        with open(module, "w", encoding="utf-8") as f:
            f.write(original)
    with open(cache, "w") as f:
        json.dump(results, f)
ok, ran = results["real"]
real = ok and ran > 0
if which == "real":
    out = {"passed": real, "observed": {"tests_run": ran, "all_passed": ok}, "expected": "at least one test, all passing",
           "message": "" if real else "no tests ran" if not ran else "tests fail on the module as shipped"}
else:
    m_ok, m_ran = results[which]
    out = {"passed": real and not m_ok, "observed": {"tests_run": m_ran, "all_passed_on_altered_copy": m_ok},
           "expected": "tests pass on the real module and at least one fails on the altered copy",
           "message": "the tests do not pass on the module as shipped" if not real else
                      f"the tests still pass when {spec['descriptions'][which]}" if m_ok else ""}
print(json.dumps(out))
sys.exit(0 if out["passed"] else 1)
'''


def _tw_call(ns: dict, name: str, args: list):
    try:
        return ns[name](*args)
    except Exception as e:   # an expected error is part of the contract
        return ("raises", type(e).__name__)


def _tw_exec(source: str) -> dict:
    ns: dict = {}
    exec(compile(source, "<module>", "exec"), ns)   # our own module text, as the workspace holds it
    return ns


def _tw_tests(import_line: str, funcs: list[str], cases: dict[str, list], override: tuple | None = None) -> str:
    """A unittest file: one TestCase per function, value cases as assertEqual, error cases as assertRaises."""
    out = ["import sys", "import unittest", "", "sys.path.insert(0, \"src\")", "", import_line, "", ""]
    for f in funcs:
        camel = "".join(w.title() for w in f.split("_"))
        out.append(f"class Test{camel}(unittest.TestCase):")
        values = [(a, w) for a, w in cases[f] if not (isinstance(w, tuple) and w and w[0] == "raises")]
        errors = [(a, w) for a, w in cases[f] if (a, w) not in values]
        def call(args: list, f: str = f) -> str:
            return f"{f}({', '.join(map(repr, args))})"
        if values:
            out.append(f"    def test_{f}(self):")
            for a, w in values:
                if override and override[0] == f and override[1] == a:
                    w = override[2]
                out.append(f"        self.assertEqual({call(a)}, {w!r})")
        if errors:
            out += ([""] if values else []) + [f"    def test_{f}_rejects_bad_input(self):"]
            for a, w in errors:
                out += [f"        with self.assertRaises({w[1]}):", f"            {call(a)}"]
        out += ["", ""]
    out += ["if __name__ == \"__main__\":", "    unittest.main()", ""]
    return "\n".join(out)


class TestWriting(Family):
    name = "test-writing"
    domain = "software"
    intents = ("code-upkeep",)
    skills = ("python-unittest",)
    optional_skills = ("changelog-entry",)
    summary = ("Write unittest tests for an untested module; they must pass on it and fail on hidden mutants "
               "(boundaries, rounding, error cases), without touching the module.")

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        org = next((w for w in vocab.slug(ctx.persona.organisation).split("-") if w not in ("the", "and", "of", "for")), "core")
        org = org.replace("-", "_") if org[:1].isalpha() else "core"   # a whole word: no "computat_lib"
        pkg = rng.choice(("rules", "toolkit", "core", org, f"{org}_lib"))
        module = rng.choice(("pricing", "policy", "validation", "calc", "checks", "billing", "limits"))
        path, test = f"src/{pkg}/{module}.py", f"tests/test_{module}.py"
        templates = rng.sample(TW_FUNCS, rng.randint(3, 4))
        funcs = []
        for make, names in templates:
            fname = rng.choice(names)
            code, mutants, typical, boundary = make(rng, fname)
            funcs.append({"name": fname, "code": code, "mutants": mutants, "typical": typical, "boundary": boundary,
                          "imports": [m for m in ("math", "decimal") if f"{m}." in code]})
        pool = [(f["name"], m) for f in funcs for m in f["mutants"]]
        edge = [x for x in pool if x[1][4]]
        hidden = rng.sample(edge, min(len(edge), rng.randint(2, 3)))
        hidden += rng.sample([x for x in pool if x not in hidden], rng.randint(4, 5) - len(hidden))
        hidden = [x for x in pool if x in hidden]   # module order
        other = rng.choice(BUGS)
        other_name, other_module = rng.choice(other["func"]), rng.choice(("helpers", "utils", "common", "misc", "shared"))
        changelog = ctx.uses("changelog-entry")
        names = [f["name"] for f in funcs]
        text = (f"`{path}` has no tests yet. Write `{test}` with the standard `unittest` module (pytest is not installed) "
                f"covering every function in it ({', '.join(f'`{n}`' for n in names)}): test what each docstring "
                f"promises, including the edge cases it spells out (thresholds, rounding, errors).\n\n"
                f"- Import the module the way `tests/test_{other_module}.py` does.\n"
                f"- The tests must pass on the module as it is: `python3 -m unittest discover -s tests -p test_{module}.py` "
                f"from the project root.\n"
                f"- They will also be run against altered copies of `{path}`, each with one behaviour changed, and must "
                f"fail on every one of them.\n"
                f"- Do not change `{path}` or anything else under `src/`.\n")
        if changelog:
            text += f"\nAlso add the line `- Added tests for {module}.` under `## Unreleased` in `CHANGELOG.md`.\n"
        return TaskPlan(title=f"Write tests for {pkg}.{module}", domain=self.domain,
                        difficulty=difficulty_for(len(funcs) - 1 + changelog),
                        capabilities=("fine-grained", "cross-file", "tool-selection"), instruction=text,
                        intent="code-upkeep", expected_artifacts=(test,) + (("CHANGELOG.md",) if changelog else ()),
                        params={"pkg": pkg, "module": module, "path": path, "test": test, "funcs": funcs,
                                "hidden": hidden, "other": other, "other_name": other_name, "other_module": other_module,
                                "changelog": changelog})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        imports = sorted({m for f in p["funcs"] for m in f["imports"]})
        area = rng.choice(("billing", "bookings", "member accounts", "orders", "loans", "sign-ups"))
        module = (f'"""Business rules for {ctx.persona.organisation}\'s {area}."""\n'
                  + ("".join(f"import {m}\n" for m in imports) if imports else "") + "\n\n"
                  + "\n\n".join(f["code"] for f in p["funcs"]))
        o = p["other"]
        (args, want), _ = draw_cases(rng, o)
        other_src = f"def {p['other_name']}({o['sig']}):\n    \"\"\"{o['doc']}\"\"\"\n" + o["body"].replace(o["old"], o["new"])
        other_test = (f"import sys\nimport unittest\n\nsys.path.insert(0, \"src\")\n\n"
                      f"from {p['pkg']}.{p['other_module']} import {p['other_name']}\n\n\n"
                      f"class Test{''.join(w.title() for w in p['other_name'].split('_'))}(unittest.TestCase):\n"
                      f"    def test_example(self):\n"
                      f"        self.assertEqual({p['other_name']}({', '.join(map(repr, args))}), {want!r})\n\n\n"
                      f"if __name__ == \"__main__\":\n    unittest.main()\n")
        files = {p["path"]: module, f"src/{p['pkg']}/__init__.py": "",
                 f"src/{p['pkg']}/{p['other_module']}.py": f'"""Small helpers."""\n\n\n{other_src}',
                 f"tests/test_{p['other_module']}.py": other_test,
                 "README.md": (f"# {p['pkg']}\n\n{rng.choice(SENTENCES_README).format(org=ctx.persona.organisation, n=p['pkg'])}\n\n"
                               f"Run the tests from the project root with `python3 -m unittest discover -s tests`.\n")}
        if rng.random() < 0.5:
            files["Makefile"] = ".PHONY: test\n\ntest:\n\tpython3 -m unittest discover -s tests\n"
        if p["changelog"]:
            files["CHANGELOG.md"] = (f"# Changelog\n\n## Unreleased\n\n## {rng.randint(0, 3)}.{rng.randint(1, 9)}.0\n\n"
                                     f"- Added {p['funcs'][0]['name']}.\n")
        return Workspace(files=files, traps=("boundary-values", "rounding-or-error-cases", "module-must-stay-unchanged",
                                             "import-path-convention"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        source = ws.files[p["path"]]
        real = _tw_exec(source)
        names = [f["name"] for f in p["funcs"]]
        cases = {f["name"]: [(a, _tw_call(real, f["name"], a)) for a in f["typical"] + f["boundary"]] for f in p["funcs"]}
        typical = {f["name"]: [(a, _tw_call(real, f["name"], a)) for a in f["typical"]] for f in p["funcs"]}
        mutants, descriptions, killers, func_of = {}, {}, {}, {}
        for fname, (mid, desc, old, new, _) in p["hidden"]:
            if source.count(old) != 1:
                raise ValueError(f"mutant {fname}/{mid}: {old!r} is not unique in the module")
            key = f"{fname.replace('_', '-')}-{mid}"
            mutants[key] = source.replace(old, new)
            descriptions[key], func_of[key] = f"{fname}: {desc}", fname
            ns = _tw_exec(mutants[key])
            killers[key] = [(a, w, _tw_call(ns, fname, a)) for a, w in cases[fname] if _tw_call(ns, fname, a) != w]
            if not killers[key]:
                raise ValueError(f"mutant {key} is equivalent on every case")
        import_line = f"from {p['pkg']}.{p['module']} import {', '.join(names)}"
        test_text = _tw_tests(import_line, names, cases)
        b = VerificationBuilder()
        b.write(p["test"], test_text)
        b.exec(f"python3 -m unittest discover -s tests -p test_{p['module']}.py")
        b.check_files["mutation.json"] = json.dumps({"module": p["path"], "test": p["test"], "mutants": mutants,
                                                     "descriptions": descriptions}, indent=1) + "\n"
        b.check("tests-exist", "file_exists", f"{p['test']} was written.", path=p["test"], min_size=40)
        b.python_check("tests-pass", "The tests run under unittest and pass on the module as shipped.", "check_mutation.py",
                       MUTATION_CHECK, args=["real"], weight=2)
        for key in mutants:
            b.python_check(f"catches-{key}", f"The tests fail on a copy where {descriptions[key]}.", "check_mutation.py",
                           MUTATION_CHECK, args=[key])
        b.check("module-unchanged", "regex", f"{p['path']} is unchanged.", path=p["path"],
                pattern=r"\A" + _re(source) + r"\Z", multiline=False)
        if p["changelog"]:
            b.edit("CHANGELOG.md", "## Unreleased\n\n", f"## Unreleased\n\n- Added tests for {p['module']}.\n\n")
            b.check("changelog", "regex", "The new tests are noted under Unreleased.", path="CHANGELOG.md",
                    pattern=rf"## Unreleased\s*\n\s*- Added tests for {_re(p['module'])}\.\s*\n[\s\S]*## \d", multiline=False)
        b.rubric_item("tests-readable", "The tests are organised per function, named after the behaviour they check, "
                      "and test behaviour through the functions (not the module's source text).", [p["test"]])
        # near misses
        survivors = [k for k in mutants if not any(_tw_call(_tw_exec(mutants[k]), func_of[k], a) != w
                                                   for a, w in typical[func_of[k]])]
        if survivors:
            b.mutant("happy-path-only", f"only typical inputs are tested; misses {descriptions[survivors[0]]}").write(
                p["test"], _tw_tests(import_line, names, typical))
        key = next((k for k in mutants if any(not isinstance(w, tuple) and not isinstance(m, tuple) for _, w, m in killers[k])), None)
        if key:
            fname = func_of[key]
            a, w, m = next((a, w, m) for a, w, m in killers[key] if not isinstance(w, tuple) and not isinstance(m, tuple))
            b.mutant("fails-on-real", f"a test expects {fname}({', '.join(map(repr, a))}) to give {m!r} (misread docstring)").write(
                p["test"], _tw_tests(import_line, names, cases, override=(fname, a, m)))
        first_def = next(l for l in source.splitlines() if l.startswith("def "))
        b.mutant("module-edited", "the module was 'improved' as well").edit(
            p["path"], first_def, first_def.replace("):", ") -> object:", 1))
        flat = [import_line, ""]
        for f in names:
            for i, (a, w) in enumerate(c for c in cases[f] if not isinstance(c[1], tuple)):
                flat += [f"def test_{f}_{i}():", f"    assert {f}({', '.join(map(repr, a))}) == {w!r}", ""]
        b.mutant("pytest-style", "bare pytest-style test functions, which unittest does not collect").write(
            p["test"], "import sys\n\nsys.path.insert(0, \"src\")\n\n" + "\n".join(flat))
        return b.build()


FAMILIES = [PythonBugfix(), DependencyPin(), GitRelease(), EnvExampleSync(), GitHistoryAudit(), TestWriting()]
