"""register.csv: empty intervals filled with the class default, nothing else changed;
intervals.ini unchanged."""
import configparser, csv, io, json, os, sys


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


exp = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(__file__)), "expected.json")))
want = [r for r in csv.reader(io.StringIO(exp["register"])) if r]
try:
    got = [[c.strip() for c in r] for r in csv.reader(open("equipment/register.csv", newline="", encoding="utf-8")) if r]
except FileNotFoundError:
    verdict(False, "missing", "register.csv", "equipment/register.csv was removed")
if got != want:
    diff = [(g, w) for g, w in zip(got, want) if g != w]
    verdict(False, [d[0] for d in diff][:4] or len(got), [d[1] for d in diff][:4] or len(want),
            "register.csv differs from the original with the empty intervals filled in")
ini = configparser.ConfigParser()
try:
    ini.read("equipment/intervals.ini")
    defaults = dict(ini["defaults"])
    lab = dict(ini["lab"])
except Exception as e:  # noqa: BLE001
    verdict(False, str(e), "valid intervals.ini", "intervals.ini no longer parses")
want_def = {"balance": "12", "pipette": "6", "ph_meter": "3", "thermometer": "12", "centrifuge": "12",
            "spectrophotometer": "12", "fume_hood": "12", "oven": "24"}
if defaults != want_def or lab.get("external_provider") != "Calibrix Ltd (contract CX-2291)":
    verdict(False, defaults, want_def, "intervals.ini was changed")
verdict(True, "register filled, ini intact", "register filled, ini intact", "ok")
