"""Loading tasks: good tasks load, bad ones fail naming the file, the field and the expectation."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from core.task import DOMAINS, TaskError, load_task, load_tasks, resolve_task

BASE = {
    "id": "t-one",
    "title": "A task",
    "domain": "analysis",
    "difficulty": "easy",
    "capabilities": ["file-state"],
    "instruction": "Write out.txt containing 'hello'.",
    "checks": [{"id": "exists", "type": "file_exists", "path": "out.txt", "description": "out.txt exists"}],
}


def make_task(tmp_path: Path, data: dict, files: dict[str, str] | None = None, checks: dict[str, str] | None = None) -> Path:
    d = tmp_path / "task"
    (d / "workspace").mkdir(parents=True, exist_ok=True)
    for rel, text in (files or {"readme.md": "hi"}).items():
        (d / "workspace" / rel).write_text(text)
    for rel, text in (checks or {}).items():
        (d / "checks").mkdir(exist_ok=True)
        (d / "checks" / rel).write_text(text)
    (d / "task.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return d


def test_loads_a_minimal_task(tmp_path):
    task = load_task(make_task(tmp_path, BASE))
    assert task.id == "t-one" and task.domain == "analysis"
    assert task.limits.turns == 30 and task.rubric_threshold == 0.7
    assert task.checks[0].spec == {"path": "out.txt"}
    assert task.workspace_files() == ["readme.md"]
    assert len(task.fingerprint()) == 16


def test_default_solution_writes_every_solution_file(tmp_path):
    d = make_task(tmp_path, BASE)
    (d / "solution" / "sub").mkdir(parents=True)
    (d / "solution" / "out.txt").write_text("hello")
    (d / "solution" / "sub" / "x.md").write_text("x")
    steps = load_task(d).solution
    assert [(s.tool, s.args["path"]) for s in steps] == [("write_file", "out.txt"), ("write_file", "sub/x.md")]


@pytest.mark.parametrize("change, field, expected", [
    ({"colour": "red"}, "colour", "unknown field"),
    ({"domain": "gardening"}, "domain", "one of productivity"),
    ({"difficulty": "trivial"}, "difficulty", "one of easy, medium, hard"),
    ({"title": 5}, "title", "a non-empty string"),
    ({"capabilities": ["telepathy"]}, "capabilities", "values from file-state"),
    ({"limits": {"turns": 0}}, "limits.turns", "a positive integer"),
    ({"limits": {"minutes": 3}}, "limits.minutes", "unknown field"),
    ({"checks": []}, "checks", "at least one check"),
    ({"checks": [{"id": "a", "type": "telepathy", "path": "x"}]}, "checks[0].type", "one of file_exists"),
    ({"checks": [{"id": "a", "type": "file_exists"}]}, "checks[0].path", "required field is missing"),
    ({"checks": [{"id": "a", "type": "file_exists", "path": "../etc/passwd"}]}, "checks[0].path", "without '..'"),
    ({"checks": [{"id": "a", "type": "file_exists", "path": "x", "weight": -1}]}, "checks[0].weight", "positive number"),
    ({"checks": [{"id": "a", "type": "json_value", "path": "x.json", "pointer": "/a"}]}, "checks[0].equals", "one of equals"),
    ({"checks": [{"id": "a", "type": "json_value", "path": "x.json", "pointer": "/a", "equals": 1, "approx": 1}]},
     "checks[0].approx", "only one of"),
    ({"checks": [{"id": "a", "type": "regex", "path": "x", "pattern": "(unclosed"}]}, "checks[0].pattern", "valid Python regex"),
    ({"checks": [{"id": "a", "type": "csv_value", "path": "x.csv", "column": "c", "equals": 1}]},
     "checks[0].where", "either where"),
    ({"checks": [{"id": "a", "type": "csv_value", "path": "x.csv", "column": "c", "aggregate": "median", "equals": 1}]},
     "checks[0].aggregate", "one of sum"),
    ({"checks": [{"id": "a", "type": "json_schema", "path": "x.json", "schema": {"type": "nonsense"}}]},
     "checks[0].schema", "a valid JSON Schema"),
    ({"checks": [{"id": "a", "type": "same_value", "a": {"path": "x.json"}, "b": {"path": "y.csv", "regex": "(\\d+)"}}]},
     "checks[0].a.pointer", "exactly one of"),
    ({"checks": [{"id": "a", "type": "python", "script": "missing.py"}]}, "checks[0].script", "does not exist"),
    ({"checks": [{"id": "a", "type": "file_exists", "path": "x"}, {"id": "a", "type": "file_absent", "path": "y"}]},
     "checks[1].id", "unique check id"),
    ({"rubric": [{"id": "r", "criterion": "clear", "artifacts": "report.md"}]}, "rubric[0].artifacts", "a list of strings"),
    ({"solution": [{"tool": "teleport"}]}, "solution[0].tool", "one of read_file"),
    ({"solution": [{"tool": "write_file", "args": {"path": "a", "content_file": "nope.md"}}]},
     "solution[0].args.content_file", "does not exist"),
    ({"origin": {"route": "dream"}}, "origin.route", "one of hand, persona, skill"),
    ({"id": "Bad Id"}, "id", "lowercase letters"),
])
def test_bad_fields_name_file_field_and_expectation(tmp_path, change, field, expected):
    d = make_task(tmp_path, {**BASE, **change})
    with pytest.raises(TaskError) as info:
        load_task(d)
    err = info.value
    assert err.field == field
    assert expected in err.expected
    assert str(d / "task.yaml") in str(err)


def test_missing_required_field(tmp_path):
    data = dict(BASE)
    del data["instruction"]
    with pytest.raises(TaskError, match=r"instruction: required field is missing"):
        load_task(make_task(tmp_path, data))


def test_missing_workspace_folder(tmp_path):
    d = make_task(tmp_path, BASE)
    for f in (d / "workspace").iterdir():
        f.unlink()
    (d / "workspace").rmdir()
    with pytest.raises(TaskError, match=r"workspace: a workspace/ folder"):
        load_task(d)


def test_invalid_yaml_names_the_line(tmp_path):
    d = make_task(tmp_path, BASE)
    (d / "task.yaml").write_text("id: x\ntitle: [unclosed\n")
    with pytest.raises(TaskError, match=r"task.yaml: line \d+: valid YAML"):
        load_task(d)


def test_not_a_mapping(tmp_path):
    d = make_task(tmp_path, BASE)
    (d / "task.yaml").write_text("- just\n- a list\n")
    with pytest.raises(TaskError, match=r"\(document\): a mapping"):
        load_task(d)


def test_python_check_script_found(tmp_path):
    data = {**BASE, "checks": [{"id": "p", "type": "python", "script": "check.py", "args": ["--strict"]}]}
    task = load_task(make_task(tmp_path, data, checks={"check.py": "print(1)"}))
    assert task.checks[0].spec["script"] == "check.py"


def test_load_tasks_collects_errors_without_hiding_good_tasks(tmp_path):
    good = make_task(tmp_path / "a", BASE)
    bad = make_task(tmp_path / "b", {**BASE, "id": "t-two", "domain": "nowhere"})
    tasks, errors = load_tasks(tmp_path)
    assert [t.id for t in tasks] == ["t-one"]
    assert len(errors) == 1 and errors[0].field == "domain" and str(bad) in errors[0].file
    assert good.exists()


def test_builtin_examples_load_and_cover_every_domain():
    from core.task import default_task_root

    tasks, errors = load_tasks(default_task_root() / "examples")
    assert errors == []
    assert {t.domain for t in tasks} == set(DOMAINS)
    for t in tasks:
        assert t.solution, f"{t.id} has no reference solution"
        assert resolve_task(t.id).id == t.id


def test_resolve_unknown_task():
    with pytest.raises(TaskError, match="a task folder or the id of a built-in task"):
        resolve_task("no-such-task-anywhere")


def test_mutants_load_and_are_validated(tmp_path):
    data = {**BASE, "mutants": [{"id": "off-by-one", "description": "wrong count",
                                 "steps": [{"tool": "write_file", "args": {"path": "out.txt", "content_file": "m/out.txt"}}]}]}
    d = make_task(tmp_path, data)
    with pytest.raises(TaskError, match=r"mutants\[0\].steps\[0\].args.content_file: a file under mutants/"):
        load_task(d)
    (d / "mutants" / "m").mkdir(parents=True)
    (d / "mutants" / "m" / "out.txt").write_text("hellx")
    task = load_task(d)
    assert task.mutants[0].id == "off-by-one" and task.mutants[0].steps[0].tool == "write_file"
    data["mutants"].append(dict(data["mutants"][0]))
    with pytest.raises(TaskError, match=r"mutants\[1\].id: a unique mutant id"):
        load_task(make_task(tmp_path, data))


def test_fuzzy_filter_ranks_and_requires_every_word():
    from core.catalog import Entry, filter_entries, fuzzy_score
    from core.task import default_task_root

    assert fuzzy_score("slg", "sys-logrotate") is not None
    assert fuzzy_score("xyz", "sys-logrotate") is None
    assert fuzzy_score("log", "sys-logrotate") > fuzzy_score("log", "sales-of-grapes")
    tasks, _ = load_tasks(default_task_root() / "examples")
    entries = [Entry(t, "examples") for t in tasks]
    assert [e.task.domain for e in filter_entries(entries, "systems")][:1] == ["systems"]
    assert filter_entries(entries, "") == entries
    assert filter_entries(entries, "software hard")[0].task.domain == "software"
    assert filter_entries(entries, "qqqq zzzz") == []


def test_a_suite_of_symlinked_tasks_loads(tmp_path):
    real = make_task(tmp_path / "real", BASE)
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "linked").symlink_to(real, target_is_directory=True)
    tasks, errors = load_tasks(suite)
    assert [t.id for t in tasks] == ["t-one"] and not errors
