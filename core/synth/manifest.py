"""The run's manifest (manifest.jsonl, one record per planned item, in item order) and the
statistics `clawbench synth stats` prints from it."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

MANIFEST = "manifest.jsonl"
RUN_FILE = "run.json"


def read_manifest(out: Path) -> list[dict[str, Any]]:
    """Every complete record; a torn last line (the process died mid-write) is dropped."""
    path = Path(out) / MANIFEST
    if not path.is_file():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            break
    return records


def repair_manifest(out: Path, records: list[dict[str, Any]]) -> None:
    """Rewrite the manifest to exactly `records` (drops a torn tail before appending again)."""
    path = Path(out) / MANIFEST
    text = "".join(record_line(r) for r in records)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def record_line(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, separators=(",", ":")) + "\n"


def stats(out: Path) -> dict[str, Any]:
    records = read_manifest(out)
    if not records:
        raise ValueError(f"{Path(out) / MANIFEST}: no manifest records (is {out} a `clawbench synth` output folder?)")
    accepted = [r for r in records if r["status"] == "accepted"]
    rejected = [r for r in records if r["status"] == "rejected"]

    def count(rows, key) -> dict[str, int]:
        c: Counter = Counter()
        for r in rows:
            value = r.get(key)
            for v in (value if isinstance(value, list) else [value]):
                if v is not None:
                    c[v] += 1
        return dict(sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0]))))

    reasons: Counter = Counter(code for r in rejected for code, _ in r.get("reasons", []))
    return {
        "planned": len(records), "accepted": len(accepted), "rejected": len(rejected),
        "acceptance_rate": round(len(accepted) / len(records), 4),
        "domains": count(accepted, "domain"), "difficulties": count(accepted, "difficulty"),
        "capabilities": count(accepted, "capabilities"), "routes": count(accepted, "route"),
        "families": count(accepted, "family"), "file_kinds": count(accepted, "kinds"),
        "traps": count(accepted, "traps"), "skills": count(accepted, "skills"),
        "personas": count(accepted, "persona_id"),
        "rejection_reasons": dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        "rejected_by_family": count(rejected, "family"),
    }


def render_stats(s: dict[str, Any], top: int = 12) -> str:
    lines = [f"planned {s['planned']}   accepted {s['accepted']}   rejected {s['rejected']}   "
             f"acceptance {100 * s['acceptance_rate']:.1f}%"]
    for title, key in (("domains", "domains"), ("difficulty", "difficulties"), ("routes", "routes"),
                       ("capabilities", "capabilities"), ("families", "families"), ("file kinds", "file_kinds"),
                       ("traps", "traps"), ("skills", "skills"), ("personas", "personas"),
                       ("rejection reasons", "rejection_reasons"), ("rejected by family", "rejected_by_family")):
        values = s[key]
        if not values:
            continue
        total = sum(values.values())
        lines.append(f"\n{title}")
        for name, n in list(values.items())[:top]:
            bar = "#" * max(1, round(30 * n / max(values.values())))
            lines.append(f"  {str(name):<28} {n:>7}  {100 * n / total:5.1f}%  {bar}")
        if len(values) > top:
            lines.append(f"  ... {len(values) - top} more")
    return "\n".join(lines)
