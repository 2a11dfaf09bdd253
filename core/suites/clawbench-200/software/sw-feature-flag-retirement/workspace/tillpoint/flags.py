"""Feature flags (docs/flags.md). Rollout is per store: a store is in a flag's rollout when
its bucket (crc32 of "<flag>:<store_id>" mod 100) is below the flag's rollout percentage."""
from __future__ import annotations

import os
import zlib
from pathlib import Path

import yaml

KNOWN_FLAGS = {
    "split_payments": "pay one basket with several tenders (card + cash + voucher)",
    "split_payments_tips": "tips on split payments, added to the card tender",
    "receipt_qr": "QR code linking to the digital receipt",
}

CONFIG = Path(__file__).resolve().parent.parent / "config"


def load_rollouts(environment: str | None = None) -> dict[str, int]:
    environment = environment or os.environ.get("TILLPOINT_ENV", "production")
    with open(CONFIG / "flags.yaml", encoding="utf-8") as fh:
        rollouts = {name: spec["rollout"] for name, spec in yaml.safe_load(fh)["flags"].items()}
    override = CONFIG / f"flags.{environment}.yaml"
    if override.exists():
        with open(override, encoding="utf-8") as fh:
            for name, spec in (yaml.safe_load(fh) or {}).get("flags", {}).items():
                rollouts[name] = spec["rollout"]
    unknown = set(rollouts) - set(KNOWN_FLAGS)
    if unknown:
        raise ValueError(f"unknown flags in config: {sorted(unknown)}")
    return rollouts


def bucket(name: str, store_id: str) -> int:
    return zlib.crc32(f"{name}:{store_id}".encode()) % 100


def enabled(name: str, store_id: str, rollouts: dict[str, int] | None = None) -> bool:
    if name not in KNOWN_FLAGS:
        raise KeyError(f"unknown feature flag {name!r}")
    rollouts = load_rollouts() if rollouts is None else rollouts
    return bucket(name, store_id) < rollouts.get(name, 0)
