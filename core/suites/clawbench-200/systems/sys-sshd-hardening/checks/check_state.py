"""Effective sshd settings of etc/ssh/sshd_config (drop-ins included, first value wins, Match
blocks separate), evaluated with the same model as the repo's validator.

Usage: check_state.py root|password|bruteforce|x11|allowgroups|kept
"""
import json
import os
import sys

sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", os.path.dirname(os.path.abspath(__file__))))
import sshd_validate as model  # noqa: E402


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


try:
    entries = model.lines_of(os.path.join(model.ROOT, "sshd_config"))
except FileNotFoundError as e:
    verdict(False, "missing", "etc/ssh/sshd_config", str(e))
eff = model.effective(entries)
blocks, current = [], None
for path, n, key, value in entries:
    if key.lower() == "match":
        current = {"match": value, "settings": {}}
        blocks.append(current)
    elif current is not None:
        current["settings"].setdefault(key.lower(), value)
mode = sys.argv[1]


def want_eff(key, *ok):
    got = eff.get(key)
    if got is None or got.lower() not in [o.lower() for o in ok]:
        verdict(False, {key: got}, {key: ok[0]}, f"effective global {key} is {got!r}")


if mode == "root":
    want_eff("permitrootlogin", "no")
elif mode == "password":
    want_eff("passwordauthentication", "no")
    bad = [b["match"] for b in blocks if b["settings"].get("passwordauthentication", "no").lower() != "no"]
    if bad:
        verdict(False, bad, [], "a Match block still enables password authentication")
elif mode == "bruteforce":
    want_eff("maxauthtries", "3")
    want_eff("logingracetime", "30", "30s")
elif mode == "x11":
    want_eff("x11forwarding", "no")
    bad = [b["match"] for b in blocks if b["settings"].get("x11forwarding", "no").lower() != "no"]
    if bad or any("10.20.0.0/16" in b["match"] for b in blocks):
        verdict(False, [b["match"] for b in blocks], ["User deploy"], "the office-network X11 block must be removed")
elif mode == "allowgroups":
    got = " ".join(eff.get("allowgroups", "").split())
    if got != "ssh-users admins":
        inside = [b["match"] for b in blocks if "allowgroups" in b["settings"]]
        verdict(False, {"global": got, "in_match_blocks": inside}, "ssh-users admins",
                "AllowGroups must be a global directive (before any Match line)")
elif mode == "kept":
    keep = {"port": "22", "listenaddress": "0.0.0.0", "hostkey": "/etc/ssh/ssh_host_ed25519_key",
            "loglevel": "VERBOSE", "syslogfacility": "AUTH", "pubkeyauthentication": "yes",
            "permitemptypasswords": "no", "usepam": "yes", "allowagentforwarding": "yes",
            "allowtcpforwarding": "yes", "printmotd": "no", "clientaliveinterval": "300",
            "clientalivecountmax": "2", "acceptenv": "LANG LC_*", "maxsessions": "10",
            "subsystem": "sftp /usr/lib/openssh/sftp-server", "kbdinteractiveauthentication": "no",
            "authorizedkeysfile": ".ssh/authorized_keys"}
    for k, v in keep.items():
        if " ".join(eff.get(k, "").split()) != v:
            verdict(False, {k: eff.get(k)}, {k: v}, f"{k} was changed")
    keys = [v for p, n, k, v in entries if k.lower() == "hostkey"]
    if keys != ["/etc/ssh/ssh_host_ed25519_key", "/etc/ssh/ssh_host_rsa_key"]:
        verdict(False, keys, ["/etc/ssh/ssh_host_ed25519_key", "/etc/ssh/ssh_host_rsa_key"], "host keys changed")
    deploy = [b for b in blocks if b["match"].split() == ["User", "deploy"]]
    want = {"allowtcpforwarding": "no", "x11forwarding": "no", "forcecommand": "/usr/local/bin/deploy-receive"}
    if len(deploy) != 1 or any(deploy[0]["settings"].get(k) != v for k, v in want.items()):
        verdict(False, [b["settings"] for b in deploy], want, "the deploy user's Match block must keep its forced command and restrictions")
else:
    verdict(False, mode, "a known mode", "bad check argument")
verdict(True, mode, mode, f"{mode} ok")
