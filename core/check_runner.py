"""Runs a task's python checks in one sandbox exec: `python3 -c SRC SPEC_JSON`.

A python check used to be its own `python3 checks/<script>` exec, and interpreter start-up (about
40 ms here, plus the sandbox exec) was most of its cost: a task with seven python checks verified
for the oracle, the null run and six mutants starts 56 interpreters. This runner starts one and
forks a child per check, so each check still runs in its own process (its own globals, exit status,
stdout and stderr, and a kill after its timeout) as if started with `python3 <script> args`.

Stdlib only: this file's source is sent into the sandbox (bwrap or a container) and runs there.
SPEC_JSON: [{"id", "script" (absolute path), "args": [...], "timeout": seconds, "max_output": bytes}].
Prints one JSON list: [{"id", "exit", "stdout", "stderr", "timed_out", "dropped", "duration_s"}].
"""
import json
import os
import runpy
import signal
import sys
import tempfile
import time


def _child(script, code_obj, args, out_fd, err_fd):
    """In the forked child: become `python3 script args` and never return."""
    code = 0
    try:
        os.setpgid(0, 0)                       # its own group, so a timeout kills what it started too
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        sys.argv = [script, *args]
        sys.path[0] = os.path.dirname(script)  # what `python3 script` puts first on the path
        if code_obj is None:
            runpy.run_path(script, run_name="__main__")
        else:   # compiled once in the parent: several checks often share one script
            exec(code_obj, {"__name__": "__main__", "__file__": script, "__builtins__": __builtins__})
    except SystemExit as e:
        if e.code is None:
            code = 0
        elif isinstance(e.code, int):
            code = e.code
        else:                                  # sys.exit("message"): printed, exit status 1
            sys.stderr.write(f"{e.code}\n")
            code = 1
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code & 0xFF)


def _wait(pid, timeout):
    """(exit status, timed out): a blocking wait, with an interval timer that kills the child's
    process group when it runs past `timeout` (polling would add its own latency to every check)."""
    fired = []

    def on_alarm(signum, frame):
        fired.append(True)
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(0.001, timeout))
    try:
        _, status = os.waitpid(pid, 0)   # retried by Python after the handler runs (PEP 475)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return (124, True) if fired else (os.waitstatus_to_exitcode(status), False)


def _read(fd, limit):
    os.lseek(fd, 0, os.SEEK_SET)
    data = b""
    while True:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        data += chunk
    kept = data[:limit]
    return kept.decode("utf-8", errors="replace"), len(data) - len(kept)


def run(specs):
    compiled = {}
    results = []
    for spec in specs:
        started = time.monotonic()
        script = spec["script"]
        if script not in compiled:
            try:
                with open(script, "rb") as f:
                    compiled[script] = compile(f.read(), script, "exec")
            except (OSError, SyntaxError, ValueError):
                compiled[script] = None   # the child reports it, as `python3 script` would
        out_fd, out_path = tempfile.mkstemp(prefix="check-out-")
        err_fd, err_path = tempfile.mkstemp(prefix="check-err-")
        os.unlink(out_path)
        os.unlink(err_path)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(script, compiled[script], [str(a) for a in spec.get("args", [])], out_fd, err_fd)
        code, timed_out = _wait(pid, float(spec.get("timeout", 60)))
        limit = int(spec.get("max_output", 16000))
        stdout, dropped_out = _read(out_fd, limit)
        stderr, dropped_err = _read(err_fd, limit)
        os.close(out_fd)
        os.close(err_fd)
        results.append({"id": spec["id"], "exit": code, "stdout": stdout, "stderr": stderr,
                        "timed_out": timed_out, "dropped": dropped_out + dropped_err,
                        "duration_s": round(time.monotonic() - started, 4)})
    return results


def main(argv):
    sys.stdout.write(json.dumps(run(json.loads(argv[0]))))


if __name__ == "__main__":
    main(sys.argv[1:])
