"""Checks for sys-ansible-user-onboarding: `users` (users.yml), `registry` (uid-registry.csv),
`record` (reports/accounts-2025-09.csv)."""
import csv
import json
import sys

import yaml

EXPECTED_USERS = [{'name': 'amueller',
  'uid': 2001,
  'comment': 'Anna Müller',
  'shell': '/bin/bash',
  'groups': ['devs', 'docker'],
  'ssh_keys': ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDSpZabQNjwCw59K/WCs/miDfDx2nmzNuvGOEKucvGPY anna@thinkpad'],
  'state': 'present'},
 {'name': 'bweber',
  'uid': 2002,
  'comment': 'Bernd Weber',
  'shell': '/bin/bash',
  'groups': ['devs', 'docker', 'sudo-ops'],
  'ssh_keys': [],
  'state': 'absent'},
 {'name': 'cyilmaz',
  'uid': 2003,
  'comment': 'Cem Yılmaz',
  'shell': '/bin/bash',
  'groups': ['devs', 'analysts'],
  'ssh_keys': ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH+TQ7pH2EU0SdYVQzXgRUdse1VdVs1+EjVKnAEYmL5o cem@mbp'],
  'state': 'present'},
 {'name': 'dkowalski',
  'uid': 2004,
  'comment': 'Dorota Kowalski',
  'shell': '/bin/bash',
  'groups': ['support'],
  'ssh_keys': ['ssh-rsa '
               'AAAAB3NzaC1yc2EAAAADAQABAAABgQDjyj/7lpcW5T9kaUYpPRmbo43ojcuVYQnvSTEgb8bkOtJd9rfjNV8MIUEnJj9BSpOAj+xopBxAff1iq4NARPDf7QWMwLM6IFdWPahpjxCaa9QR5tXKv9l7Y4ub8gq4zcIXYLEvU3Z/ZkQmQ1jgH7Sg+d79S4Vtobm6pR/WQM1g4XE9DvdWo0ybW79ijnUcdfXp4twZrD4GxN7eB7bEasDXBAkRPMkHJaE+GA0tQSByrHrkhp+kYGrZ9FTjh7cgwOewlbng9/1N6kgX6+UuzeqmHbuRGYNU5BuJ0Er/lYi5LAgbFlRyMpBPiBSXtDZ/OeglqTGzcMTCk4ITck/yJXK/ymVmuyDZfc7dRL1aB0OKNtFauiG9pNnnfA2Z/gbDtmuE0V5WltmR2V9/riLQrZbBa+YGpozut9LEv/6XPkpMsQWCLOlFVC4DWwYA1nbmr2uTWY8vbWpwWSkv6O+jyFUaxBHiTKh0aWzWL2ulJSA5D6crweWMT8bfbnH6nCT9W7U= '
               'dorota@desk'],
  'state': 'present'},
 {'name': 'ehansen',
  'uid': 2006,
  'comment': 'Erik Hansen',
  'shell': '/bin/bash',
  'groups': ['devs', 'docker'],
  'ssh_keys': ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDiI11GweJoxxhkDRStuLAJZllT9x7gUWie0rZRR4Jm+ erik@x1'],
  'state': 'present'},
 {'name': 'fnguyen',
  'uid': 2007,
  'comment': 'Fiona Nguyen',
  'shell': '/bin/bash',
  'groups': ['devs', 'docker', 'sudo-ops'],
  'ssh_keys': ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG2eA+Kf4wJ7lv1Xeq7qWSX2otaVpBu5q+mBuY5AEsmy fiona@laptop'],
  'state': 'present'},
 {'name': 'gromano',
  'uid': 2008,
  'comment': 'Giulia Romano',
  'shell': '/bin/bash',
  'groups': ['devs', 'analysts'],
  'ssh_keys': ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB69M0Mpd2nqYLLj5Nm+IatkbfEWfFZ3o+vtOvBG/qtN giulia@home',
               'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJjWNZ15NN8i82o/d47VH5qRut6N+LD+4R4L4YYFDC4m giulia@work'],
  'state': 'present'},
 {'name': 'hpetrov',
  'uid': 2010,
  'comment': 'Hristo Petrov',
  'shell': '/bin/bash',
  'groups': ['devs', 'docker'],
  'ssh_keys': ['ssh-rsa '
               'AAAAB3NzaC1yc2EAAAADAQABAAACAQDgy7/uCrotnZ3Gd7JYGM8NaQ66jJzjZH40WE4XekMC2lVMRUhjFwqAcHadbWSgmEivuvQuZ24svvQ4SrPWRA5yBSVn0Z31eYGmY+H/2nJDuLBc15sHRB4ivYr1dJ44z8FaXlIKRMS0fJcpVNYbh3tT80xi3NrBPEIiApb+vgPfF4d6Tr/9yN5Vd2HbwZ3FudOybcSCvdk21prBc3RtlSIWHD35Cc7GzJxbvrEUHr6yafAj/TaqG8Zzawy9r7xZUP5O2Q6mNiPf+aspHHLnBds+2UiXA3M6CpecrmhR4JhyFZGGU1HClAq815VflG8r2fKvcStGPkBYUQRLZ39eY9C41pdv2ZPEl807zK4CWecyXM05O+pFTI/6R0Xy5QCyAtgAw4Kjj6dxsG0oarGJp15kn+0UAmdLK+P+6dPYPE83JbGSH8EhKt7oqKnQgeIPA/74DfR+wEz5LgeYsmOk3za5vdD62lXrZuGPF8GNF/Ct2avXWz1s7c5Kl68meDBFtid/pvF64giOAvX4Utyc81pd0IE6/xiMrNJd1ChzNPZ2vbn+h7VKmvPZ/i6R9iyzYUw45IpEIYplNUibN/ML19Diguj1i4yGF4pxbFApO7nRM95v/WEimI4b1O8GLBBsdzRPOEYE98VNY1UncEHUGUT3rXMTnjpI6xcJH9+IEePEcw== '
               'hristo@dev'],
  'state': 'present'},
 {'name': 'pnowak',
  'uid': 2011,
  'comment': 'Paulina Nowak',
  'shell': '/bin/bash',
  'groups': ['support'],
  'ssh_keys': [],
  'state': 'absent'},
 {'name': 'rsilva',
  'uid': 2012,
  'comment': 'Rui Silva',
  'shell': '/bin/bash',
  'groups': ['devs', 'docker', 'sudo-ops'],
  'ssh_keys': ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILAoRR4/MpwTE2A+GcddZSXa9ZK/8v/creE0zbhRg232 rui@mbp'],
  'state': 'present'},
 {'name': 'svogel',
  'uid': 2014,
  'comment': 'Sabine Vogel',
  'shell': '/bin/bash',
  'groups': ['devs', 'analysts'],
  'ssh_keys': ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM3V0eJ6n3zmBPrrszVGpvdcu/Qsus5G20zMHB9hRaMW sabine@laptop'],
  'state': 'present'},
 {'name': 'jokafor',
  'uid': 2015,
  'comment': 'Jamal Okafor',
  'shell': '/bin/bash',
  'groups': ['devs', 'docker', 'sudo-ops'],
  'ssh_keys': ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBfInyrzUfRo49843/fm4U/VCxoA5FXHYtrw4eqRmHDI jamal.okafor@laptop'],
  'state': 'present'},
 {'name': 'mlin',
  'uid': 2016,
  'comment': 'Mei Lin',
  'shell': '/bin/bash',
  'groups': ['devs', 'docker'],
  'ssh_keys': [],
  'state': 'present'},
 {'name': 'snowak',
  'uid': 2017,
  'comment': 'Sara Nowak',
  'shell': '/bin/bash',
  'groups': ['support'],
  'ssh_keys': ['ssh-rsa '
               'AAAAB3NzaC1yc2EAAAADAQABAAACAQCZxAjJWVLzVb8H9W1QNUtivp7jSch4+N6wA3ZVJAx14FL5A8OJawraDH038uizSXApYARTXf5PYLZMQlOxdUs04SZVC5KEPdlq1JA/9E5RVW5u/8MJHurPCrES2kZmeWv4Z2I+vuoTc/eNgMXx9i4luDVDhdNPju7rfKUuEdm25SWAa2pj8Mnekgbk82mLiuBf8CKWYNcuKgaFt8EE1k+no53qgDcI/30K5sV4TkJgvYuOZjTrdjGu7sw57iO62nDENnXfSYlNxiDMYdabfRcg02rqCFquEOAvPiQ5I5IPvRrS6QKp+AOJePVt3QJ7O3wP/aEhO87lXnc+mHBVicB3hN+az3iLqdhsjGBzDAzEO3bwyD+n3OIs20NefpZMiXdC69OCJoYtPepdzstAy1LhFtftuw1OIbbwt7wUDPzSWCbGGvRp9qBlThxHGnuh8LtWXwP3qytuE9I9Yyy/JacrJqz8akVIS24JbvE8W9KFLQ/jl6ogSu40m957l8Y0gxlq1DeBOG9GQdsLQqvmqeW+2ypHogbSR+D/Y5flXGEkTG8talbihQz5714XcXPz8EnwMRj67ibLTtVVTYJ4ay3bhf9P/giTi9J3kNzK547m+Ub0ThSLQZaAlKi7KN4ZxL9T3mltdlneXeury2gqywWKsLRxd6HKjPEt3Yxrh7q3Bw== '
               'sara@work'],
  'state': 'present'},
 {'name': 'lschulz',
  'uid': 2018,
  'comment': 'Lea Schulz',
  'shell': '/bin/bash',
  'groups': ['devs', 'analysts'],
  'ssh_keys': ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIuUp6g8BLkAf4tGHM8L0ks0o5iYO0DG/6P7KgCYe5HR lea@mbp'],
  'state': 'present'},
 {'name': 'tschulz2',
  'uid': 2019,
  'comment': 'Tomás Schulz',
  'shell': '/bin/bash',
  'groups': ['devs', 'docker'],
  'ssh_keys': ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIKjcoAocOTFdGOnX3lwBDGFB+xR1mlWvbV2wlhBI+9b tomas@thinkpad'],
  'state': 'present'}]
EXPECTED_REGISTRY = [['uid', 'username', 'assigned', 'retired'],
 ['2000', 'svc-ansible', '2021-02-01', ''],
 ['2001', 'amueller', '2021-03-01', ''],
 ['2002', 'bweber', '2021-03-01', '2025-08-29'],
 ['2003', 'cyilmaz', '2021-06-14', ''],
 ['2004', 'dkowalski', '2021-09-01', ''],
 ['2005', 'tschulz', '2021-11-15', '2023-06-30'],
 ['2006', 'ehansen', '2022-01-10', ''],
 ['2007', 'fnguyen', '2022-04-01', ''],
 ['2008', 'gromano', '2022-08-01', ''],
 ['2009', 'lkrause', '2022-10-01', '2024-03-31'],
 ['2010', 'hpetrov', '2023-02-01', ''],
 ['2011', 'pnowak', '2023-05-15', '2025-08-31'],
 ['2012', 'rsilva', '2023-09-01', ''],
 ['2013', 'mbecker', '2024-01-08', '2025-01-31'],
 ['2014', 'svogel', '2024-06-03', ''],
 ['2015', 'jokafor', '2025-09-01', ''],
 ['2016', 'mlin', '2025-09-01', ''],
 ['2017', 'snowak', '2025-09-08', ''],
 ['2018', 'lschulz', '2025-09-15', ''],
 ['2019', 'tschulz2', '2025-09-15', '']]
EXPECTED_RECORD = [['username', 'uid', 'action', 'groups', 'note'],
 ['bweber', '2002', 'removed', 'devs;docker;sudo-ops', ''],
 ['pnowak', '2011', 'removed', 'support', 'matched_by_name'],
 ['jokafor', '2015', 'created', 'devs;docker;sudo-ops', 'key_from_incoming'],
 ['mlin', '2016', 'created', 'devs;docker', 'key_rejected'],
 ['snowak', '2017', 'created', 'support', ''],
 ['lschulz', '2018', 'created', 'devs;analysts', ''],
 ['tschulz2', '2019', 'created', 'devs;docker', 'username_changed']]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, ensure_ascii=False))
    sys.exit(0 if passed else 1)


def rows(path):
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            return [[c.strip() for c in r] for r in csv.reader(fh) if any(c.strip() for c in r)]
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")


what = sys.argv[1]
if what == "users":
    try:
        doc = yaml.safe_load(open("ansible/group_vars/all/users.yml", encoding="utf-8"))
    except FileNotFoundError:
        verdict(False, "missing", "users.yml", "users.yml was deleted")
    except yaml.YAMLError as e:
        verdict(False, "invalid YAML", "valid YAML", str(e))
    if not isinstance(doc, dict) or set(doc) != {"users"} or not isinstance(doc["users"], list):
        verdict(False, type(doc).__name__, "a mapping with only `users`", "users.yml lost its structure")
    got = doc["users"]
    names = [u.get("name") if isinstance(u, dict) else u for u in got]
    want_names = [u["name"] for u in EXPECTED_USERS]
    if names != want_names:
        verdict(False, names, want_names, "entries must be the old ones in place plus the five new accounts appended in uid order")
    for g, w in zip(got, EXPECTED_USERS):
        if g != w:
            diff = {k: g.get(k) for k in set(g) | set(w) if g.get(k) != w.get(k)}
            verdict(False, {w["name"]: diff}, {w["name"]: {k: w.get(k) for k in diff}}, f"the entry of {w['name']} is wrong")
    verdict(True, len(got), len(EXPECTED_USERS), "users.yml has the expected accounts")
elif what == "registry":
    got = rows("ansible/uid-registry.csv")
    if got != EXPECTED_REGISTRY:
        verdict(False, [r for r in got if r not in EXPECTED_REGISTRY], [r for r in EXPECTED_REGISTRY if r not in got], "uid-registry.csv differs from the expected state (appended rows, retired dates)")
    verdict(True, len(got), len(EXPECTED_REGISTRY), "registry updated")
elif what == "record":
    got = rows("reports/accounts-2025-09.csv")
    if got != EXPECTED_RECORD:
        if sorted(got) == sorted(EXPECTED_RECORD):
            verdict(False, [r[0] for r in got], [r[0] for r in EXPECTED_RECORD], "rows are not sorted by uid")
        verdict(False, [r for r in got if r not in EXPECTED_RECORD], [r for r in EXPECTED_RECORD if r not in got], "the change record differs")
    verdict(True, len(got) - 1, len(EXPECTED_RECORD) - 1, "change record correct")
verdict(False, what, "users|registry|record", "unknown check")
