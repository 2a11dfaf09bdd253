"""core.synth.gitrepo builds a repository that git itself accepts: clean status, fsck, log, tags
and blame agree with what read_repo reads back from the same bytes."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from core.synth.gitrepo import CommitSpec, Signature, TagSpec, build_repo, epoch, read_repo
from core.synth.writer import _write_tree

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _history():
    ada = Signature("Ada Byron", "ada@example.org", epoch(2024, 3, 1, 9), "+0100")
    bo = Signature("Bo Chen", "bo@example.org", epoch(2024, 3, 2, 14), "-0500")
    v1 = {"README.md": "# tool\n", "src/app.py": "RETRIES = 3\n", "data/logo.bin": bytes(range(256))}
    v2 = {**v1, "src/app.py": "RETRIES = 5\n"}
    v3 = {**v2, "docs/notes.md": "notes\n"}
    return [CommitSpec(v1, "Initial import", ada), CommitSpec(v2, "Raise retries", bo, committer=ada.at(epoch(2024, 3, 3))),
            CommitSpec(v3, "Add notes\n\nLonger body.", ada.at(epoch(2024, 3, 4)))], [TagSpec("v1.0", 1, ada, "First release"),
                                                                                       TagSpec("light", 0)]


def git(cwd, *args) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def test_git_accepts_the_repository(tmp_path):
    commits, tags = _history()
    files = build_repo(commits, tags)
    assert files == build_repo(*_history())                       # deterministic: same input, same bytes
    _write_tree(tmp_path, files)
    assert git(tmp_path, "status", "--porcelain") == ""
    subprocess.run(["git", "fsck", "--full", "--strict"], cwd=tmp_path, check=True, capture_output=True)
    log = git(tmp_path, "log", "--format=%H %an|%cn %s").splitlines()
    history = read_repo(files)
    assert [line.split(" ", 1)[0] for line in log] == [c.sha for c in reversed(history.commits)]
    assert log[1].split(" ", 1)[1] == "Bo Chen|Ada Byron Raise retries"
    assert git(tmp_path, "show", "v1.0:src/app.py") == "RETRIES = 5\n" == history.text_at(history.tags["v1.0"], "src/app.py")
    assert git(tmp_path, "cat-file", "-t", "v1.0").strip() == "tag" and git(tmp_path, "cat-file", "-t", "light").strip() == "commit"
    assert "Bo Chen" in git(tmp_path, "blame", "src/app.py")
    assert git(tmp_path, "log", "-S", "RETRIES = 5", "--format=%s").strip() == "Raise retries"
