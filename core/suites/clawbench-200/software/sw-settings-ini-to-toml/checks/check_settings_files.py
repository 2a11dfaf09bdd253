"""config/settings.toml and config/settings.example.toml hold exactly the INI files' values,
typed as ADR 0012 says (the % in the password kept literally)."""
import os
import sys
import tomllib

CHECKS = os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, CHECKS)
from _common import verdict  # noqa: E402

WANT = {
    "config/settings.toml": {
        "server": {"host": "0.0.0.0", "port": 8025, "workers": 4, "debug": False},
        "smtp": {"host": "smtp.eu.mailgun.example", "port": 587, "username": "relay@lumen.example",
                 "password": "Zk8%qW2!mP", "starttls": True, "timeout_seconds": 12.5},
        "queue": {"backend": "redis", "url": "redis://cache-1.internal:6379/3", "max_retries": 5, "retry_backoff": [2, 4, 8, 16, 32]},
        "limits": {"allowed_domains": ["lumen.example", "lumen-mail.example"], "max_recipients": 50, "max_message_kb": 10240},
    },
    "config/settings.example.toml": {
        "server": {"host": "127.0.0.1", "port": 8025, "workers": 2, "debug": True},
        "smtp": {"host": "localhost", "port": 1025, "username": "", "password": "CHANGE-ME", "starttls": False, "timeout_seconds": 10.0},
        "queue": {"backend": "memory", "max_retries": 3, "retry_backoff": [5, 30, 300]},
        "limits": {"allowed_domains": ["example.com"], "max_recipients": 50, "max_message_kb": 10240},
    },
}


def typed(v):
    """Compare types too: True != 1, 10 != 10.0 for the float key."""
    if isinstance(v, dict):
        return {k: typed(x) for k, x in v.items()}
    if isinstance(v, list):
        return [typed(x) for x in v]
    return (type(v).__name__, v)


for path, want in WANT.items():
    try:
        got = tomllib.load(open(path, "rb"))
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")
    except tomllib.TOMLDecodeError as e:
        verdict(False, "invalid TOML", "valid TOML", f"{path}: {e}")
    if typed(got) != typed(want):
        for table in sorted(set(got) | set(want)):
            g, w = got.get(table), want.get(table)
            if typed(g) != typed(w):
                if isinstance(g, dict) and isinstance(w, dict):
                    keys = sorted(k for k in set(g) | set(w) if typed(g.get(k)) != typed(w.get(k)))
                    verdict(False, {f"{table}.{k}": g.get(k) for k in keys}, {f"{table}.{k}": w.get(k) for k in keys},
                            f"{path}: wrong value or type")
                verdict(False, {table: g}, {table: w}, f"{path}: table [{table}] differs")
verdict(True, list(WANT), list(WANT), "both TOML files carry the INI values with proper types")
