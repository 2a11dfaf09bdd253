"""Every check type, passing and failing, evaluated against a real (bwrap) sandbox workspace."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from core.checks import CheckContext, run_check
from core.task import load_task
from core.verifier import score_of
from core.judge import RubricResult, parse_verdict
from sandbox import create_sandbox

FILES = {
    "report.json": json.dumps({"total": 1234.5, "owner": "ana", "items": [{"name": "a", "qty": 3}], "tags": ["x", "y"]}),
    "config.yaml": "server:\n  port: 8080\n  hosts: [a, b]\nretries: 3\n",
    "sales.csv": "region,month,amount\nnorth,jan,100.5\nsouth,jan,200\nnorth,feb,50\n",
    "summary.md": "# Summary\nTotal revenue: 350.50 EUR\nErrors: 0\n",
    "broken.json": "{not json",
}
CHECK_SCRIPT = """
import json, os, sys
data = json.load(open("report.json"))
want = float(sys.argv[1])
print("some log line")
print(json.dumps({"passed": data["total"] == want, "observed": data["total"], "expected": want, "message": "total"}))
"""
EXIT_SCRIPT = "import os, sys\nsys.exit(0 if os.path.exists('summary.md') and os.environ.get('CLAWBENCH_CHECKS') else 3)\n"
HANG_SCRIPT = "import time\ntime.sleep(30)\n"

CASES = [
    # (check fields, expected pass)
    ({"type": "file_exists", "path": "report.json"}, True),
    ({"type": "file_exists", "path": "nope.txt"}, False),
    ({"type": "file_exists", "path": "summary.md", "min_size": 10}, True),
    ({"type": "file_exists", "path": "summary.md", "min_size": 10_000}, False),
    ({"type": "file_absent", "path": "nope.txt"}, True),
    ({"type": "file_absent", "path": "sales.csv"}, False),
    ({"type": "json_schema", "path": "report.json",
      "schema": {"type": "object", "required": ["total", "owner"], "properties": {"total": {"type": "number"}}}}, True),
    ({"type": "json_schema", "path": "report.json",
      "schema": {"type": "object", "properties": {"owner": {"type": "integer"}}}}, False),
    ({"type": "json_schema", "path": "config.yaml",
      "schema": {"type": "object", "required": ["server", "retries"]}}, True),
    ({"type": "json_schema", "path": "broken.json", "schema": {"type": "object"}}, False),
    ({"type": "json_value", "path": "report.json", "pointer": "/total", "approx": 1234.0, "tolerance": 0.5}, True),
    ({"type": "json_value", "path": "report.json", "pointer": "/total", "approx": 1234.0, "tolerance": 0.1}, False),
    ({"type": "json_value", "path": "report.json", "pointer": "items[0].qty", "equals": 3}, True),
    ({"type": "json_value", "path": "report.json", "pointer": "items[0].qty", "equals": 4}, False),
    ({"type": "json_value", "path": "report.json", "pointer": "owner", "one_of": ["ana", "bob"]}, True),
    ({"type": "json_value", "path": "report.json", "pointer": "tags", "contains": "y"}, True),
    ({"type": "json_value", "path": "report.json", "pointer": "tags", "contains": "z"}, False),
    ({"type": "json_value", "path": "config.yaml", "pointer": "server.port", "equals": 8080}, True),
    ({"type": "json_value", "path": "config.yaml", "pointer": "server.missing", "equals": 1}, False),
    ({"type": "csv_columns", "path": "sales.csv", "columns": ["amount", "region"]}, True),
    ({"type": "csv_columns", "path": "sales.csv", "columns": ["amount", "region"], "exact": True}, False),
    ({"type": "csv_columns", "path": "sales.csv", "columns": ["region", "month", "amount"], "exact": True, "min_rows": 3}, True),
    ({"type": "csv_columns", "path": "sales.csv", "columns": ["profit"]}, False),
    ({"type": "csv_value", "path": "sales.csv", "column": "amount", "where": {"region": "south", "month": "jan"}, "equals": 200}, True),
    ({"type": "csv_value", "path": "sales.csv", "column": "amount", "where": {"region": "north"}, "equals": 100.5}, False),  # 2 rows
    ({"type": "csv_value", "path": "sales.csv", "column": "amount", "aggregate": "sum", "approx": 350.5}, True),
    ({"type": "csv_value", "path": "sales.csv", "column": "amount", "aggregate": "sum", "where": {"region": "north"}, "approx": 150.5}, True),
    ({"type": "csv_value", "path": "sales.csv", "column": "amount", "aggregate": "count", "equals": 3}, True),
    ({"type": "csv_value", "path": "sales.csv", "column": "amount", "aggregate": "max", "equals": 100}, False),
    ({"type": "regex", "path": "summary.md", "pattern": r"^Total revenue: 350\.50 EUR$"}, True),
    ({"type": "regex", "path": "summary.md", "pattern": r"errors: 0", "ignore_case": True}, True),
    ({"type": "regex", "path": "summary.md", "pattern": r"TODO", "must_match": False}, True),
    ({"type": "regex", "path": "summary.md", "pattern": r"Errors", "must_match": False}, False),
    ({"type": "regex", "path": "summary.md", "pattern": r"\d+", "count": 3}, True),
    ({"type": "regex", "path": "nope.md", "pattern": "x"}, False),
    ({"type": "same_value", "a": {"path": "summary.md", "regex": r"Total revenue: ([\d.]+)"},
      "b": {"path": "sales.csv", "column": "amount", "aggregate": "sum"}, "tolerance": 0.01}, True),
    ({"type": "same_value", "a": {"path": "report.json", "pointer": "/total"},
      "b": {"path": "sales.csv", "column": "amount", "aggregate": "sum"}}, False),
    ({"type": "same_value", "a": {"path": "config.yaml", "pointer": "retries"},
      "b": {"path": "report.json", "pointer": "items[0].qty"}}, True),
    ({"type": "python", "script": "total.py", "args": ["1234.5"]}, True),
    ({"type": "python", "script": "total.py", "args": ["99"]}, False),
    ({"type": "python", "script": "exit.py"}, True),
]


@pytest.fixture(scope="module")
def task_dir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("checks-task")
    (d / "workspace").mkdir()
    for rel, text in FILES.items():
        (d / "workspace" / rel).write_text(text)
    (d / "checks").mkdir()
    (d / "checks" / "total.py").write_text(CHECK_SCRIPT)
    (d / "checks" / "exit.py").write_text(EXIT_SCRIPT)
    (d / "checks" / "hang.py").write_text(HANG_SCRIPT)
    checks = [dict(fields, id=f"c{i}", description=f"case {i}") for i, (fields, _) in enumerate(CASES)]
    checks.append({"id": "hang", "type": "python", "script": "hang.py", "timeout": 1, "description": "hangs"})
    (d / "task.yaml").write_text(yaml.safe_dump({
        "id": "checks", "title": "checks", "domain": "analysis", "difficulty": "easy",
        "instruction": "n/a", "checks": checks}))
    return d


@pytest.fixture(scope="module")
def context(task_dir):
    from conftest import require_backend

    require_backend("bwrap")
    task = load_task(task_dir)
    box = create_sandbox(task.workspace_dir, backend="bwrap")
    yield task, CheckContext(task, box)
    box.destroy()


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[0]['type']}-{i}-{'pass' if c[1] else 'fail'}" for i, c in enumerate(CASES)])
def test_check(context, index):
    task, ctx = context
    result = run_check(task.checks[index], ctx)
    assert result.passed is CASES[index][1], result
    assert result.description == f"case {index}"


def test_failures_explain_themselves(context):
    task, ctx = context
    by_id = {c.id: c for c in task.checks}
    r = run_check(by_id["c11"], ctx)  # approx with a tight tolerance
    assert r.observed == 1234.5 and "1234.0" in str(r.expected)
    r = run_check(by_id["c34"], ctx)  # regex on a missing file
    assert "does not exist" in r.message
    r = run_check(by_id["c39"], ctx)  # python script verdict line
    assert r.observed == 1234.5 and r.expected == 99.0 and r.message == "total"


def test_python_check_timeout(context):
    task, ctx = context
    r = run_check(next(c for c in task.checks if c.id == "hang"), ctx)
    assert not r.passed and r.observed == "timed out"


def test_checks_are_staged_outside_the_workspace(context):
    task, ctx = context
    staged = ctx.checks_path()
    assert not staged.startswith("/workspace")
    assert not any(p.startswith("checks/") for p in ctx.sandbox.snapshot())


def test_score_weights_and_unjudged_rubric():
    from core.checks import CheckResult

    checks = [CheckResult("a", "regex", True, 3, ""), CheckResult("b", "regex", False, 1, "")]
    unjudged = [RubricResult("r", 2, "clear", judged=False)]
    assert score_of(checks, unjudged, 0.7) == (75.0, False)
    all_pass = [CheckResult("a", "regex", True, 1, "")]
    assert score_of(all_pass, unjudged, 0.7) == (100.0, True)  # unjudged: excluded, never passed
    judged_low = [RubricResult("r", 1, "clear", judged=True, score=0.5)]
    assert score_of(all_pass, judged_low, 0.7) == (75.0, False)
    judged_high = [RubricResult("r", 1, "clear", judged=True, score=1.0)]
    assert score_of(all_pass, judged_high, 0.7) == (100.0, True)


def test_judge_verdict_parsing():
    assert parse_verdict('{"score": 0.75, "reason": "ok"}') == (0.75, "ok")
    assert parse_verdict('Sure!\n```json\n{"score": 1, "reason": "fine"}\n```') == (1.0, "fine")
    for bad in ("no json here", '{"score": 2}', '{"score": "high"}', '{"score": true}'):
        with pytest.raises(ValueError):
            parse_verdict(bad)


def test_yaml_dates_compare_with_text_dates():
    import datetime

    from core.extract import values_equal

    assert values_equal(datetime.date(2024, 6, 7), "2024-06-07")
    assert values_equal("2024-06-07", datetime.date(2024, 6, 7), 0.0)
    assert not values_equal(datetime.date(2024, 6, 7), "2024-06-08")
