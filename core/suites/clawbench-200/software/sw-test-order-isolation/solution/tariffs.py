"""Tariff files (data/tariffs/<region>.json), see docs/tariffs.md."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

TARIFF_DIR = Path(__file__).resolve().parent.parent / "data" / "tariffs"


@dataclass(frozen=True)
class Tariff:
    region: str
    standing_charge_per_day: Decimal
    bands: tuple  # ((up_to_kwh or None, price_per_kwh), ...), cheapest band first
    vat_rate: Decimal


def _parse(raw: dict) -> Tariff:
    bands = tuple((b.get("up_to_kwh"), Decimal(str(b["price_per_kwh"]))) for b in raw["bands"])
    return Tariff(raw["region"], Decimal(str(raw["standing_charge_per_day"])), bands, Decimal(str(raw["vat_rate"])))


# path -> (mtime_ns, size, Tariff); an entry is only used while the file is unchanged
_cache: dict[str, tuple[int, int, Tariff]] = {}


def load_tariff(path: str) -> Tariff:
    """The tariff in `path` (cached; re-read when the file's mtime or size changed)."""
    key = str(path)
    st = os.stat(key)
    hit = _cache.get(key)
    if hit and hit[0] == st.st_mtime_ns and hit[1] == st.st_size:
        return hit[2]
    tariff = _parse(json.loads(Path(key).read_text(encoding="utf-8")))
    _cache[key] = (st.st_mtime_ns, st.st_size, tariff)
    return tariff


def tariff_for(region: str, tariff_dir: str | Path | None = None) -> Tariff:
    return load_tariff(str(Path(tariff_dir or TARIFF_DIR) / f"{region}.json"))
