"""Tariff files (data/tariffs/<region>.json), see docs/tariffs.md."""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
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


@lru_cache(maxsize=None)
def load_tariff(path: str) -> Tariff:
    """The tariff in `path` (cached, see docs/tariffs.md)."""
    return _parse(json.loads(Path(path).read_text(encoding="utf-8")))


def tariff_for(region: str, tariff_dir: str | Path | None = None) -> Tariff:
    return load_tariff(str(Path(tariff_dir or TARIFF_DIR) / f"{region}.json"))
