"""Food-specific attack rates for outbreak HCHD-OB-2024-017 (Kim-Patel wedding, 14 Sep 2024),
following protocol/case-definition.md. Writes analysis/food_attack_rates.csv and prints the
figures for analysis/summary.md."""
import csv
import statistics
from datetime import datetime, timedelta

import yaml

MEAL = datetime(2024, 9, 14, 19, 30)
WINDOW_END = MEAL + timedelta(hours=72)
FOODS = [f"F{i:02d}" for i in range(1, 10)]


def yes(v):
    return (v or "").strip().lower() in ("y", "yes")


def answered(v):
    return (v or "").strip().lower() in ("y", "yes", "n", "no")


def parse_onset(text):
    text = (text or "").strip()
    for fmt in ("%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"):
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            pass
    return None


guest_ids = {r["guest_id"] for r in csv.DictReader(open("data/guest_list.csv", newline=""))}
menu = {i["code"]: i["name"] for i in yaml.safe_load(open("data/menu.yaml"))["items"]}
rows = list(csv.DictReader(open("data/questionnaire_export.csv", newline="")))

counts = {"rows": len(rows)}
on_list = [r for r in rows if r["guest_id"].strip() in guest_ids]
counts["not_on_list"] = len(rows) - len(on_list)
latest = {}
for r in on_list:
    k = r["guest_id"].strip()
    if k not in latest or r["submitted_at"] > latest[k]["submitted_at"]:
        latest[k] = r
counts["duplicates"] = len(on_list) - len(latest)
attended = [r for r in latest.values() if yes(r["attended"])]
counts["not_attended"] = len(latest) - len(attended)

analysed = []
incubation = []
for r in attended:
    gi = yes(r["diarrhoea"]) or yes(r["vomiting"])
    any_sym = gi or yes(r["nausea"]) or yes(r["abdo_pain"])
    onset = parse_onset(r["onset"])
    if gi and onset is not None and MEAL <= onset <= WINDOW_END:
        analysed.append((r, True))
        incubation.append((onset - MEAL).total_seconds() / 3600)
    elif not any_sym:
        analysed.append((r, False))
counts["not_meeting_definition"] = len(attended) - len(analysed)
cases = [r for r, ill in analysed if ill]
counts["cases"] = len(cases)
counts["non_cases"] = len(analysed) - len(cases)

table = []
for f in FOODS:
    col = "ate_" + f
    ate = [ill for r, ill in analysed if answered(r[col]) and yes(r[col])]
    not_ate = [ill for r, ill in analysed if answered(r[col]) and not yes(r[col])]
    ar1 = 100 * sum(ate) / len(ate)
    ar0 = 100 * sum(not_ate) / len(not_ate)
    table.append({
        "food_code": f, "food": menu[f],
        "ate_total": len(ate), "ate_ill": sum(ate), "ate_attack_rate_pct": f"{ar1:.1f}",
        "not_ate_total": len(not_ate), "not_ate_ill": sum(not_ate), "not_ate_attack_rate_pct": f"{ar0:.1f}",
        "risk_ratio": f"{ar1 / ar0:.2f}", "_rr": ar1 / ar0,
    })
table.sort(key=lambda t: (-t["_rr"], t["food_code"]))
cols = ["food_code", "food", "ate_total", "ate_ill", "ate_attack_rate_pct", "not_ate_total",
        "not_ate_ill", "not_ate_attack_rate_pct", "risk_ratio"]
with open("analysis/food_attack_rates.csv", "w", newline="") as fh:
    w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    w.writerows(table)

lab_pos = set()
for r in csv.DictReader(open("data/lab_results.csv", newline="")):
    if r["result"].strip().lower().startswith("norovirus"):
        lab_pos.add(r["guest_id"].strip())
counts["lab_confirmed"] = len({r["guest_id"] for r in cases} & lab_pos)
counts["attack_rate"] = f"{100 * len(cases) / len(analysed):.1f}"
counts["median_incubation"] = f"{statistics.median(incubation):.1f}"
counts["vehicle"] = f"{table[0]['food_code']} {table[0]['food']}"
for k, v in counts.items():
    print(f"{k}: {v}")
