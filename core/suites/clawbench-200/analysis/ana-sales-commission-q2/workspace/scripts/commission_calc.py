#!/usr/bin/env python3
"""Quarterly commission statements for account executives.

    python3 scripts/commission_calc.py --config config/commission.ini

Reads closed-won deals, quotas and the comp plan named in the config and writes one
statement row per rep. Written for the FY2023 plan (J. Marsh, Sales Ops, 2023-02).
"""
import argparse
import configparser
import csv
from collections import defaultdict

import yaml


def load_deals(path):
    """Credit per rep: the deal owner gets split_pct of the ARR, the split rep the rest."""
    credit = defaultdict(float)
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            arr = float(row["arr_gbp"])
            split = float(row["split_pct"]) if row["split_pct"] else 100.0
            credit[row["rep_id"]] += arr * split / 100
            if row["split_rep_id"]:
                credit[row["split_rep_id"]] += arr * (100 - split) / 100
    return credit


def rate_for(attainment_pct, tiers):
    """Rate of the tier the final attainment falls in (applied to all credited ARR)."""
    rate = tiers[0]["rate"]
    for tier in tiers:
        if attainment_pct >= tier["from_pct"]:
            rate = tier["rate"]
    return rate


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/commission.ini")
    args = ap.parse_args()
    cfg = configparser.ConfigParser()
    cfg.read(args.config, encoding="utf-8")
    plan = yaml.safe_load(open(cfg["plan"]["plan_file"], encoding="utf-8"))
    credit = load_deals(cfg["input"]["deals"])
    with open(cfg["input"]["quotas"], newline="", encoding="utf-8") as fh:
        quotas = {r["rep_id"]: float(r["quota_gbp"]) for r in csv.DictReader(fh)}

    with open(cfg["output"]["statements"], "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["rep_id", "credited_arr", "quota", "attainment_pct", "tier_commission", "clawback", "total_commission"])
        for rep in sorted(quotas):
            c, q = credit.get(rep, 0.0), quotas[rep]
            att = 100.0 * c / q
            commission = round(c * rate_for(att, plan["tiers"]), 2)
            clawback = 0.0
            w.writerow([rep, f"{c:.2f}", f"{q:.2f}", f"{att:.1f}", f"{commission:.2f}", f"{clawback:.2f}",
                        f"{commission + clawback:.2f}"])
    print("wrote", cfg["output"]["statements"])


if __name__ == "__main__":
    main()
