"""l10n/app.de.xlf holds exactly the expected units after the November import (mode units),
and l10n/status.json agrees with it (mode status)."""
import json
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter

Q = "{urn:oasis:names:tc:xliff:document:1.2}"
MODE = sys.argv[1] if len(sys.argv) > 1 else "units"
exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json"), encoding="utf-8"))


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


try:
    root = ET.parse("l10n/app.de.xlf").getroot()
except (OSError, ET.ParseError) as e:
    verdict(False, "unparsable", "valid XLIFF", f"l10n/app.de.xlf: {e}")
units = []
for u in root.iter(Q + "trans-unit"):
    t = u.find(Q + "target")
    units.append([u.get("id"), u.find(Q + "source").text, (t.text or "") if t is not None else "", t.get("state") if t is not None else None])
f = root.find(Q + "file")
if f is None or f.get("target-language") != "de" or f.get("source-language") != "en":
    verdict(False, None if f is None else dict(f.attrib), "file en->de", "the <file> element or its languages changed")
if MODE == "units":
    want = exp["units"]
    if [u[0] for u in units] != [u[0] for u in want]:
        verdict(False, [u[0] for u in units], [u[0] for u in want], "trans-units added, removed or reordered")
    for g, e in zip(units, want):
        if g != e:
            verdict(False, g, e, f"unit {e[0]}: source/target/state wrong")
    verdict(True, len(units), len(want), "all units as expected")
try:
    st = json.load(open("l10n/status.json", encoding="utf-8"))
except (OSError, ValueError) as e:
    verdict(False, "unparsable", "valid JSON", f"l10n/status.json: {e}")
counts = Counter(u[3] for u in units)
want_states = {k: counts.get(k, 0) for k in ("final", "translated", "needs-translation")}
if st.get("by_state") != want_states or st.get("total") != len(units):
    verdict(False, {"by_state": st.get("by_state"), "total": st.get("total")}, {"by_state": want_states, "total": len(units)},
            "status.json does not match the XLIFF file")
if st.get("last_import") != "2024-11-12" or st.get("locale") != "de" or st.get("vendor") != "Lingua Nord GmbH" or st.get("file") != "l10n/app.de.xlf":
    verdict(False, st, "last_import 2024-11-12, other keys kept", "status.json metadata wrong")
if set(st) != {"locale", "file", "total", "by_state", "last_import", "vendor"}:
    verdict(False, sorted(st), ["by_state", "file", "last_import", "locale", "total", "vendor"], "status.json keys changed")
verdict(True, want_states, want_states, "status matches the file")
