"""Resolve shipyard's settings from defaults, shipyard.toml, SHIPYARD_* variables and the
command line (rules: docs/configuration.md)."""
import argparse
import os
import tomllib
from dataclasses import dataclass, field

DEFAULTS = {"target": None, "region": "eu-central", "parallel": 4, "dry_run": False,
            "exclude": [".git/**"], "cache_max_age": 3600}
TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


@dataclass
class Settings:
    target: str | None = None
    region: str = "eu-central"
    parallel: int = 4
    dry_run: bool = False
    exclude: list = field(default_factory=lambda: [".git/**"])
    cache_max_age: int = 3600
    sources: dict = field(default_factory=dict)


def parse_bool(text):
    value = text.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ValueError(f"not a boolean: {text!r}")


def parse_list(text):
    return [item.strip() for item in text.split(",") if item.strip()]


def build_parser():
    p = argparse.ArgumentParser(prog="shipyard")
    p.add_argument("command", choices=["deploy", "config"])
    p.add_argument("--config", help="path to the config file (default: ./shipyard.toml)")
    p.add_argument("--target")
    p.add_argument("--region")
    p.add_argument("--parallel", type=int)
    p.add_argument("--dry-run", dest="dry_run", action="store_true", default=None)
    p.add_argument("--no-dry-run", dest="dry_run", action="store_false")
    p.add_argument("--exclude", action="append", help="extra exclude glob (repeatable)")
    p.add_argument("--cache-max-age", type=int)
    p.add_argument("--explain", action="store_true", help="config: show where each value comes from")
    return p


def from_file(args, environ, cwd):
    path = args.config or environ.get("SHIPYARD_CONFIG")
    explicit = path is not None
    path = os.path.join(cwd, path or "shipyard.toml")
    if not os.path.exists(path):
        if explicit:
            raise FileNotFoundError(f"config file not found: {path}")
        return {}
    with open(path, "rb") as fh:
        data = tomllib.load(fh).get("deploy", {})
    return {k: v for k, v in data.items() if k in DEFAULTS}


def from_env(environ):
    out = {}
    conv = {"target": str, "region": str, "parallel": int, "dry_run": parse_bool, "exclude": parse_list,
            "cache_max_age": int}
    for name, fn in conv.items():
        var = "SHIPYARD_" + name.upper()
        if var in environ:
            out[name] = fn(environ[var])
    return out


def resolve(argv, environ=None, cwd=None):
    environ = os.environ if environ is None else environ
    cwd = os.getcwd() if cwd is None else cwd
    args = build_parser().parse_args(argv)
    values = dict(DEFAULTS)
    sources = {k: "default" for k in DEFAULTS}
    for layer, name in ((from_file(args, environ, cwd), "file"), (from_env(environ), "env")):
        for key, value in layer.items():
            values[key] = list(value) if key == "exclude" else value
            sources[key] = name
    for key in ("target", "region", "parallel", "dry_run", "cache_max_age"):
        value = getattr(args, key)
        if value is not None:
            values[key], sources[key] = value, "cli"
    if args.exclude:
        merged = list(values["exclude"])
        for glob in args.exclude:
            if glob not in merged:
                merged.append(glob)
        values["exclude"], sources["exclude"] = merged, "cli"
    settings = Settings(**{k: (list(v) if isinstance(v, list) else v) for k, v in values.items()}, sources=sources)
    return args, settings
