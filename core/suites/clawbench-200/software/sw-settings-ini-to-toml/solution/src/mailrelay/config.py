"""Settings of the relay, read from config/settings.toml (ADR 0012).

    python3 -m mailrelay.config [PATH]    # validate a settings file
"""
from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, fields

DEFAULT_PATH = "config/settings.toml"


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


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _convert(where: str, kind: str, value):
    """Check a TOML value against the field's annotation and convert it to the field's type."""
    if kind == "bool" and isinstance(value, bool):
        return value
    if kind == "int" and _is_int(value):
        return value
    if kind == "float" and (_is_int(value) or isinstance(value, float)):
        return float(value)
    if kind == "str" and isinstance(value, str):
        return value
    if kind == "tuple[int, ...]" and isinstance(value, list) and all(_is_int(v) for v in value):
        return tuple(value)
    if kind == "tuple[str, ...]" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{where} must be {kind}, got {value!r}")


def load_settings(path: str = DEFAULT_PATH, env: dict[str, str] | None = None) -> Settings:
    """Read the settings file; unknown tables or keys and wrongly typed values are errors."""
    env = os.environ if env is None else env
    with open(path, "rb") as fh:
        doc = tomllib.load(fh)  # TOMLDecodeError is a ValueError
    unknown = [t for t in doc if t not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown section(s): {', '.join(unknown)}")
    built = {}
    for name, cls in SECTIONS.items():
        table = doc.get(name, {})
        if not isinstance(table, dict):
            raise ValueError(f"{name} must be a table")
        kinds = {f.name: f.type for f in fields(cls)}
        values = {}
        for key, value in table.items():
            if key not in kinds:
                raise ValueError(f"unknown setting {name}.{key}")
            values[key] = _convert(f"{name}.{key}", kinds[key], value)
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
