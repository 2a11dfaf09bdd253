"""Monthly bills, see docs/tariffs.md."""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from .tariffs import Tariff, tariff_for

CENT = Decimal("0.01")


@dataclass
class Bill:
    region: str
    lines: list  # [(label, amount)]
    net: Decimal
    vat: Decimal
    total: Decimal


def energy_charge(kwh: int, tariff: Tariff) -> Decimal:
    """Banded energy price: each kWh is charged at the price of the band it falls in."""
    charge, lower = Decimal(0), 0
    for up_to, price in tariff.bands:
        upper = kwh if up_to is None else min(kwh, up_to)
        if upper > lower:
            charge += (upper - lower) * price
        if up_to is None or kwh <= up_to:
            break
        lower = up_to
    return charge.quantize(CENT, ROUND_HALF_UP)


def default_region() -> str:
    return os.environ.get("TARIFF_REGION", "north")


def monthly_bill(kwh: int, days: int, region: str | None = None, tariff_dir=None, extras=None) -> Bill:
    tariff = tariff_for(region or default_region(), tariff_dir)
    lines = extras if extras is not None else []
    lines.append(("energy", energy_charge(kwh, tariff)))
    lines.append(("standing charge", (tariff.standing_charge_per_day * days).quantize(CENT, ROUND_HALF_UP)))
    net = sum((amount for _, amount in lines), Decimal(0))
    vat = (net * tariff.vat_rate).quantize(CENT, ROUND_HALF_UP)
    return Bill(tariff.region, lines, net, vat, net + vat)


def export_csv(bills: list[tuple[str, Bill]], path: str | Path) -> None:
    """Write `account,region,net,vat,total` rows; creates the parent folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["account", "region", "net", "vat", "total"])
        for account, bill in bills:
            w.writerow([account, bill.region, bill.net, bill.vat, bill.total])
