"""Checks for sys-compose-secrets-to-env: `compose`, `env`, `example`, `gitignore`."""
import fnmatch
import json
import sys

import yaml

EXPECTED_COMPOSE = {'name': 'radio-web',
 'x-logging': {'driver': 'json-file', 'options': {'max-size': '10m', 'max-file': '3'}},
 'services': {'db': {'image': 'mariadb:11.4',
                     'restart': 'unless-stopped',
                     'environment': {'MARIADB_DATABASE': 'wordpress',
                                     'MARIADB_USER': 'wp',
                                     'MARIADB_PASSWORD': '${DB_MARIADB_PASSWORD}',
                                     'MARIADB_ROOT_PASSWORD': '${DB_MARIADB_ROOT_PASSWORD}',
                                     'TZ': 'Europe/Vienna'},
                     'volumes': ['db-data:/var/lib/mysql'],
                     'healthcheck': {'test': ['CMD',
                                              'healthcheck.sh',
                                              '--connect',
                                              '--innodb_initialized'],
                                     'interval': '30s',
                                     'timeout': '5s',
                                     'retries': 5},
                     'logging': {'driver': 'json-file',
                                 'options': {'max-size': '10m', 'max-file': '3'}}},
              'wordpress': {'image': 'wordpress:6.6-php8.2-apache',
                            'restart': 'unless-stopped',
                            'depends_on': {'db': {'condition': 'service_healthy'}},
                            'environment': {'WORDPRESS_DB_HOST': 'db',
                                            'WORDPRESS_DB_USER': 'wp',
                                            'WORDPRESS_DB_PASSWORD': '${DB_MARIADB_PASSWORD}',
                                            'WORDPRESS_DB_NAME': 'wordpress',
                                            'WORDPRESS_TABLE_PREFIX': 'dw_',
                                            'WORDPRESS_SMTP_PASS': '${WORDPRESS_SMTP_PASS}',
                                            'WORDPRESS_CONFIG_EXTRA': "define('WP_REDIS_HOST', "
                                                                      "'redis');\n"
                                                                      "define('WP_MEMORY_LIMIT', "
                                                                      "'256M');\n"},
                            'volumes': ['wp-content:/var/www/html/wp-content'],
                            'ports': ['127.0.0.1:8080:80'],
                            'logging': {'driver': 'json-file',
                                        'options': {'max-size': '10m', 'max-file': '3'}}},
              'redis': {'image': 'redis:7.2-alpine',
                        'restart': 'unless-stopped',
                        'command': ['redis-server',
                                    '--maxmemory',
                                    '128mb',
                                    '--maxmemory-policy',
                                    'allkeys-lru'],
                        'logging': {'driver': 'json-file',
                                    'options': {'max-size': '10m', 'max-file': '3'}}},
              'icecast': {'image': 'libretime/icecast:2.4.4',
                          'restart': 'unless-stopped',
                          'environment': ['ICECAST_SOURCE_PASSWORD=${ICECAST_SOURCE_PASSWORD}',
                                          'ICECAST_ADMIN_USER=admin',
                                          'ICECAST_ADMIN_PASSWORD=${ICECAST_ADMIN_PASSWORD}',
                                          'ICECAST_RELAY_PASSWORD=${ICECAST_SOURCE_PASSWORD}',
                                          'ICECAST_HOSTNAME=stream.donauwelle-radio.at',
                                          'ICECAST_MAX_CLIENTS=200'],
                          'ports': ['8000:8000'],
                          'logging': {'driver': 'json-file',
                                      'options': {'max-size': '10m', 'max-file': '3'}}},
              'smtp-relay': {'image': 'boky/postfix:v4.3.0',
                             'restart': 'unless-stopped',
                             'environment': {'RELAYHOST': '[smtp.mailbox.org]:587',
                                             'RELAYHOST_USERNAME': 'technik@donauwelle-radio.at',
                                             'RELAYHOST_PASSWORD': '${SMTP_RELAY_RELAYHOST_PASSWORD}',
                                             'ALLOWED_SENDER_DOMAINS': 'donauwelle-radio.at',
                                             'SMTPD_SASL_PASSWORD_FILE': '/run/secrets/sasl_passwd'},
                             'logging': {'driver': 'json-file',
                                         'options': {'max-size': '10m', 'max-file': '3'}}},
              'backup': {'image': 'mazzolino/restic:1.7',
                         'restart': 'unless-stopped',
                         'hostname': 'web01',
                         'environment': {'RESTIC_REPOSITORY': 's3:https://s3.eu-central-003.backblazeb2.com/donauwelle-backup',
                                         'RESTIC_PASSWORD': '${BACKUP_RESTIC_PASSWORD}',
                                         'AWS_ACCESS_KEY_ID': '003a91f7c2e8d4b0000000007',
                                         'AWS_SECRET_ACCESS_KEY': '${BACKUP_AWS_SECRET_ACCESS_KEY}',
                                         'BACKUP_CRON': '0 30 3 * * *',
                                         'RESTIC_FORGET_ARGS': '--keep-daily 7 --keep-weekly 4 '
                                                               '--keep-monthly 6',
                                         'TZ': 'Europe/Vienna'},
                         'volumes': ['db-data:/data/db:ro', 'wp-content:/data/wp-content:ro'],
                         'logging': {'driver': 'json-file',
                                     'options': {'max-size': '10m', 'max-file': '3'}}}},
 'volumes': {'db-data': None, 'wp-content': None}}
EXPECTED_ENV = [
    [
        "BACKUP_AWS_SECRET_ACCESS_KEY",
        "K003mR7vQ+2yTnB8xWc1eJp5hLs9dFa"
    ],
    [
        "BACKUP_RESTIC_PASSWORD",
        "Vt9qX2-backup-Lm44"
    ],
    [
        "DB_MARIADB_PASSWORD",
        "Kq7-vB2pLx9mT4wZ"
    ],
    [
        "DB_MARIADB_ROOT_PASSWORD",
        "r00t-Hx83!mQpz-5Ta"
    ],
    [
        "ICECAST_ADMIN_PASSWORD",
        "Adm1n-ice-7730"
    ],
    [
        "ICECAST_SOURCE_PASSWORD",
        "hackme-Src-2291"
    ],
    [
        "SMTP_RELAY_RELAYHOST_PASSWORD",
        "mbx-Tq44-zzP1-radio"
    ],
    [
        "WORDPRESS_SMTP_PASS",
        "wpMail.2024-Qr8s"
    ]
]
OLD_IGNORE = ["docker-compose.override.yml", "backups/", "*.log"]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def read(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")


def env_lines(path):
    out = []
    for line in read(path).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if "=" not in line:
            verdict(False, line, "NAME=value", f"{path} has a line that is not NAME=value")
        name, value = line.split("=", 1)
        out.append([name.strip(), value])
    return out


what = sys.argv[1]
if what == "compose":
    try:
        doc = yaml.safe_load(read("docker-compose.yml"))
    except yaml.YAMLError as e:
        verdict(False, "invalid YAML", "valid YAML", f"docker-compose.yml no longer parses: {e}")
    if doc == EXPECTED_COMPOSE:
        verdict(True, "as expected", "as expected", "secrets replaced by the right ${NAME}, everything else unchanged")
    services = (doc or {}).get("services", {}) if isinstance(doc, dict) else {}
    for name, want in EXPECTED_COMPOSE["services"].items():
        got = services.get(name)
        if got != want:
            if isinstance(got, dict) and got.get("environment") != want.get("environment"):
                verdict(False, {name: got.get("environment")}, {name: want.get("environment")}, f"the environment of {name} is not as expected (names, reuse, style)")
            verdict(False, {name: got}, {name: want}, f"service {name} changed outside its secret values")
    verdict(False, "document differs", "only secret values replaced", "top-level keys or services were changed")
elif what == "env":
    got = env_lines(".env")
    if got == EXPECTED_ENV:
        verdict(True, [n for n, _ in got], [n for n, _ in EXPECTED_ENV], ".env holds every secret once, sorted")
    if sorted(map(tuple, got)) == sorted(map(tuple, EXPECTED_ENV)):
        verdict(False, [n for n, _ in got], [n for n, _ in EXPECTED_ENV], ".env lines are not sorted by name")
    verdict(False, got, EXPECTED_ENV, ".env does not hold exactly the expected variables and values")
elif what == "example":
    got = env_lines(".env.example")
    want = [[n, ""] for n, _ in EXPECTED_ENV]
    verdict(got == want, got, want, ".env.example must list the same names in the same order with empty values")
elif what == "gitignore":
    lines = [l.strip() for l in read(".gitignore").splitlines() if l.strip() and not l.strip().startswith("#")]
    missing_old = [l for l in OLD_IGNORE if l not in lines]
    if missing_old:
        verdict(False, lines, OLD_IGNORE, "existing ignore rules were removed")
    if not any(l in (".env", "/.env") for l in lines):
        verdict(False, lines, ".env", ".env is not ignored")
    ignoring_example = [l for l in lines if not l.startswith("!") and fnmatch.fnmatch(".env.example", l.lstrip("/"))]
    if ignoring_example:
        verdict(False, ignoring_example, [], ".env.example would be ignored too")
    verdict(True, lines, ".env ignored, .env.example not", "gitignore is right")
verdict(False, what, "compose|env|example|gitignore", "unknown check")
