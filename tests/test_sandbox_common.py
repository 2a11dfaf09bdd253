"""The Sandbox contract, run against both real backends (bwrap and docker): files, exec, limits,
isolation. One sandbox per backend is shared by the module to keep it fast; tests that need their
own limits or lifetime make their own."""
from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from conftest import require_backend
from sandbox import (STAGE_DIR, TRUNCATION_MARK, WORKDIR, FileEntry, Sandbox, SandboxError, SandboxLimits,
                     SandboxPathError, create_sandbox)

SEED = {"notes.txt": "hello\n", "data/rows.csv": "a,b\n1,2\n", "data/deep/x.json": "{}"}


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("seed")
    for rel, text in SEED.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


@pytest.fixture(scope="module", params=["bwrap", "docker"])
def sb(request, seed_dir):
    require_backend(request.param)
    box = create_sandbox(seed_dir, backend=request.param, run_id="test-common")
    yield box
    box.destroy()


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


# -- files -------------------------------------------------------------------------------------

def test_is_a_sandbox(sb):
    assert isinstance(sb, Sandbox)
    assert sb.workdir == WORKDIR and sb.run_id == "test-common"


def test_workspace_is_copied_in(sb):
    assert sb.read_file("notes.txt") == b"hello\n"
    assert sb.read_file("/workspace/data/rows.csv") == b"a,b\n1,2\n"
    paths = [e.path for e in sb.list_files()]
    assert {"notes.txt", "data", "data/rows.csv", "data/deep", "data/deep/x.json"} <= set(paths)
    assert paths == sorted(paths)
    assert FileEntry("data", 0, True) in sb.list_files()
    assert [e.path for e in sb.list_files("data/deep")] == ["data/deep/x.json"]
    snap = sb.snapshot()
    for rel, text in SEED.items():
        assert snap[rel] == sha(text)
    res = sb.exec(["cat", "notes.txt"])
    assert res.ok and res.stdout == "hello\n"


def test_write_read_list_delete(sb):
    sb.write_file("out/nested/report.md", "# Report\n")
    sb.write_file("out/blob.bin", bytes(range(256)))
    assert sb.read_file("out/nested/report.md") == b"# Report\n"
    assert sb.read_file("out/blob.bin") == bytes(range(256))
    assert sb.exec("cat out/nested/report.md").stdout == "# Report\n"
    assert FileEntry("out/blob.bin", 256, False) in sb.list_files("out")
    assert sb.snapshot()["out/nested/report.md"] == sha("# Report\n")
    sb.write_file("out/nested/report.md", "v2")       # overwrite
    assert sb.read_file("out/nested/report.md") == b"v2"
    sb.delete_file("out/blob.bin")
    with pytest.raises(FileNotFoundError):
        sb.read_file("out/blob.bin")
    sb.delete_file("out")                               # a folder goes with its contents
    assert not any(e.path.startswith("out") for e in sb.list_files())
    with pytest.raises(FileNotFoundError):
        sb.delete_file("out")


def test_files_written_by_exec_show_in_snapshot(sb):
    assert sb.exec("mkdir -p gen && printf made > gen/f.txt").ok
    assert sb.snapshot()["gen/f.txt"] == sha("made")
    sb.delete_file("gen")


def test_snapshot_after_a_change_sees_later_execs(sb):
    """Docker takes the snapshot in the same exec as a write; that copy must never hide what ran after."""
    sb.write_file("snap/a.txt", "one")
    first = sb.snapshot()
    assert first["snap/a.txt"] == sha("one") and first == sb.snapshot()
    sb.write_file("snap/a.txt", "two")
    assert sb.exec("printf three > snap/b.txt").ok
    after = sb.snapshot()
    assert after["snap/a.txt"] == sha("two") and after["snap/b.txt"] == sha("three")
    sb.delete_file("snap/b.txt")
    assert "snap/b.txt" not in sb.snapshot()
    sb.delete_file("snap")
    assert not any(p.startswith("snap/") for p in sb.snapshot())


# -- exec --------------------------------------------------------------------------------------

def test_exec_cwd_env_and_exit_codes(sb):
    res = sb.exec(["sh", "-c", 'pwd; echo "$GREETING"; echo oops >&2; exit 3'], cwd="data",
                  env={"GREETING": "hi there"})
    assert res.exit_code == 3 and not res.ok and not res.timed_out
    assert res.stdout == "/workspace/data\nhi there\n"
    assert res.stderr == "oops\n"
    assert sb.exec("exit 0").ok
    assert sb.exec(["false"]).exit_code == 1
    assert sb.exec(["no-such-command-xyz"]).exit_code == 127
    assert sb.exec(["/etc/passwd"]).exit_code == 126
    missing_cwd = sb.exec("pwd", cwd="no-such-dir")
    assert missing_cwd.exit_code == 126 and "no-such-dir" in missing_cwd.stdout + missing_cwd.stderr
    assert sb.exec("exit 124").timed_out is False       # a quick exit 124 is not a timeout
    assert sb.exec("echo $LANG").stdout.strip() == "C.UTF-8"
    with pytest.raises(SandboxPathError):
        sb.exec("pwd", cwd="../..")


def test_tools_in_the_sandbox(sb):
    res = sb.exec("python3 -c 'print(6*7)' && echo a1b | grep -o 1 && echo x | sed s/x/y/ "
                  "&& echo 3 4 | awk '{print $1+$2}' && find data -name '*.csv'")
    assert res.ok, res.stderr
    assert res.stdout.split() == ["42", "1", "y", "7", "data/rows.csv"]


def test_hanging_command_is_killed(sb):
    started = time.monotonic()
    res = sb.exec(["sleep", "30"], timeout=1)
    elapsed = time.monotonic() - started
    assert res.timed_out and res.exit_code == 124 and not res.ok
    assert elapsed < 5
    # the shell's children go too, and the sandbox is still usable afterwards
    res = sb.exec("sleep 30 & sleep 30; wait", timeout=1)
    assert res.timed_out and time.monotonic() - started < 10
    assert sb.exec("echo alive").stdout == "alive\n"


def test_output_is_capped_and_marked(sb):
    res = sb.exec("head -c 300000 /dev/zero | tr '\\0' a; head -c 5000 /dev/zero | tr '\\0' b >&2",
                  max_output=1000)
    assert res.truncated and res.ok
    assert res.stdout.startswith("a" * 1000)
    assert res.stdout[1000:] == TRUNCATION_MARK.format(dropped=299_000)
    assert res.stderr.startswith("b" * 1000) and "4000 bytes dropped" in res.stderr
    small = sb.exec("echo short", max_output=1000)
    assert not small.truncated and small.stdout == "short\n"


def test_no_network(sb):
    res = sb.exec(["python3", "-c", "import socket; print([n for _, n in socket.if_nameindex()])"])
    assert res.stdout.strip() == "['lo']"
    res = sb.exec(["python3", "-c", "import socket; socket.create_connection(('1.1.1.1', 53), timeout=3)"])
    assert res.exit_code != 0 and ("unreachable" in res.stderr or "Errno" in res.stderr)


# -- paths that would leave the workspace --------------------------------------------------------

@pytest.mark.parametrize("path", ["../x", "/etc/passwd", "data/../../x", "..", "/workspace/../etc/passwd"])
def test_path_escapes_are_refused(sb, path):
    with pytest.raises(SandboxPathError):
        sb.read_file(path)
    with pytest.raises(SandboxPathError):
        sb.write_file(path, "x")
    with pytest.raises(SandboxPathError):
        sb.delete_file(path)
    with pytest.raises(SandboxPathError):
        sb.list_files(path)


def test_symlinks_out_of_the_workspace_are_refused(sb):
    assert sb.exec("ln -sfn /etc to_etc && ln -sfn .. to_parent && ln -sfn /etc/passwd pw "
                   "&& ln -sfn /workspace/data to_data && ln -sfn data rel_data").ok
    for path in ["to_etc/passwd", "pw", "to_parent/etc/passwd", "to_parent/x"]:
        with pytest.raises(SandboxPathError):
            sb.read_file(path)
    for path in ["to_etc/evil", "pw", "to_parent/evil"]:
        with pytest.raises(SandboxPathError):
            sb.write_file(path, "pwned")
    with pytest.raises(SandboxPathError):
        sb.list_files("to_etc")
    with pytest.raises(SandboxError):
        sb.write_file("to_etc/sub/new.txt", "x")       # no folders created out there either
    assert sb.exec("test ! -e /etc/evil && test ! -e /etc/sub && test ! -e /evil").ok
    # links that stay inside work, and the listing leaves the outside ones out
    assert sb.read_file("to_data/rows.csv") == b"a,b\n1,2\n"
    assert sb.read_file("rel_data/rows.csv") == b"a,b\n1,2\n"
    listed = {e.path for e in sb.list_files()}
    assert {"to_data", "rel_data"} <= listed and not {"to_etc", "to_parent", "pw"} & listed
    assert "to_etc/passwd" not in sb.snapshot() and "pw" not in sb.snapshot()
    sb.delete_file("to_etc")                            # removes the link, not /etc
    sb.delete_file("pw")
    assert sb.exec("test -f /etc/passwd && test ! -e to_etc").ok
    for link in ["to_parent", "to_data", "rel_data"]:
        sb.delete_file(link)


def test_stage_is_outside_the_workspace(sb, tmp_path):
    (tmp_path / "check.py").write_text("print('checked')\n")
    where = sb.stage(tmp_path, "checks")
    assert where == f"{STAGE_DIR}/checks"
    assert sb.exec(["python3", f"{where}/check.py"]).stdout == "checked\n"
    assert not any("check.py" in e.path for e in sb.list_files())
    assert "checks" not in sb.exec("ls").stdout
    (tmp_path / "check.py").write_text("print('v2')\n")  # staging again replaces it
    sb.stage(tmp_path, "checks")
    assert sb.exec(["python3", f"{where}/check.py"]).stdout == "v2\n"
    with pytest.raises(SandboxPathError):
        sb.stage(tmp_path, "../x")


# -- lifetime and limits ------------------------------------------------------------------------

def test_empty_workspace_and_context_manager(request, sb):
    with create_sandbox(None, backend=sb.backend) as box:
        assert box.list_files() == [] and box.snapshot() == {}
        assert box.exec("ls -A").stdout == ""
    with pytest.raises(SandboxError):
        box.exec("true")            # destroyed on exit
    box.destroy()                   # and destroying twice is fine


def test_memory_limit(sb):
    limits = SandboxLimits(memory_mb=128)
    with create_sandbox(None, backend=sb.backend, limits=limits) as box:
        res = box.exec(["python3", "-c", "b = bytearray(400 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"],
                       timeout=20)
        assert res.exit_code != 0 and not res.timed_out
        assert box.exec(["python3", "-c", "b = bytearray(16 * 1024 * 1024)"]).ok


def test_pids_limit(sb):
    with create_sandbox(None, backend=sb.backend, limits=SandboxLimits(pids=24)) as box:
        res = box.exec("for i in $(seq 60); do sleep 2 & done; wait", timeout=10)
        assert res.exit_code != 0 or "fork" in res.stderr or "Resource temporarily unavailable" in res.stderr


def test_workspace_not_a_folder(sb, tmp_path):
    with pytest.raises(SandboxError, match="not a folder"):
        create_sandbox(tmp_path / "missing", backend=sb.backend)


def test_network_when_asked(sb):
    with create_sandbox(None, backend=sb.backend, limits=SandboxLimits(network=True)) as box:
        res = box.exec(["python3", "-c", "import socket; print(len(socket.if_nameindex()))"])
        assert res.ok and int(res.stdout) >= 1


def test_file_size_limit(sb):
    with create_sandbox(None, backend=sb.backend, limits=SandboxLimits(max_file_mb=1)) as box:
        res = box.exec("head -c 3000000 /dev/zero > big; wc -c < big")
        assert res.stdout.strip() == str(1024 * 1024)       # the write stopped at the limit
        with pytest.raises(SandboxError, match="file size limit of 1 MB"):
            box.write_file("big2", b"0" * 2_000_000)
        box.write_file("small", b"0" * 1000)
