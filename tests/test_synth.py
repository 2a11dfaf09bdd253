"""Task synthesis (core.synth): every scenario family yields tasks that prove themselves in real
bwrap sandboxes; the gate rejects what it must, with reasons; output is reproducible and resumable."""
from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import pytest

from core.synth import FAMILIES, SynthConfig, load_skills, plan_item, stats, synthesize
from core.synth.dedupe import DuplicateIndex, Fingerprint
from core.synth.families import ALL
from core.synth.families.software import BUGS, _call, _compile, draw_cases
from core.synth.pipeline import gate_draft
from core.synth.procedural import generate
from core.synth.seeds import rng_for
from core.synth.skills import SKILLS_DIR, SkillError, compose, parse_skill
from core.synth.validate import sandboxes_in_ram, validate_in_sandbox
from core.task import DOMAINS, load_task

SEEDS = (0, 1, 2)


def _draft(family: str, seed: int, index: int = 0):
    return generate(plan_item(seed, index, "both", (FAMILIES[family],)))


def _tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ families

def test_families_cover_all_six_domains_with_known_skills():
    assert len(ALL) >= 40
    per_domain = {d: sum(f.domain == d for f in ALL) for d in DOMAINS}
    assert min(per_domain.values()) >= 6, per_domain
    skills = load_skills()
    used = set()
    for f in ALL:
        assert set(f.skills) | set(f.optional_skills) <= set(skills), f.name
        assert f.intents and f.summary
        used |= set(f.skills) | set(f.optional_skills)
    assert used == set(skills), f"skills no family can realise: {sorted(set(skills) - used)}"
    from core.synth.personas import ARCHETYPES
    unreachable = [f.name for f in ALL if not any(set(f.intents) & set(a.intents) for a in ARCHETYPES)]
    assert not unreachable, f"no persona has an intent these families serve: {unreachable}"


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_family_generates_valid_tasks_across_seeds(family, tmp_path, bwrap_backend):
    distinct = set()
    with sandboxes_in_ram():
        for seed in SEEDS:
            draft = _draft(family, seed, index=seed)
            gate, task, _ = gate_draft(draft, tmp_path / draft.id, "bwrap", None)
            assert gate.accepted, (draft.id, gate.reasons)
            assert load_task(tmp_path / draft.id).id == draft.id
            v = validate_in_sandbox(task, backend="bwrap")
            assert v.oracle.score == 100 and v.oracle.solved and not v.oracle.step_errors, v.to_dict()
            assert not v.null.solved
            assert v.mutants and not any(m.solved for m in v.mutants), v.to_dict()
            assert task.origin["family"] == family and task.origin["route"] in ("persona", "skill")
            distinct.add(Fingerprint.of(draft.plan.instruction, draft.workspace.files).key)
    assert len(distinct) == len(SEEDS)   # different seeds, different tasks


def test_bug_templates_fail_as_shipped_and_pass_when_fixed():
    for bug in BUGS:
        visible, hidden = draw_cases(rng_for(7, bug["func"][0]), bug)
        buggy = _compile("f", bug["sig"], bug["body"])
        fixed = _compile("f", bug["sig"], bug["body"].replace(bug["old"], bug["new"]))
        wrong = _compile("f", bug["sig"], bug["body"].replace(bug["old"], bug["wrong"]))
        assert _call(buggy, visible[0]) != visible[1] and _call(wrong, visible[0]) == visible[1]
        assert all(_call(fixed, args) == want for args, want in hidden)
        assert any(_call(wrong, args) != want for args, want in hidden)


# ------------------------------------------------------------------ the gate

def test_gate_rejects_a_check_that_passes_on_the_untouched_workspace(tmp_path, bwrap_backend):
    draft = _draft("csv-group-summary", 3)
    existing = sorted(draft.workspace.files)[0]
    draft.verification.checks = [{"id": "trivial", "type": "file_exists", "path": existing,
                                  "description": "already there"}]
    gate, _, _ = gate_draft(draft, tmp_path / "t", "bwrap", None)
    assert "null-solves" in [code for code, _ in gate.reasons]
    assert "trivial" in dict(gate.reasons)["null-solves"]


def test_gate_rejects_a_task_whose_oracle_fails(tmp_path, bwrap_backend):
    draft = _draft("metric-drift", 4)
    out = draft.plan.expected_artifacts[0]
    draft.verification.solution_files[out] = json.dumps({"flagged": [], "changes": {}, "new": [], "removed": []})
    gate, _, _ = gate_draft(draft, tmp_path / "t", "bwrap", None)
    reasons = dict(gate.reasons)
    assert "oracle-fails" in reasons and "not 100" in reasons["oracle-fails"]


def test_gate_rejects_a_mutant_the_checks_miss_and_a_broken_file(tmp_path, bwrap_backend):
    draft = _draft("dependency-pin", 5)
    draft.verification.mutants.append({"id": "harmless", "description": "changes nothing that matters",
                                       "steps": [{"tool": "write_file", "args": {"path": "NOTES.txt", "content": "x"}}]})
    gate, _, _ = gate_draft(draft, tmp_path / "a", "bwrap", None)
    assert ("mutant-passes" in dict(gate.reasons)) and "harmless" in dict(gate.reasons)["mutant-passes"]
    draft = _draft("dependency-pin", 5)
    draft.verification.checks[0]["type"] = "no_such_check"
    gate, task, _ = gate_draft(draft, tmp_path / "b", "bwrap", None)
    assert task is None and "checks[0].type" in dict(gate.reasons)["does-not-load"]


def test_duplicates_and_near_duplicates_are_detected():
    draft = _draft("cron-maintenance", 6)
    index = DuplicateIndex()
    fp = Fingerprint.of(draft.plan.instruction, draft.workspace.files)
    assert index.check(fp) is None
    index.add("first", fp)
    # same instruction modulo case and spacing, same files: an exact duplicate
    assert index.check(Fingerprint.of("  " + draft.plan.instruction.upper(), draft.workspace.files))[:2] == ("duplicate", "first")
    # one line of one file edited: a near-duplicate
    files = dict(draft.workspace.files)
    path = max(files, key=lambda p: len(files[p]))
    lines = files[path].splitlines()
    lines[-1] = lines[-1] + " # tweaked"
    files[path] = "\n".join(lines) + "\n"
    kind, other, sim = index.check(Fingerprint.of(draft.plan.instruction, files))
    assert (kind, other) == ("near-duplicate", "first") and sim >= 0.8
    # another task of the same family is not a duplicate
    other_draft = _draft("cron-maintenance", 7)
    assert index.check(Fingerprint.of(other_draft.plan.instruction, other_draft.workspace.files)) is None


# ------------------------------------------------------------------ the pipeline

def test_same_seed_gives_byte_identical_output_for_any_jobs(tmp_path, bwrap_backend):
    a = synthesize(SynthConfig(out=tmp_path / "a", count=14, seed=11, jobs=1))
    b = synthesize(SynthConfig(out=tmp_path / "b", count=14, seed=11, jobs=2))
    assert a.accepted == b.accepted == 14
    digest_a, digest_b = _tree_digest(tmp_path / "a"), _tree_digest(tmp_path / "b")
    assert digest_a == digest_b and len(digest_a) > 14 * 5
    c = synthesize(SynthConfig(out=tmp_path / "c", count=14, seed=12, jobs=1))
    assert c.accepted == 14 and _tree_digest(tmp_path / "c") != digest_a


def test_an_interrupted_run_resumes_to_the_same_output(tmp_path, bwrap_backend):
    full = synthesize(SynthConfig(out=tmp_path / "full", count=10, seed=21))
    cancel = threading.Event()

    def stop_after_four(progress) -> None:
        if progress.accepted >= 4:
            cancel.set()

    part = synthesize(SynthConfig(out=tmp_path / "part", count=10, seed=21), on_progress=stop_after_four, cancel=cancel)
    assert part.stopped and 4 <= part.accepted < 10
    resumed = synthesize(SynthConfig(out=tmp_path / "part", count=10, seed=21))
    assert resumed.skipped == part.accepted + part.rejected and resumed.accepted == 10
    assert _tree_digest(tmp_path / "part") == _tree_digest(tmp_path / "full") and full.accepted == 10
    with pytest.raises(ValueError, match="other settings"):
        synthesize(SynthConfig(out=tmp_path / "part", count=10, seed=22))


def test_manifest_and_stats_record_routes_domains_and_rejections(tmp_path, bwrap_backend):
    synthesize(SynthConfig(out=tmp_path, count=24, seed=3, route="both", jobs=2))
    records = [json.loads(line) for line in (tmp_path / "manifest.jsonl").read_text().splitlines()]
    assert [r["index"] for r in records] == sorted(r["index"] for r in records)
    accepted = [r for r in records if r["status"] == "accepted"]
    for r in accepted:
        task = load_task(tmp_path / r["path"])
        assert task.origin["route"] == r["route"] and task.domain == r["domain"]
        assert r["gate"]["sandbox"]["oracle_score"] == 100 and not r["gate"]["sandbox"]["null_solved"]
        synth = json.loads((tmp_path / r["path"] / "synth.json").read_text())
        assert synth["gate"]["sandbox"]["mutants_failing"] == synth["gate"]["sandbox"]["mutants_total"] > 0
    s = stats(tmp_path)
    assert s["accepted"] == 24 and set(s["routes"]) == {"persona", "skill"}
    assert len(s["domains"]) >= 5 and s["file_kinds"] and s["capabilities"]


def test_persona_route_and_skill_route_plan_differently():
    persona = [plan_item(1, i, "persona") for i in range(60)]
    skill = [plan_item(1, i, "skill") for i in range(60)]
    assert {i.route for i in persona} == {"persona"} and {i.route for i in skill} == {"skill"}
    assert len({FAMILIES[i.family].domain for i in persona}) == 6
    for item in skill:   # the composed skills cover what the family needs
        assert set(FAMILIES[item.family].skills) <= set(item.skills)


# ------------------------------------------------------------------ skills

def test_skill_library_has_thirty_parseable_skills():
    skills = load_skills()
    assert len(skills) >= 30
    kinds = {k for s in skills.values() for k in (*s.inputs, *s.outputs)}
    assert {"csv", "json", "yaml", "log", "markdown", "git", "cron", "archive", "script"} <= kinds
    for s in skills.values():
        assert s.description and s.commands and s.path.parent.parent == SKILLS_DIR


def test_a_broken_skill_file_names_the_file_and_field(tmp_path):
    bad = tmp_path / "broken" / "SKILL.md"
    bad.parent.mkdir()
    bad.write_text("---\nname: broken\ndescription: x\ncommands: oops\ninputs: []\noutputs: []\n---\nbody\n")
    with pytest.raises(SkillError, match=r"SKILL.md: commands: expected a list"):
        parse_skill(bad)


def test_compose_picks_compatible_skills_a_family_can_realise():
    skills = load_skills()
    rng = rng_for("compose-test")
    for _ in range(50):
        family, combination, variants = compose(rng, ALL, skills)
        assert set(family.skills) <= set(combination) and variants <= set(family.optional_skills)
        assert set(combination) <= set(family.skills) | set(family.optional_skills)


# ------------------------------------------------------------------ CLI

def test_cli_synth_stats_and_list(tmp_path, capsys, bwrap_backend):
    from clawbench_tui.cli import main

    out = tmp_path / "out"
    assert main(["synth", "--count", "4", "--seed", "2", "--route", "skill", "--out", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["accepted"] == 4 and summary["stage_seconds"]["quality_sandbox"] > 0
    assert main(["synth", "stats", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["routes"] == {"skill": 4}
    assert main(["synth", "stats", str(out)]) == 0
    assert "domains" in capsys.readouterr().out
    assert main(["synth", "list", "skills"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) >= 30
    assert main(["synth", "--count", "2", "--out", str(tmp_path / "x"), "--families", "nope"]) == 2
    assert "unknown family 'nope'" in capsys.readouterr().err
    assert main(["synth", "--count", "2"]) == 2
    assert "--out is required" in capsys.readouterr().err
