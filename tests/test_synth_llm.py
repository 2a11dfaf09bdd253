"""The LLM engine through litellm with the scripted model: a drafted task passes the same gate as a
procedural one; a bad draft is rejected with its reason; the ambiguity review's verdict is kept."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from core.synth import SynthConfig, read_manifest, synthesize
from core.task import load_task

BOOKS = "title,author,status,pages\nDune,Frank Herbert,read,412\nEmma,Jane Austen,unread,474\n" \
        "Ubik,Philip K. Dick,unread,202\nBeloved,Toni Morrison,read,324\nKindred,Octavia Butler,unread,264\n"
STAGE1 = {"title": "Count the unread books", "domain": "productivity", "difficulty": "easy",
          "capabilities": ["fine-grained", "file-state"], "intent": "data-analysis",
          "instruction": "Read `library/books.csv` and write `library/summary.json`, a JSON object with "
                         "`unread` (the number of unread books) and `unread_pages` (their total pages).",
          "expected_artifacts": ["library/summary.json"]}
STAGE2 = {"files": {"library/books.csv": BOOKS, "library/README.md": "# My shelf\n\nstatus is read or unread.\n"},
          "traps": []}
SUMMARY = json.dumps({"unread": 3, "unread_pages": 940}) + "\n"
STAGE3 = {"checks": [{"id": "unread", "type": "json_value", "path": "library/summary.json", "pointer": "/unread",
                      "equals": 3, "description": "three unread books"},
                     {"id": "pages", "type": "json_value", "path": "library/summary.json", "pointer": "/unread_pages",
                      "equals": 940, "description": "474 + 202 + 264 pages"}],
          "rubric": [],
          "solution": [{"tool": "write_file", "args": {"path": "library/summary.json", "content_file": "summary.json"}}],
          "solution_files": {"summary.json": SUMMARY},
          "mutants": [{"id": "read-counted", "description": "counted every book",
                       "steps": [{"tool": "write_file", "args": {"path": "library/summary.json",
                                                                  "content": json.dumps({"unread": 5, "unread_pages": 1676})}}]}],
          "mutant_files": {}}


def _script(tmp_path: Path, name: str, replies: list) -> str:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump([{"content": r if isinstance(r, str) else json.dumps(r)} for r in replies]))
    return f"scripted/{path}"


def test_a_scripted_model_drafts_a_task_that_passes_the_gate(tmp_path, bwrap_backend):
    model = _script(tmp_path, "good", [STAGE1, "```json\n" + json.dumps(STAGE2) + "\n```", STAGE3])
    review = _script(tmp_path, "review", [{"verdict": "clear", "issues": []}])
    out = tmp_path / "out"
    summary = synthesize(SynthConfig(out=out, count=1, seed=1, route="persona", model=model, review_model=review))
    assert summary.accepted == 1
    record = read_manifest(out)[0]
    task = load_task(out / record["path"])
    assert task.origin["generator"] == f"llm/{model}" and task.origin["route"] == "persona"
    assert task.domain == "productivity" and [c.id for c in task.checks] == ["unread", "pages"]
    assert record["gate"]["review"]["verdict"] == "clear"
    assert json.loads((out / record["path"] / "synth.json").read_text())["gate"]["review"]["verdict"] == "clear"


def test_the_same_draft_twice_is_rejected_as_a_duplicate(tmp_path, bwrap_backend):
    model = _script(tmp_path, "good", [STAGE1, STAGE2, STAGE3])
    summary = synthesize(SynthConfig(out=tmp_path / "out", count=2, seed=1, model=model, max_items=2))
    records = read_manifest(tmp_path / "out")
    assert summary.accepted == 1 and [r["status"] for r in records] == ["accepted", "rejected"]
    assert records[1]["reasons"][0][0] == "duplicate" and records[0]["id"] in records[1]["reasons"][0][1]


def test_bad_drafts_are_rejected_with_a_reason(tmp_path, bwrap_backend):
    trivial = {**STAGE3, "checks": [{"id": "exists", "type": "file_exists", "path": "library/books.csv",
                                     "description": "the list is there"}]}
    cases = {
        "null-solves": [STAGE1, STAGE2, trivial],
        "oracle-fails": [STAGE1, STAGE2, {**STAGE3, "solution_files": {"summary.json": '{"unread": 2, "unread_pages": 940}'}}],
        "generation-failed": [STAGE1, "I'd rather not write JSON today.", STAGE3],
        "unnamed-output": [{**STAGE1, "instruction": "Summarise my unread books somewhere sensible, please."}, STAGE2, STAGE3],
    }
    for code, replies in cases.items():
        out = tmp_path / code
        synthesize(SynthConfig(out=out, count=1, seed=1, model=_script(tmp_path, code, replies), max_items=1))
        record = read_manifest(out)[0]
        assert record["status"] == "rejected" and code in [c for c, _ in record["reasons"]], (code, record["reasons"])
        assert not any(p.name == "task.yaml" for p in out.rglob("task.yaml"))   # nothing rejected is published
    assert "stage 2" in read_manifest(tmp_path / "generation-failed")[0]["reasons"][0][1]


def test_an_ambiguous_verdict_rejects_the_task_and_is_recorded(tmp_path, bwrap_backend):
    model = _script(tmp_path, "good", [STAGE1, STAGE2, STAGE3])
    review = _script(tmp_path, "review", [{"verdict": "ambiguous", "issues": ["pages of which books?"]}])
    synthesize(SynthConfig(out=tmp_path / "out", count=1, seed=1, model=model, review_model=review, max_items=1))
    record = read_manifest(tmp_path / "out")[0]
    assert record["reasons"] == [["ambiguous", "pages of which books?"]]
    assert record["gate"]["review"] == {"verdict": "ambiguous", "issues": ["pages of which books?"], "model": review}


def test_a_rejected_draft_is_repaired_from_the_gate_reasons(tmp_path, bwrap_backend):
    wrong = {**STAGE3, "solution_files": {"summary.json": '{"unread": 2, "unread_pages": 940}'}}
    model = _script(tmp_path, "repair", [STAGE1, STAGE2, wrong, STAGE3])
    out = tmp_path / "out"
    summary = synthesize(SynthConfig(out=out, count=1, seed=1, model=model, max_items=1))
    record = read_manifest(out)[0]
    assert summary.accepted == 1 and record["status"] == "accepted" and record["reasons"] == []
    (first,) = record["gate"]["repairs"]
    assert first["outcome"] == "accepted" and first["reasons"][0][0] == "oracle-fails"
    assert "observed '2', expected '3'" in first["reasons"][0][1]   # what the model was told
    # without repair rounds the same script leaves it rejected
    synthesize(SynthConfig(out=tmp_path / "none", count=1, seed=1, model=model, max_items=1, repair_rounds=0))
    record = read_manifest(tmp_path / "none")[0]
    assert record["status"] == "rejected" and "repairs" not in record["gate"]


def test_a_drafted_python_check_runs_from_check_files(tmp_path, bwrap_backend):
    script = ("import json, sys\nd = json.load(open('library/summary.json'))\nprint(d)\n"
              "sys.exit(0 if d == {'unread': 3, 'unread_pages': 940} else 1)\n")
    checks = [{"id": "whole", "type": "python", "script": "summary_check.py", "description": "both figures"}]
    good = {**STAGE3, "checks": checks, "check_files": {"summary_check.py": script}}
    out = tmp_path / "out"
    assert synthesize(SynthConfig(out=out, count=1, seed=1, model=_script(tmp_path, "py", [STAGE1, STAGE2, good]),
                                  max_items=1)).accepted == 1
    assert (out / read_manifest(out)[0]["path"] / "checks" / "summary_check.py").read_text() == script
    missing = {**STAGE3, "checks": checks}
    synthesize(SynthConfig(out=tmp_path / "bad", count=1, seed=1, max_items=1, repair_rounds=0,
                           model=_script(tmp_path, "py-missing", [STAGE1, STAGE2, missing])))
    (code, message), = read_manifest(tmp_path / "bad")[0]["reasons"]
    assert code == "generation-failed" and "checks[0].script" in message and "check_files" in message
