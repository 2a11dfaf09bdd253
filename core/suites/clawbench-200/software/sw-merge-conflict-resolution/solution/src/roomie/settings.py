"""House rules, read from config/defaults.toml (or the file in ROOMIE_CONFIG)."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "config" / "defaults.toml"


@dataclass(frozen=True)
class Settings:
    max_minutes: int = 240
    max_series_weeks: int = 12
    opening: str = "07:00"
    closing: str = "22:00"


def load_settings(path: str | Path | None = None) -> Settings:
    path = Path(path or os.environ.get("ROOMIE_CONFIG") or DEFAULT_CONFIG)
    with open(path, "rb") as fh:
        rules = tomllib.load(fh)["booking"]
    return Settings(
        max_minutes=int(rules["max_minutes"]),
        max_series_weeks=int(rules["max_series_weeks"]),
        opening=rules["opening"],
        closing=rules["closing"],
    )
