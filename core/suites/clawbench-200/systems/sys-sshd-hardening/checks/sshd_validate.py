#!/usr/bin/env python3
"""Poor man's `sshd -t` for this repo: validates etc/ssh/sshd_config (with its Include
drop-ins) and prints the effective global settings.

Usage: python3 scripts/check_sshd.py [--effective]

Semantics follow sshd_config(5): keywords are case-insensitive; for most keywords the FIRST
value obtained wins; `Include` is expanded in place (files sorted by name); everything after a
`Match` line belongs to that Match block until the next `Match` line or the end of the file.
"""
import glob
import os
import re
import sys

ROOT = "etc/ssh"
BOOL = {"yes", "no"}
VALUES = {
    "permitrootlogin": {"yes", "no", "prohibit-password", "without-password", "forced-commands-only"},
    "passwordauthentication": BOOL, "pubkeyauthentication": BOOL, "kbdinteractiveauthentication": BOOL,
    "challengeresponseauthentication": BOOL, "usepam": BOOL, "x11forwarding": BOOL, "printmotd": BOOL,
    "permitemptypasswords": BOOL, "allowtcpforwarding": {"yes", "no", "local", "remote", "all"},
    "allowagentforwarding": BOOL, "permittunnel": {"yes", "no", "point-to-point", "ethernet"},
    "loglevel": {"QUIET", "FATAL", "ERROR", "INFO", "VERBOSE", "DEBUG", "DEBUG1", "DEBUG2", "DEBUG3"},
    "syslogfacility": {"DAEMON", "USER", "AUTH", "AUTHPRIV", "LOCAL0", "LOCAL1", "LOCAL2", "LOCAL3", "LOCAL4", "LOCAL5", "LOCAL6", "LOCAL7"},
    "addressfamily": {"any", "inet", "inet6"},
}
NUMERIC = {"port", "maxauthtries", "maxsessions", "clientalivecountmax"}
TIME = {"logingracetime", "clientaliveinterval"}
FREE = {"listenaddress", "hostkey", "acceptenv", "subsystem", "allowgroups", "allowusers", "denyusers",
        "denygroups", "banner", "forcecommand", "authorizedkeysfile", "ciphers", "macs", "kexalgorithms",
        "chrootdirectory", "include", "match", "trustedusercakeys", "maxstartups"}
MATCH_OK = {"passwordauthentication", "pubkeyauthentication", "kbdinteractiveauthentication", "x11forwarding",
            "allowtcpforwarding", "allowagentforwarding", "forcecommand", "permittunnel", "chrootdirectory",
            "permitrootlogin", "maxauthtries", "maxsessions", "banner", "authorizedkeysfile", "allowgroups",
            "allowusers", "denyusers", "denygroups", "loglevel", "permitemptypasswords", "clientaliveinterval",
            "clientalivecountmax", "acceptenv"}


def local(path):
    return os.path.join(ROOT, os.path.relpath(path, "/etc/ssh")) if path.startswith("/etc/ssh") else path


def lines_of(path, seen=()):
    """(file, lineno, keyword, value) with Include expanded in place."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = re.split(r"\s+|=", line, maxsplit=1)
            key, value = parts[0], (parts[1].strip() if len(parts) > 1 else "")
            if key.lower() == "include":
                for inc in sorted(glob.glob(local(value))):
                    if inc not in seen:
                        out += lines_of(inc, seen + (path,))
                continue
            out.append((path, n, key, value))
    return out


def check(entries):
    errors, in_match = [], False
    for path, n, key, value in entries:
        k = key.lower()
        where = f"{path} line {n}"
        if k == "match":
            in_match = True
            continue
        known = k in VALUES or k in NUMERIC or k in TIME or k in FREE
        if not known:
            errors.append(f"{where}: Bad configuration option: {key}")
            continue
        if in_match and k not in MATCH_OK:
            errors.append(f"{where}: Directive '{key}' is not allowed within a Match block")
        if not value:
            errors.append(f"{where}: missing argument for {key}")
        elif k in VALUES and value not in VALUES[k] and value.lower() not in VALUES[k]:
            errors.append(f"{where}: unsupported option \"{value}\" for {key}")
        elif k in NUMERIC and not value.isdigit():
            errors.append(f"{where}: invalid number \"{value}\" for {key}")
        elif k in TIME and not re.fullmatch(r"\d+[smhdw]?", value):
            errors.append(f"{where}: invalid time value \"{value}\" for {key}")
    return errors


def effective(entries):
    eff = {}
    for path, n, key, value in entries:
        if key.lower() == "match":
            break
        eff.setdefault(key.lower(), value)
    return eff


def main():
    entries = lines_of(os.path.join(ROOT, "sshd_config"))
    errors = check(entries)
    for e in errors:
        print(e, file=sys.stderr)
    if "--effective" in sys.argv:
        for k, v in sorted(effective(entries).items()):
            print(f"{k} {v}")
    if errors:
        print(f"{len(errors)} error(s); sshd would refuse to start", file=sys.stderr)
        sys.exit(1)
    print("configuration OK")


if __name__ == "__main__":
    main()
