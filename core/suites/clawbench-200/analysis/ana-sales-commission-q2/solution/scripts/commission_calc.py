#!/usr/bin/env python3
"""Quarterly commission statements for account executives.

    python3 scripts/commission_calc.py --config config/commission.ini

Reads closed-won deals, quotas, churn notices, the commission lines paid in earlier
quarters and the comp plan named in the config, and writes one statement row per rep.
FY2024 plan: marginal tiers, no credit for deals cancelled in the quarter, clawback of
commission paid on deals that churn within the clawback window.
"""
import argparse
import configparser
import csv
import datetime
from collections import defaultdict

import yaml


def parse_pct(text):
    """'60%', '60', ' 60 % ' -> 60.0; empty -> 100.0 (no split)."""
    text = (text or "").strip().rstrip("%").strip()
    return float(text) if text else 100.0


def load_churn(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return {r["deal_id"]: r["churn_date"] for r in csv.DictReader(fh)}


def load_deals(path, cancelled):
    """Credit per rep: the deal owner gets split_pct of the ARR, the split rep the rest.
    Deals cancelled in the quarter earn no credit."""
    credit = defaultdict(float)
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["deal_id"] in cancelled:
                continue
            arr = float(row["arr_gbp"])
            split = parse_pct(row["split_pct"])
            credit[row["rep_id"]] += arr * split / 100
            if row["split_rep_id"]:
                credit[row["split_rep_id"]] += arr * (100 - split) / 100
    return credit


def marginal_commission(credit, quota, tiers):
    """Each tier's rate applies to the credited ARR inside its attainment band."""
    total = 0.0
    for tier in tiers:
        lo = quota * tier["from_pct"] / 100
        hi = credit if tier.get("to_pct") is None else min(credit, quota * tier["to_pct"] / 100)
        if hi > lo:
            total += (hi - lo) * tier["rate"]
    return total


def retroactive_commission(credit, quota, tiers):
    att = 100.0 * credit / quota
    rate = tiers[0]["rate"]
    for tier in tiers:
        if att >= tier["from_pct"]:
            rate = tier["rate"]
    return credit * rate


def load_clawbacks(paid_path, churn, window_days):
    """Commission paid on deals that churned within the window, per rep (as a positive sum)."""
    clawback = defaultdict(float)
    with open(paid_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["deal_id"] not in churn:
                continue
            closed = datetime.date.fromisoformat(row["close_date"])
            churned = datetime.date.fromisoformat(churn[row["deal_id"]])
            if (churned - closed).days <= window_days:
                clawback[row["rep_id"]] += float(row["commission_gbp"])
    return clawback


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/commission.ini")
    args = ap.parse_args()
    cfg = configparser.ConfigParser()
    cfg.read(args.config, encoding="utf-8")
    plan = yaml.safe_load(open(cfg["plan"]["plan_file"], encoding="utf-8"))
    churn = load_churn(cfg["input"]["churn_notices"])
    with open(cfg["input"]["deals"], newline="", encoding="utf-8") as fh:
        quarter_deals = {r["deal_id"] for r in csv.DictReader(fh)}
    cancelled = set(churn) & quarter_deals if plan.get("cancelled_in_quarter") == "no_credit" else set()
    credit = load_deals(cfg["input"]["deals"], cancelled)
    with open(cfg["input"]["quotas"], newline="", encoding="utf-8") as fh:
        quotas = {r["rep_id"]: float(r["quota_gbp"]) for r in csv.DictReader(fh)}
    claw_cfg = plan.get("clawback")
    clawbacks = {}
    if isinstance(claw_cfg, dict):
        clawbacks = load_clawbacks(cfg["input"]["paid_lines"], {d: c for d, c in churn.items() if d not in quarter_deals},
                                   int(claw_cfg["window_days"]))
    commission_fn = marginal_commission if plan.get("tier_mode") == "marginal" else retroactive_commission

    with open(cfg["output"]["statements"], "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["rep_id", "credited_arr", "quota", "attainment_pct", "tier_commission", "clawback", "total_commission"])
        for rep in sorted(quotas):
            c, q = credit.get(rep, 0.0), quotas[rep]
            att = 100.0 * c / q
            commission = round(commission_fn(c, q, plan["tiers"]), 2)
            clawback = round(-clawbacks.get(rep, 0.0), 2) + 0.0
            w.writerow([rep, f"{c:.2f}", f"{q:.2f}", f"{att:.1f}", f"{commission:.2f}", f"{clawback:.2f}",
                        f"{commission + clawback:.2f}"])
    print("wrote", cfg["output"]["statements"])


if __name__ == "__main__":
    main()
