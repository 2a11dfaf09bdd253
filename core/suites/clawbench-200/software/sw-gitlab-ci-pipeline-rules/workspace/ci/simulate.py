#!/usr/bin/env python3
"""Which jobs of .gitlab-ci.yml would run for a pipeline with the given predefined variables?

    python3 ci/simulate.py CI_PIPELINE_SOURCE=push CI_COMMIT_BRANCH=main CI_DEFAULT_BRANCH=main

Implements the part of GitLab's rules that this project uses: `workflow:rules` and job
`rules` with `if:` expressions (`$VAR`, `==`, `!=`, `=~`, `!~`, `&&`, `||`, parentheses,
string literals in double quotes, /regex/ literals), `when:` (on_success, manual, always,
never) and `allow_failure:`. The first matching rule decides; no matching rule means the
job (or, for workflow, the whole pipeline) does not run. Hidden jobs (`.name`) and the
reserved top-level keys are not jobs. YAML anchors and `<<` merges are resolved by the
YAML loader; `extends:` is not supported (we do not use it).
"""
import json
import re
import sys

import yaml

RESERVED = {"stages", "variables", "default", "workflow", "include", "image", "services", "cache",
            "before_script", "after_script"}
TOKEN = re.compile(r'\s*(?:(\|\||&&|==|!=|=~|!~|\(|\))|(\$\w+)|"((?:[^"\\]|\\.)*)"|(/(?:[^/\\]|\\.)*/)|(null))')


def tokenize(expr):
    pos, out = 0, []
    expr = expr.strip()
    while pos < len(expr):
        m = TOKEN.match(expr, pos)
        if not m or m.end() == pos:
            raise ValueError(f"cannot parse rule expression {expr!r} at {expr[pos:]!r}")
        op, var, string, regex, null = m.groups()
        if op:
            out.append(("op", op))
        elif var:
            out.append(("var", var[1:]))
        elif string is not None:
            out.append(("str", string))
        elif regex:
            out.append(("re", regex[1:-1]))
        else:
            out.append(("null", None))
        pos = m.end()
    return out


class Parser:
    def __init__(self, tokens, env):
        self.t, self.i, self.env = tokens, 0, env

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def parse(self):
        value = self.or_()
        if self.i != len(self.t):
            raise ValueError(f"trailing tokens in rule expression: {self.t[self.i:]}")
        return value

    def or_(self):
        value = self.and_()
        while self.peek() == ("op", "||"):
            self.take()
            right = self.and_()
            value = value or right
        return value

    def and_(self):
        value = self.cmp()
        while self.peek() == ("op", "&&"):
            self.take()
            right = self.cmp()
            value = value and right
        return value

    def operand(self):
        kind, val = self.take()
        if kind == "op" and val == "(":
            inner = self.or_()
            if self.take() != ("op", ")"):
                raise ValueError("missing )")
            return ("value", inner)
        if kind == "var":
            return ("value", self.env.get(val) or None)
        if kind == "str":
            return ("value", val)
        if kind == "null":
            return ("value", None)
        if kind == "re":
            return ("re", val)
        raise ValueError(f"unexpected token {val!r}")

    def cmp(self):
        kind, left = self.operand()
        op = self.peek()
        if op in (("op", "=="), ("op", "!=")):
            self.take()
            _, right = self.operand()
            return (left == right) == (op[1] == "==")
        if op in (("op", "=~"), ("op", "!~")):
            self.take()
            rkind, pattern = self.operand()
            if rkind != "re":
                raise ValueError("=~ needs a /regex/ on the right")
            matched = left is not None and re.search(pattern, str(left)) is not None
            return matched == (op[1] == "=~")
        return bool(left)


def evaluate(expr, env):
    return Parser(tokenize(expr), env).parse()


def decide(rules, env):
    """(runs, rule) for a rules list: the first matching rule decides."""
    for rule in rules:
        if "if" not in rule or evaluate(rule["if"], env):
            when = rule.get("when", "on_success")
            return (when != "never"), rule
    return False, None


def simulate(config, env):
    workflow = (config.get("workflow") or {}).get("rules")
    if workflow is not None:
        runs, _ = decide(workflow, env)
        if not runs:
            return None
    jobs = {}
    for name, job in config.items():
        if name in RESERVED or name.startswith(".") or not isinstance(job, dict) or "script" not in job:
            continue
        if "rules" not in job:
            jobs[name] = {"when": job.get("when", "on_success"), "allow_failure": job.get("allow_failure", False)}
            continue
        runs, rule = decide(job["rules"], env)
        if runs:
            when = rule.get("when", job.get("when", "on_success"))
            jobs[name] = {"when": when, "allow_failure": rule.get("allow_failure", job.get("allow_failure", False))}
    return jobs


def main(argv):
    env = dict(a.split("=", 1) for a in argv if "=" in a)
    config = yaml.safe_load(open(".gitlab-ci.yml", encoding="utf-8"))
    result = simulate(config, env)
    if result is None:
        print("no pipeline (workflow:rules)")
    elif not result:
        print("pipeline has no jobs")
    else:
        for name, info in result.items():
            print(f"{name:20s} when={info['when']} allow_failure={str(info['allow_failure']).lower()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
