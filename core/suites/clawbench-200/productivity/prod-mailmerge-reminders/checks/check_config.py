"""config/merge.ini points at the July run and the new export; every other key is unchanged."""
import configparser
import json
import sys

PATH = "config/merge.ini"
WANT = {
    "merge": {"run_date": "2024-07-01", "window_days": "30", "contacts": "data/members_export_2024-07-01.csv",
              "template": "templates/renewal_reminder.txt", "outbox": "outbox",
              "sender": "Quayside Works <members@quaysideworks.example>"},
    "mailer": {"smtp_host": "smtp.quaysideworks.example", "batch_size": "20", "reply_to": "members@quaysideworks.example"},
}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


cfg = configparser.ConfigParser()
try:
    if not cfg.read(PATH, encoding="utf-8"):
        verdict(False, "missing", PATH, f"{PATH} does not exist")
except configparser.Error as e:
    verdict(False, "unparseable", "valid INI", str(e).splitlines()[0])
got = {s: dict(cfg[s]) for s in cfg.sections()}
if sorted(got) != sorted(WANT):
    verdict(False, sorted(got), sorted(WANT), "sections were added or removed")
for section, keys in WANT.items():
    for key, value in keys.items():
        if got[section].get(key) != value:
            verdict(False, {f"{section}.{key}": got[section].get(key)}, {f"{section}.{key}": value}, f"{section}.{key} is wrong")
    extra = sorted(set(got[section]) - set(keys))
    if extra:
        verdict(False, extra, [], f"unexpected keys in [{section}]")
verdict(True, got["merge"]["run_date"], "2024-07-01", "config points at the July run")
