"""offsite/plan.md: only the two TBD lines were filled in, everything else is unchanged."""
import json
import sys

PATH = "offsite/plan.md"
KEEP = [
    "# Offsite plan: Lisbon, 12-13 September 2024",
    "Owner: Hannah Okafor · Budget code: DES-OFF-24",
    "- Venue: LX Factory, Sala 3 (both days, 09:00-18:00)",
    "- Dinner: Thursday 12 Sept, Taberna do Largo (needs final numbers and dietary list by 2024-07-19)",
    "- Hotel: Hotel Ribeira, group rate 118 EUR/night, 2 nights (11 and 12 Sept)",
    "1. Day 1 morning: design system roadmap (Amir, Marta)",
    "2. Day 1 afternoon: research readout (Inês, Fatima)",
    "3. Day 2: hands-on workshop, team retro",
    "- Do we need a second room for the workshop? (ask LX Factory)",
    "- Transport from the airport: individual, expense it.",
]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


try:
    lines = [l.rstrip() for l in open(PATH, encoding="utf-8").read().splitlines()]
except FileNotFoundError:
    verdict(False, "missing", PATH, f"{PATH} was deleted")
if any("TBD" in l for l in lines):
    verdict(False, [l for l in lines if "TBD" in l], "no TBD", "the headcount / hotel lines still say TBD")
missing = [k for k in KEEP if k not in lines]
if missing:
    verdict(False, "changed", missing, "other lines of the plan were changed or removed")
if len([l for l in lines if l.strip()]) != len(KEEP) + 2 + 3:
    verdict(False, len([l for l in lines if l.strip()]), len(KEEP) + 5, "lines were added to or removed from the plan")
verdict(True, "only the TBD lines filled in", "only the TBD lines filled in", "plan.md otherwise unchanged")
