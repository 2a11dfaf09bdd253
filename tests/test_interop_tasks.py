"""External task sets (ClawGym folder + JSONL, PinchBench Markdown) load as they are: detection,
conversion to our format, the cache, malformed tasks reported and skipped, `clawbench import`,
and the helpers the `grader` check relies on. No sandbox needed here."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from clawbench_tui.cli import main
from core.interop import detect_format, find_sources, load_external
from core.interop.grading import parse_checker_output, results_from_values, substitute_workspace
from core.judge import RubricResult
from core.task import Check, TaskError, load_task, load_tasks, resolve_task
from core.verifier import score_of

FIXTURES = Path(__file__).parent / "fixtures" / "interop"
OPENCLAW = "/root/.openclaw/workspace"


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory, monkeypatch):
    """Converted tasks go to a scratch cache, never the user's."""
    cache = tmp_path_factory.getbasetemp() / "interop-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache / "clawbench" / "imported"


def by_id(folder: str) -> dict:
    tasks, errors = load_tasks(FIXTURES / folder)
    assert not errors, [str(e) for e in errors]
    return {t.id: t for t in tasks}


def test_detection():
    assert detect_format(FIXTURES / "clawgym" / "cg_expense_summary") == "clawgym-folder"
    assert detect_format(FIXTURES / "jsonl" / "tasks.jsonl") == "clawgym-jsonl"
    assert detect_format(FIXTURES / "pinchbench" / "tasks" / "task_01_ics_event.md") == "pinchbench"
    assert detect_format(Path(__file__).parents[1] / "core" / "suites" / "examples" / "prod-action-items") == "clawbench"
    assert detect_format(FIXTURES) is None   # a folder of many
    formats = {(s.format, s.path.name) for s in find_sources(FIXTURES / "pinchbench")}
    # README.md is no task; solutions/ and assets/ are never searched
    assert formats == {("pinchbench", f"{n}.md") for n in
                       ("task_01_ics_event", "task_02_budget_review", "task_03_two_sessions", "task_04_tone_judge")}


def test_clawgym_folder_form():
    tasks = by_id("clawgym")
    assert set(tasks) == {"cg_expense_summary", "cg-report-script", "cg-rename-config"}
    expense = tasks["cg_expense_summary"]
    assert expense.workspace_aliases == (OPENCLAW,)          # input_mount_dir, absolute
    assert expense.workspace_files() == ["expenses.csv"]     # the checker stays out of the workspace
    (check,) = expense.checks
    assert (check.type, check.weight, check.spec["module"], check.spec["workspace_path"]) == \
        ("grader", 1.0, "reward/check.py", OPENCLAW)
    assert (expense.checks_dir / "reward" / "check.py").is_file()
    assert [s.tool for s in expense.solution] == ["read_file", "write_file"]   # from solution/steps.yaml
    assert expense.source["format"] == "clawgym-folder" and expense.domain == "analysis"

    hybrid = tasks["cg-report-script"]
    assert hybrid.checks[0].weight == 0.7 and [r.weight for r in hybrid.rubric] == [0.3]
    assert hybrid.rubric[0].artifacts == ("NOTES.md",) and "summed units" in hybrid.rubric[0].criterion
    assert hybrid.source["grading"] == "hybrid"

    rename = tasks["cg-rename-config"]            # check.py has no grade(): reward.sh gives the score
    assert rename.checks[0].spec["command"] == "bash reward/reward.sh"
    assert rename.workspace_files() == ["input/app.ini"]     # relative input_mount_dir: a folder inside


def test_clawgym_jsonl_form():
    tasks = by_id("jsonl")
    assert list(tasks) == ["task_jl_action_items", "tasks-2", "jl-backup-rotate"]  # origin_template id, line, task_id
    actions = tasks["task_jl_action_items"]
    assert actions.checks[0].spec["command"] == f"python3 reward/test.py {OPENCLAW}"
    assert actions.workspace_files() == ["notes/standup.txt"]
    assert (actions.checks_dir / "reward" / "test.py").is_file()
    clean = tasks["tasks-2"]
    assert clean.rubric[0].artifacts == ("cleaning_log.md",)     # absolute file_path made relative
    assert (clean.checks[0].weight, clean.rubric[0].weight) == (0.7, 0.3)
    rotate = tasks["jl-backup-rotate"]
    assert rotate.source["id"] == "JL-Backup-Rotate" and rotate.domain == "systems"
    assert [s.tool for s in rotate.solution] == ["list_files", "delete_file", "exec"]


def test_pinchbench_form():
    tasks = by_id("pinchbench")
    ics = tasks["task_01_ics_event"]
    assert ics.title == "Calendar Event File" and ics.limits.wall_s == 120
    assert ics.workspace_files() == ["attendees.txt"]                  # from ../assets/
    assert ics.checks[0].spec["module"] == "automated_checks.py" and not ics.rubric
    budget = tasks["task_02_budget_review"]
    assert budget.workspace_files() == ["data/budget.csv"]
    assert (budget.checks[0].weight, budget.rubric[0].weight) == (0.6, 0.4)   # grading_weights
    assert budget.rubric[0].artifacts == ("@transcript",) and "Clarity" in budget.rubric[0].criterion
    sessions = tasks["task_03_two_sessions"]
    assert "Session 1 of 2" in sessions.instruction and "call mom" in sessions.instruction
    judge_only = tasks["task_04_tone_judge"]
    assert not judge_only.checks and judge_only.rubric[0].weight == 1.0


def test_malformed_tasks_are_reported_and_skipped():
    tasks, errors = load_tasks(FIXTURES / "malformed")
    assert [t.id for t in tasks] == ["mal-good"]
    found = {(Path(e.file.split(":")[0]).name + (":" + e.file.split(":")[1] if e.file.count(":") else ""), e.field)
             for e in errors}
    assert found == {
        ("broken.jsonl:2", "(line)"), ("broken.jsonl:3", "hook_code"), ("broken.jsonl:4", "hook_code"),
        ("check.py", "line 1"), ("data_entry.json", "user_query"),
        ("task_09_bad_grading.md", "grading_type"), ("task_10_no_grade.md", "## Automated Checks"),
    }
    messages = "\n".join(map(str, errors))
    assert "reward/missing.py" in messages and "'vibes'" in messages and "valid Python" in messages


def test_cache_is_keyed_by_content(tmp_path, cache_dir):
    shutil.copytree(FIXTURES / "clawgym" / "cg_rename_config", tmp_path / "t")
    (first,), _ = load_external(tmp_path / "t")
    (again,), _ = load_external(tmp_path / "t")
    assert first.path == again.path and first.path.parent == cache_dir
    entry = json.loads((tmp_path / "t" / "data_entry.json").read_text())
    entry["user_query"] += " Keep the comments."
    (tmp_path / "t" / "data_entry.json").write_text(json.dumps(entry))
    (edited,), _ = load_external(tmp_path / "t")
    assert edited.path != first.path and edited.instruction.endswith("Keep the comments.")


def test_resolve_one_external_task():
    assert resolve_task(str(FIXTURES / "clawgym" / "cg_rename_config")).id == "cg-rename-config"
    assert resolve_task(str(FIXTURES / "pinchbench" / "tasks" / "task_01_ics_event.md")).id == "task_01_ics_event"
    assert resolve_task(f"{FIXTURES / 'jsonl' / 'tasks.jsonl'}#JL-Backup-Rotate").id == "jl-backup-rotate"
    with pytest.raises(TaskError, match="PATH#TASK_ID"):
        resolve_task(str(FIXTURES / "jsonl" / "tasks.jsonl"))


def test_cli_tasks_and_import(tmp_path, capsys):
    db = str(tmp_path / "db.sqlite")
    assert main(["tasks", str(FIXTURES / "jsonl"), "--json", "--db", db]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [t["id"] for t in listed] == ["task_jl_action_items", "tasks-2", "jl-backup-rotate"]

    out = tmp_path / "converted"
    assert main(["import", str(FIXTURES / "pinchbench"), "--out", str(out), "--db", db]) == 0
    converted = sorted(p.name for p in out.iterdir())
    assert converted == ["task_01_ics_event", "task_02_budget_review", "task_03_two_sessions", "task_04_tone_judge"]
    task = load_task(out / "task_01_ics_event")          # an editable folder in our own format
    assert (out / "task_01_ics_event" / "solution" / "sync.ics").is_file() and task.source["format"] == "pinchbench"
    assert main(["import", str(FIXTURES / "pinchbench"), "--out", str(out), "--db", db]) == 1   # exists: refused
    assert "--force" in capsys.readouterr().err

    assert main(["import", str(FIXTURES / "malformed"), "--out", str(tmp_path / "m"), "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.count("skipped:") == 7 and "task_09_bad_grading.md: grading_type" in err


# ------------------------------------------------------------------ the grader's pieces

def test_checker_output_forms():
    assert parse_checker_output('{"a": true, "b": 0.5}') == {"a": True, "b": 0.5}
    assert parse_checker_output("log line\n{'a': True, 'b': False}\n") == {"a": True, "b": False}   # print(dict)
    assert parse_checker_output('{\n  "a": 1,\n  "b": 0\n}\n') == {"a": 1, "b": 0}                  # indented JSON
    assert parse_checker_output("checked 2 conditions\n0.5\n") == 0.5                               # reward.sh
    assert parse_checker_output("no result here") is None
    assert substitute_workspace("python3 reward/test.py <workspace>", OPENCLAW) == f"python3 reward/test.py {OPENCLAW}"


def test_values_become_weighted_results():
    check = Check(id="reward", type="grader", weight=0.7, description="ClawGym", spec={})
    results = results_from_values(check, {"a": True, "b": 0.5, "c": 0, "note": "n/a", "d": 3})
    by = {r.id: r for r in results}
    assert [by[k].value for k in ("reward.a", "reward.b", "reward.c", "reward.d")] == [1.0, 0.5, 0.0, 1.0]
    assert by["reward.a"].passed and not by["reward.b"].passed and "clamped" in by["reward.d"].message
    assert by["reward.note"].weight == 0 and "left out" in by["reward.note"].message   # not a number
    assert sum(r.weight for r in results) == pytest.approx(0.7)
    # hybrid: 0.7 x mean(code) + 0.3 x rubric, once judged; unjudged, the code alone
    code = results_from_values(check, {"x": 1.0, "y": 1.0, "z": 0.25})
    judged = [RubricResult(id="r", weight=0.3, criterion="c", judged=True, score=0.5)]
    assert score_of(code, judged, 0.7) == (67.5, False)          # 0.7 x 0.75 + 0.3 x 0.5
    unjudged = [RubricResult(id="r", weight=0.3, criterion="c", judged=False)]
    assert score_of(code, unjudged, 0.7) == (75.0, False)
    assert score_of(results_from_values(check, {"x": 1}), unjudged, 0.7) == (100.0, True)
    # judge-only tasks: solved only when judged and over the threshold
    assert score_of([], unjudged, 0.7) == (0.0, False)
    assert score_of([], [RubricResult(id="r", weight=1, criterion="c", judged=True, score=0.8)], 0.7) == (80.0, True)


GRADER_TASK = {"id": "g", "title": "t", "domain": "systems", "difficulty": "easy", "instruction": "do it",
               "checks": [{"id": "reward", "type": "grader", "module": "check.py"}]}


@pytest.mark.parametrize("change, field, expected", [
    ({"checks": [{"id": "reward", "type": "grader"}]}, "checks[0].module", "exactly one of module"),
    ({"checks": [{"id": "reward", "type": "grader", "module": "nope.py"}]}, "checks[0].module", "does not exist"),
    ({"checks": [{"id": "reward", "type": "grader", "command": "true", "workspace_path": "/data/ws"}]},
     "checks[0].workspace_path", "add '/data/ws' to workspace_aliases"),
    ({"workspace_aliases": ["/usr/local/ws"]}, "workspace_aliases", "overlaps /usr"),
    ({"workspace_aliases": ["/workspace/inner"]}, "workspace_aliases", "overlaps /workspace"),
    ({"workspace_aliases": ["relative/path"]}, "workspace_aliases", "absolute path"),
    ({"workspace_aliases": ["/tmp"]}, "workspace_aliases", "whole system folder"),
    ({"workspace_aliases": ["/data/a", "/data/a/b"]}, "workspace_aliases", "overlap"),
    ({"checks": []}, "checks", "at least one check"),
])
def test_grader_and_alias_fields_are_validated(tmp_path, change, field, expected):
    import yaml

    (tmp_path / "workspace").mkdir()
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "check.py").write_text("def grade(t, w):\n    return {}\n")
    (tmp_path / "task.yaml").write_text(yaml.safe_dump({**GRADER_TASK, **change}))
    with pytest.raises(TaskError) as info:
        load_task(tmp_path)
    assert info.value.field == field and expected in info.value.expected


def test_aliased_grader_task_loads(tmp_path):
    import yaml

    (tmp_path / "workspace").mkdir()
    data = {**GRADER_TASK, "workspace_aliases": ["/data/ws"], "rubric": [{"id": "r", "criterion": "c"}],
            "checks": [{"id": "reward", "type": "grader", "command": "python3 t.py /data/ws", "workspace_path": "/data/ws"}]}
    (tmp_path / "task.yaml").write_text(yaml.safe_dump(data))
    task = load_task(tmp_path)
    assert task.workspace_aliases == ("/data/ws",) and task.checks[0].spec["workspace_path"] == "/data/ws"
    judge_only = {**data, "checks": []}
    (tmp_path / "task.yaml").write_text(yaml.safe_dump(judge_only))
    assert not load_task(tmp_path).checks            # a rubric alone is enough


def test_unknown_task_id_in_a_set():
    with pytest.raises(TaskError) as info:
        resolve_task(f"{FIXTURES / 'jsonl' / 'tasks.jsonl'}#no-such-task")
    assert info.value.field == "#TASK_ID" and "jl-backup-rotate" in info.value.expected
