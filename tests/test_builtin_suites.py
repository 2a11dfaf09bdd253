"""The built-in suites prove themselves (issue 4): every task loads, the oracle scores 100 and
solves it, the do-nothing agent does not, and every mutant (a near-miss answer) fails. Runs in
bwrap; tests/test_examples.py covers docker for the example suite."""
from __future__ import annotations

from collections import Counter

import pytest

from core.suite import load_suite, validate_suite
from core.task import CAPABILITIES, DIFFICULTIES, DOMAINS


@pytest.mark.timeout(1500)   # ~1,000 sandboxed runs for clawbench-200: about 3 minutes on 2 idle cores
@pytest.mark.parametrize("suite_name", ["examples", "clawbench-200"])
def test_every_builtin_task_is_valid(suite_name, bwrap_backend):
    suite, tasks, errors = load_suite(suite_name)
    assert not errors, [str(e) for e in errors]
    results = validate_suite(tasks, sandbox=bwrap_backend, jobs=2)
    invalid = {v.task_id: v.reasons for v in results if not v.valid}
    assert not invalid, invalid
    assert all(v.mutants_failing == len(v.mutants) >= 1 for v in results)


def test_clawbench_200_is_balanced():
    _, tasks, _ = load_suite("clawbench-200")
    assert len(tasks) == 200
    domains = Counter(t.domain for t in tasks)
    assert set(domains) == set(DOMAINS) and min(domains.values()) >= 25
    difficulty = Counter(t.difficulty for t in tasks)   # about a third each
    assert set(difficulty) == set(DIFFICULTIES) and min(difficulty.values()) >= 60
    for domain in DOMAINS:
        used = {c for t in tasks if t.domain == domain for c in t.capabilities}
        assert used == set(CAPABILITIES), (domain, set(CAPABILITIES) - used)
    assert len({t.id for t in tasks}) == len(tasks)
    assert all(t.rubric and t.mutants and t.persona for t in tasks)
