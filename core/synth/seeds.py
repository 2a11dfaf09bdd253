"""Deterministic randomness. Every stage of every item gets its own generator derived from
(seed, item index, stage) through SHA-256, so output never depends on process, worker count,
PYTHONHASHSEED or on how many draws another stage made."""
from __future__ import annotations

import hashlib
import random


def derive_seed(*parts: object) -> int:
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def rng_for(*parts: object) -> random.Random:
    return random.Random(derive_seed(*parts))
