"""Localisation sync checks. Mode (argv[1]):
  de | es | fr - locales/<loc>.json parses and is exactly the expected locale: same nested keys,
                 in en.json order, same translations
  report       - reports/l10n-status-2024-06.csv has the expected rows, and its translated
                 counts agree with the locale files on disk
  config       - config/i18n.toml parses; shipped_locales and last_sync updated, all else unchanged
"""
import csv
import json
import os
import sys
import tomllib

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def pairs(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh, object_pairs_hook=lambda kv: [(k, v) for k, v in kv])


def leaves(tree, prefix=""):
    out = []
    for k, v in tree:
        if isinstance(v, list):
            out += leaves(v, prefix + k + ".")
        else:
            out.append((prefix + k, v))
    return out


mode = sys.argv[1] if len(sys.argv) > 1 else "de"
if mode in ("de", "es", "fr"):
    path = f"locales/{mode}.json"
    want = leaves(pairs(os.path.join(CHECKS, f"expected_{mode}.json")))
    try:
        got = leaves(pairs(path))
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} is gone")
    except json.JSONDecodeError as e:
        verdict(False, "invalid JSON", "valid JSON", f"{path} does not parse: {e}")
    gk, wk = [k for k, _ in got], [k for k, _ in want]
    if sorted(gk) != sorted(wk):
        verdict(False, {"extra": sorted(set(gk) - set(wk)), "missing": sorted(set(wk) - set(gk))}, f"{len(wk)} keys",
                f"{path}: wrong set of keys (obsolete, invalid or empty translations removed, delivery applied)")
    if gk != wk:
        verdict(False, gk[:5], wk[:5], f"{path}: keys must follow en.json's order")
    for (k, g), (_, w) in zip(got, want):
        if g != w:
            verdict(False, {k: g}, {k: w}, f"{path}: translation of {k} differs")
    verdict(True, f"{len(gk)} keys", f"{len(wk)} keys", f"{path} synced")

if mode == "report":
    want = json.load(open(os.path.join(CHECKS, "expected_report.json")))
    path = "reports/l10n-status-2024-06.csv"
    if not os.path.isfile(path):
        verdict(False, "missing", path, f"{path} does not exist")
    rows = [[c.strip() for c in r] for r in csv.reader(open(path, newline="", encoding="utf-8")) if r][1:]
    norm = lambda r: [r[0]] + [int(x) for x in r[1:6]] + [round(float(r[6]), 1)]
    try:
        got = [norm(r) for r in rows]
    except (ValueError, IndexError):
        verdict(False, rows, want, "rows must have a locale, five integers and a percentage")
    exp = [w[:6] + [float(w[6])] for w in want]
    if got != exp:
        verdict(False, got, exp, "report rows differ (sorted by locale)")
    for r in got:
        try:
            n = len(leaves(pairs(f"locales/{r[0]}.json")))
        except (OSError, json.JSONDecodeError):
            n = None
        if n != r[2]:
            verdict(False, {r[0]: r[2]}, {r[0]: n}, f"translated count of {r[0]} disagrees with locales/{r[0]}.json")
    verdict(True, got, exp, "report matches and agrees with the locale files")

if mode == "config":
    try:
        doc = tomllib.load(open("config/i18n.toml", "rb"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        verdict(False, "unparsable", "valid TOML", str(e))
    want = {"app": {"source_locale": "en", "supported_locales": ["de", "es", "fr"], "fallback": "en"},
            "release": {"min_coverage_pct": 90.0, "shipped_locales": ["de", "fr"], "last_sync": "2024-06-14"},
            "vendor": {"name": "LinguaPeak", "contact": "projects@linguapeak.example"}}
    rel = doc.get("release", {})
    if not isinstance(rel.get("last_sync"), str):
        rel["last_sync"] = str(rel.get("last_sync"))
    if doc != want:
        diff = {k: doc.get(k) for k in sorted(set(doc) | set(want)) if doc.get(k) != want.get(k)}
        verdict(False, diff, {k: want.get(k) for k in diff}, "shipped_locales = locales >= 90% (de, fr), last_sync = 2024-06-14, nothing else changed")
    verdict(True, doc["release"], want["release"], "config updated")
verdict(False, mode, "de|es|fr|report|config", "unknown mode")
