"""Duplicate detection for the quality gate.

- Exact: the normalised instruction (case and whitespace folded) plus a fingerprint of every
  workspace file; two tasks with the same key ask the same thing of the same files.
- Near: a one-permutation MinHash over shingles (instruction word 3-grams with digits folded, so
  "same task, other month" collides; file paths, and pairs of consecutive workspace lines as they are)
  and LSH banding,
  so each new task is compared only with the few earlier tasks that share a band. A pair whose
  estimated Jaccard similarity reaches the threshold is a near-duplicate.

Signatures are computed where the draft is generated (the workers); the index lives in the
process that decides, in item order, so the outcome never depends on scheduling.
"""
from __future__ import annotations

import base64
import hashlib
import re
import struct
from dataclasses import dataclass

SLOTS = 64            # signature length
BANDS = 16            # LSH bands of SLOTS // BANDS rows each
NEAR_THRESHOLD = 0.8
_MASK32 = 0xFFFFFFFF
_WS = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


def normalise_instruction(text: str) -> str:
    return _WS.sub(" ", text.strip().lower())


def _raw(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode()


def exact_key(instruction: str, files: dict[str, str | bytes]) -> str:
    h = hashlib.sha256(normalise_instruction(instruction).encode())
    for path in sorted(files):
        h.update(b"\0" + path.encode() + b"\0" + hashlib.sha256(_raw(files[path])).digest())
    return h.hexdigest()[:32]


def shingles(instruction: str, files: dict[str, str | bytes]) -> set[bytes]:
    words = _DIGITS.sub("0", normalise_instruction(instruction)).split(" ")
    out = {("i:" + " ".join(words[i:i + 3])).encode() for i in range(max(1, len(words) - 2))}
    for path, text in files.items():
        out.add(("p:" + _DIGITS.sub("0", path)).encode())
        if isinstance(text, bytes):   # an archive or a git object: equal or not, nothing finer
            out.add(b"b:" + hashlib.sha256(text).digest())
            continue
        # pairs of consecutive lines: single lines of structured files ("start: 09:30") recur across
        # unrelated tasks, pairs much less so, while a copied file still shares nearly all of them
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        for i in range(max(1, len(lines) - 1)):
            out.add(("l:" + "\n".join(lines[i:i + 2])).encode())
    return out


def signature(items: set[bytes]) -> tuple[int, ...]:
    """One-permutation hashing: each shingle hashed once, binned by its top bits, the minimum kept
    per bin; empty bins borrow from the next full one (rotation densification)."""
    bins = [None] * SLOTS
    shift = 64 - (SLOTS.bit_length() - 1)
    for item in items:
        h = int.from_bytes(hashlib.blake2b(item, digest_size=8).digest(), "big")
        b, v = h >> shift, h & _MASK32
        if bins[b] is None or v < bins[b]:
            bins[b] = v
    if all(v is None for v in bins):
        return tuple([0] * SLOTS)
    out = []
    for i in range(SLOTS):
        j, hops = i, 0
        while bins[j] is None:
            j, hops = (j + 1) % SLOTS, hops + 1
        out.append((bins[j] + hops * 0x9E3779B1) & _MASK32)
    return tuple(out)


def encode_signature(sig: tuple[int, ...]) -> str:
    return base64.b64encode(struct.pack(f">{SLOTS}I", *sig)).decode()


def decode_signature(text: str) -> tuple[int, ...]:
    return struct.unpack(f">{SLOTS}I", base64.b64decode(text))


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    return sum(x == y for x, y in zip(a, b)) / SLOTS


@dataclass
class Fingerprint:
    key: str
    signature: tuple[int, ...]

    @classmethod
    def of(cls, instruction: str, files: dict[str, str | bytes]) -> "Fingerprint":
        return cls(exact_key(instruction, files), signature(shingles(instruction, files)))

    def to_dict(self) -> dict[str, str]:
        return {"key": self.key, "minhash": encode_signature(self.signature)}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> "Fingerprint":
        return cls(data["key"], decode_signature(data["minhash"]))


class DuplicateIndex:
    """The accepted tasks so far; `check` says whether a new one duplicates any of them."""

    def __init__(self, threshold: float = NEAR_THRESHOLD):
        self.threshold = threshold
        self.keys: dict[str, str] = {}
        self.bands: dict[tuple[int, tuple[int, ...]], list[str]] = {}
        self.signatures: dict[str, tuple[int, ...]] = {}

    def _band_keys(self, sig: tuple[int, ...]):
        rows = SLOTS // BANDS
        return [(b, sig[b * rows:(b + 1) * rows]) for b in range(BANDS)]

    def check(self, fp: Fingerprint) -> tuple[str, str, float] | None:
        """(kind, other task id, similarity) for a duplicate, else None."""
        if fp.key in self.keys:
            return "duplicate", self.keys[fp.key], 1.0
        best: tuple[float, str] | None = None
        seen: set[str] = set()
        for band in self._band_keys(fp.signature):
            for other in self.bands.get(band, ()):
                if other in seen:
                    continue
                seen.add(other)
                sim = similarity(fp.signature, self.signatures[other])
                if sim >= self.threshold and (best is None or sim > best[0]):
                    best = (sim, other)
        return ("near-duplicate", best[1], best[0]) if best else None

    def add(self, task_id: str, fp: Fingerprint) -> None:
        self.keys.setdefault(fp.key, task_id)
        self.signatures[task_id] = fp.signature
        for band in self._band_keys(fp.signature):
            self.bands.setdefault(band, []).append(task_id)

    def __len__(self) -> int:
        return len(self.signatures)
