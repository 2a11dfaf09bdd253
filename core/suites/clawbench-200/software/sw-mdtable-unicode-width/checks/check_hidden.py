"""Hidden cases of docs/rendering.md against the workspace's src/tabulark: widths of wide,
fullwidth, combining and zero-width characters, truncation by columns, and exact renders."""
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
H = json.load(open(os.path.join(CHECKS, "hidden_expected.json"), encoding="utf-8"))
sys.path.insert(0, os.path.abspath("src"))
sys.dont_write_bytecode = True


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


try:
    import tabulark
    from tabulark import display_width, render, truncate
except Exception as e:
    verdict(False, f"{type(e).__name__}: {e}", "importable", "tabulark does not import")
bad = []
try:
    for s, want in H["w"].items():
        got = display_width(s)
        if got != want:
            bad.append(f"display_width({s!r}) = {got}, expected {want}")
    for s, n, want in H["t"]:
        got = truncate(s, n)
        if got != want:
            bad.append(f"truncate({s!r}, {n}) = {got!r}, expected {want!r}")
    for rows, headers, style, mcw, want in H["r"]:
        got = render(rows, headers, style=style, max_col_width=mcw)
        if got != want:
            bad.append(f"render({headers}, {style}, {mcw}) differs: {got!r}")
except Exception as e:
    bad.append(f"{type(e).__name__}: {e}")
verdict(not bad, bad[:6] or "all hidden cases pass", "all hidden cases pass", f"{len(bad)} hidden case(s) fail" if bad else "ok")
