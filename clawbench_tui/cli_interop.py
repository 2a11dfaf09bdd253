"""CLI commands for the public formats: `clawbench import` (ClawGym / PinchBench task sets to task
folders of ours) and `clawbench import-run` (an ATIF trajectory as a stored run). Exporting a run
as ATIF is `clawbench export RUN_ID --format atif`. Thin shells over core.interop."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub, db_parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[db_parent],
                       help="convert ClawGym / PinchBench tasks into task folders of ours, to edit them")
    p.add_argument("path", help="a ClawGym task folder or JSONL file, a PinchBench task_*.md, or a folder of them")
    p.add_argument("--out", required=True, help="folder to write the converted tasks to (one sub-folder per task)")
    p.add_argument("--force", action="store_true", help="replace task folders that exist already")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("import-run", parents=[db_parent],
                       help="store an ATIF v1.4 trajectory (JSON) as a run that replay and show open")
    p.add_argument("file", help="an ATIF trajectory .json file")
    p.add_argument("--json", action="store_true", help="print the new run as JSON")
    p.set_defaults(func=cmd_import_run)


def cmd_import(args) -> int:
    from core.interop import import_tasks

    source = Path(args.path)
    if not source.exists():
        raise ValueError(f"import PATH: {source} does not exist")
    written, errors = import_tasks(source, Path(args.out), force=args.force)
    for folder in written:
        print(f"wrote {folder}")
    for e in errors:
        print(f"skipped: {e}", file=sys.stderr)
    print(f"{len(written)} task(s) converted into {args.out}" + (f", {len(errors)} skipped" if errors else ""))
    return 0 if written and not errors else 1


def cmd_import_run(args) -> int:
    from core.interop.atif import AtifError, import_atif, load_atif_file

    from .cli import open_store

    path = Path(args.file)
    if not path.is_file():
        raise ValueError(f"import-run FILE: {path} is not a file")
    try:
        doc = load_atif_file(path)
    except AtifError as e:
        print(f"clawbench: error: {e}", file=sys.stderr)
        return 1
    store = open_store(args)
    run_id = import_atif(store, doc, origin=str(path.resolve()))
    run = store.get_run(run_id)
    if args.json:
        print(json.dumps(run, indent=2, default=str))
    else:
        print(f"imported run {run_id}: task {run['task_id']}, {run['turns']} agent step(s), score "
              f"{run['score'] if run['score'] is not None else '-'}  (clawbench replay {run_id})")
    return 0
