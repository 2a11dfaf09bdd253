"""Software development families: bug fixes against hidden tests, dependency pins, releases in git."""
from __future__ import annotations

import json
import re

from .. import vocab
from ..build import VerificationBuilder
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


FAMILIES = [PythonBugfix(), DependencyPin(), GitRelease(), EnvExampleSync()]
