"""Catalog checks after the sync.

    check_catalogs.py content LANG...   parsed catalog equals the expected one, keys in en.json order
    check_catalogs.py layout            every catalog is 2-space JSON, non-ASCII as is, final newline
    check_catalogs.py report            the sync report's translated/missing match the final catalogs
"""
import csv
import json
import os
import sys

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
EXP = json.load(open(os.path.join(CHECKS, "expected_catalogs.json"), encoding="utf-8"))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def load(lang):
    with open(f"locales/{lang}.json", encoding="utf-8") as fh:
        return fh.read()


mode = sys.argv[1]
try:
    if mode == "content":
        for lang in sys.argv[2:]:
            got = json.loads(load(lang))
            want = EXP[lang]
            if got != want:
                diff = {k: got.get(k, "<absent>") for k in sorted(set(got) | set(want)) if got.get(k, "<absent>") != want.get(k, "<absent>")}
                verdict(False, dict(list(diff.items())[:6]), {k: want.get(k, "<absent>") for k in list(diff)[:6]}, f"locales/{lang}.json has {len(diff)} wrong key(s)")
            if list(got) != list(want):
                verdict(False, list(got)[:8], list(want)[:8], f"locales/{lang}.json keys are not in en.json order")
        verdict(True, sys.argv[2:], sys.argv[2:], "catalog contents as expected")
    if mode == "layout":
        bad = []
        for lang in ("en", "de", "es", "fr"):
            text = load(lang)
            if text != json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n":
                bad.append(lang)
        verdict(not bad, bad or "all formatted", "2-space JSON, raw UTF-8, final newline", "layout ok" if not bad else f"badly formatted: {bad}")
    if mode == "report":
        rows = {r["lang"]: r for r in csv.DictReader(open("reports/i18n-sync-2024-07-08.csv", newline="", encoding="utf-8"))}
        problems = []
        for lang in ("de", "es", "fr"):
            cat = json.loads(load(lang))
            want = {"translated": sum(v is not None for v in cat.values()), "missing": sum(v is None for v in cat.values())}
            got = {k: int(rows[lang][k]) for k in want}
            if got != want:
                problems.append({lang: {"report": got, "catalog": want}})
        verdict(not problems, problems or "consistent", "report = catalogs", "report matches the catalogs" if not problems else "report disagrees with the catalogs")
except (FileNotFoundError, KeyError, ValueError) as e:
    verdict(False, repr(e), "files present and valid", "missing or invalid file")
