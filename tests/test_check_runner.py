"""Python checks run in one sandbox exec (core.check_runner forks a process per check): each check
must behave as `python3 checks/<script> args` would, on both backends."""
from __future__ import annotations

import yaml

from core.checks import CheckContext, _python_alone, run_check
from core.task import load_task
from sandbox import create_sandbox

SCRIPTS = {
    "argv.py": "import sys\nprint(sys.argv[1:])\nsys.exit(0 if sys.argv[1:] == ['a', 'b c'] else 5)\n",
    "code.py": "import sys\nsys.exit(int(sys.argv[1]))\n",
    "message.py": "import sys\nsys.exit('the total is wrong')\n",
    "crash.py": "import json\njson.loads('{')\n",
    "broken.py": "def f(:\n",
    "sibling.py": "import helper\nprint(helper.VALUE)\n",
    "helper.py": "VALUE = 'from the checks folder'\n",
    "globals.py": "import sys\nassert 'LEAK' not in globals()\nLEAK = 1\nprint(open('data.txt').read().strip())\n",
    "chatty.py": "import sys\nsys.stdout.write('x' * 100000)\n",
    "verdict.py": 'import json\nprint(json.dumps({"passed": True, "observed": 3, "expected": 3}))\nraise SystemExit(1)\n',
    "slow.py": "import time\ntime.sleep(30)\n",
}
CHECKS = [("argv", "argv.py", ["a", "b c"]), ("exit-3", "code.py", ["3"]), ("exit-0", "code.py", ["0"]),
          ("message", "message.py", []), ("crash", "crash.py", []), ("broken", "broken.py", []),
          ("sibling", "sibling.py", []), ("globals-1", "globals.py", []), ("globals-2", "globals.py", []),
          ("chatty", "chatty.py", []), ("verdict", "verdict.py", []), ("slow", "slow.py", [])]


def _task(tmp_path):
    (tmp_path / "workspace").mkdir()
    (tmp_path / "workspace" / "data.txt").write_text("workspace file\n")
    (tmp_path / "checks").mkdir()
    for name, text in SCRIPTS.items():
        (tmp_path / "checks" / name).write_text(text)
    checks = [{"id": cid, "type": "python", "script": script, "args": args, "description": cid,
               **({"timeout": 1} if cid == "slow" else {})} for cid, script, args in CHECKS]
    (tmp_path / "task.yaml").write_text(yaml.safe_dump({"id": "runner", "title": "runner", "domain": "software",
                                                        "difficulty": "easy", "instruction": "n/a", "checks": checks}))
    return load_task(tmp_path)


def test_batched_checks_behave_like_separate_processes(tmp_path, backend):
    task = _task(tmp_path)
    box = create_sandbox(task.workspace_dir, backend=backend)
    try:
        ctx = CheckContext(task, box)
        results = {c.id: run_check(c, ctx) for c in task.checks}
        batch = ctx.shared["python_batch"]
        assert set(batch) == {c.id for c in task.checks}          # one exec ran them all
        passed = {cid for cid, r in results.items() if r.passed}
        assert passed == {"argv", "exit-0", "sibling", "globals-1", "globals-2", "chatty", "verdict"}
        assert results["exit-3"].observed == "exit 3"
        assert results["message"].message == "the total is wrong" and results["message"].observed == "exit 1"
        assert "JSONDecodeError" in results["crash"].message
        assert "SyntaxError" in results["broken"].message
        assert batch["sibling"]["stdout"].strip() == "from the checks folder"
        assert batch["globals-2"]["stdout"].strip() == "workspace file"   # cwd is the workspace, fresh globals
        assert len(batch["chatty"]["stdout"]) == 16_000 and batch["chatty"]["dropped"] == 84_000
        assert results["verdict"].observed == 3                           # the JSON verdict line wins over the exit
        assert results["slow"].observed == "timed out" and batch["slow"]["duration_s"] < 10
        # the same verdicts as one exec per check, the way checks ran before
        staged = ctx.checks_path()
        for c in task.checks:
            if c.id in ("slow", "chatty"):
                continue
            alone = _python_alone(c, ctx, staged)
            assert (alone["exit"], alone["stdout"].strip()) == (batch[c.id]["exit"], batch[c.id]["stdout"].strip()), c.id
    finally:
        box.destroy()
