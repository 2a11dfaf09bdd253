"""Settings of the relay, read from config/settings.ini.

    python3 -m mailrelay.config [PATH]    # validate a settings file
"""
from __future__ import annotations

import configparser
import os
import sys
from dataclasses import dataclass, fields

DEFAULT_PATH = "config/settings.ini"


@dataclass(frozen=True)
class ServerSettings:
    host: str = "127.0.0.1"
    port: int = 8025
    workers: int = 2
    debug: bool = False


@dataclass(frozen=True)
class SmtpSettings:
    host: str = "localhost"
    port: int = 587
    username: str = ""
    password: str = ""
    starttls: bool = True
    timeout_seconds: float = 10.0


@dataclass(frozen=True)
class QueueSettings:
    backend: str = "memory"
    url: str = ""
    max_retries: int = 3
    retry_backoff: tuple[int, ...] = (5, 30, 300)


@dataclass(frozen=True)
class LimitsSettings:
    allowed_domains: tuple[str, ...] = ()
    max_recipients: int = 50
    max_message_kb: int = 10240


@dataclass(frozen=True)
class Settings:
    server: ServerSettings
    smtp: SmtpSettings
    queue: QueueSettings
    limits: LimitsSettings


SECTIONS = {"server": ServerSettings, "smtp": SmtpSettings, "queue": QueueSettings, "limits": LimitsSettings}


def _convert(parser: configparser.ConfigParser, section: str, key: str, kind: type, raw: str):
    if kind is bool:
        return parser.getboolean(section, key)
    if kind is int:
        return int(raw)
    if kind is float:
        return float(raw)
    if kind == tuple[int, ...]:
        return tuple(int(x) for x in raw.split(",") if x.strip())
    if kind == tuple[str, ...]:
        return tuple(x.strip() for x in raw.split(",") if x.strip())
    return raw


def load_settings(path: str = DEFAULT_PATH, env: dict[str, str] | None = None) -> Settings:
    """Read the settings file; unknown sections or keys are an error (typos must not pass)."""
    env = os.environ if env is None else env
    parser = configparser.ConfigParser()
    with open(path, encoding="utf-8") as fh:
        parser.read_file(fh)
    unknown = [s for s in parser.sections() if s not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown section(s): {', '.join(unknown)}")
    built = {}
    for name, cls in SECTIONS.items():
        kinds = {f.name: f.type for f in fields(cls)}
        values = {}
        if parser.has_section(name):
            for key in parser[name]:
                if key not in kinds:
                    raise ValueError(f"unknown setting {name}.{key}")
                kind = eval(kinds[key]) if isinstance(kinds[key], str) else kinds[key]  # annotations are strings
                values[key] = _convert(parser, name, key, kind, parser[name][key])
        built[name] = cls(**values)
    if env.get("MAILRELAY_SMTP_PASSWORD"):
        smtp = built["smtp"]
        built["smtp"] = SmtpSettings(**{**{f.name: getattr(smtp, f.name) for f in fields(smtp)},
                                        "password": env["MAILRELAY_SMTP_PASSWORD"]})
    return Settings(**built)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = argv[0] if argv else DEFAULT_PATH
    try:
        s = load_settings(path)
    except (OSError, ValueError) as e:
        print(f"config error: {e}", file=sys.stderr)
        return 1
    print(f"OK: {s.smtp.host}:{s.smtp.port}, {s.server.workers} workers, queue {s.queue.backend}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
