"""Checks for sys-cron-to-systemd-timers.
`services`, `timers` (OnCalendar compared by the minutes it fires in March-April 2025 against
cron's semantics), `units-only` (exactly the twelve unit files plus the template), `crontab`,
`record` (docs/cron-migration-report01.csv agrees with the timer files)."""
import csv
import datetime
import json
import os
import re
import sys

JOBS = {'sitemap': {'description': 'Rebuild the news sitemap',
             'cron': '*/10 6-22 * * 1-5',
             'exec': '/opt/reports/bin/build_sitemap.py --since 2h',
             'persistent': False},
 'epaper-export': {'description': 'Nightly e-paper PDF export',
                   'cron': '15 2 * * *',
                   'exec': '/opt/reports/bin/epaper_export.sh',
                   'persistent': True},
 'weekly-stats': {'description': 'Weekly traffic statistics',
                  'cron': '30 23 * * 0',
                  'exec': '/opt/reports/bin/weekly_stats.py --label-format "%%G-W%%V" --top 50',
                  'persistent': True},
 'ad-revenue': {'description': 'Monthly ad revenue import',
                'cron': '0 4 1 * *',
                'exec': '/opt/reports/bin/ad_revenue_import.py --month previous',
                'persistent': True},
 'newsletter-kpi': {'description': 'Newsletter KPI mail',
                    'cron': '0 7 1 * 1',
                    'exec': '/opt/reports/bin/newsletter_kpi.py --mail',
                    'persistent': True},
 'paywall-sync': {'description': 'Paywall subscriber sync',
                  'cron': '15 * * * 1-6',
                  'exec': '/opt/reports/bin/paywall_sync.py',
                  'persistent': False}}
EXPECTED_CRONTAB = [
    "# crontab of user \"reporter\" on report01 (crontab -l > cron/report01.crontab)",
    "# Nordkurier digital reporting jobs - owner: data-desk@nordkurier-example.de",
    "MAILTO=ops@nordkurier-example.de",
    "PATH=/usr/local/bin:/usr/bin:/bin",
    "REPORTS_ENV=production",
    "",
    "# job: sitemap - Rebuild the news sitemap",
    "#MIGRATED */10 6-22 * * 1-5 /opt/reports/bin/sitemap_build.py --since 2h >> /var/log/reports/sitemap.log 2>&1",
    "",
    "# job: epaper-export - Nightly e-paper PDF export",
    "#MIGRATED 15 2 * * * flock -n /tmp/epaper.lock /opt/reports/bin/epaper_export.sh",
    "",
    "# job: weekly-stats - Weekly traffic statistics",
    "#MIGRATED 30 23 * * 0 /opt/reports/bin/weekly_stats.py --label-format \"\\%G-W\\%V\" --top 50",
    "",
    "# job: ad-revenue - Monthly ad revenue import",
    "#MIGRATED 0 4 1 * * /opt/reports/bin/ad_revenue_import.py --month previous",
    "",
    "# job: newsletter-kpi - Newsletter KPI mail",
    "#MIGRATED 0 7 1 * 1 /opt/reports/bin/newsletter_kpi.py --mail",
    "",
    "# job: cleanup-tmp - Remove old temp exports (disabled, see REP-88)",
    "#0 5 * * * find /opt/reports/tmp -mtime +7 -delete",
    "",
    "# job: warm-cache - Warm the render cache after boot",
    "@reboot /opt/reports/bin/warm_cache.sh",
    "",
    "# job: paywall-sync - Paywall subscriber sync",
    "#MIGRATED 15 * * * 1-6 /opt/reports/bin/paywall_sync.py >> /var/log/reports/paywall.log 2>&1"
]
ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "REPORTS_ENV": "production"}
START = datetime.datetime(2025, 3, 1)
DAYS = 61
DOW_NAMES = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)


def parse_unit(path):
    """Minimal systemd unit parser: {section: {key: [values]}}; comments and blank lines skipped."""
    out, section = {}, None
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if not line or line.startswith(("#", ";")):
                continue
            if line.startswith("[") and line.endswith("]"):
                section = out.setdefault(line[1:-1], {})
                continue
            if "=" not in line or section is None:
                raise ValueError(f"bad line {line!r}")
            key, value = line.split("=", 1)
            section.setdefault(key.strip(), []).append(value.strip())
    return out


# ---- cron semantics ---------------------------------------------------------------
def cron_field(spec, lo, hi):
    values = set()
    for part in spec.split(","):
        step = 1
        if "/" in part:
            part, step = part.split("/")
            step = int(step)
        if part == "*":
            a, b = lo, hi
        elif "-" in part:
            a, b = map(int, part.split("-"))
        else:
            a = b = int(part)
            if step != 1:
                b = hi
        values.update(range(a, b + 1, step))
    return values


def cron_minutes(schedule):
    m, h, dom, mon, dow = schedule.split()
    M, H, D, MO = cron_field(m, 0, 59), cron_field(h, 0, 23), cron_field(dom, 1, 31), cron_field(mon, 1, 12)
    W = {d % 7 for d in cron_field(dow, 0, 7)}
    fired = set()
    for day in range(DAYS):
        date = START + datetime.timedelta(days=day)
        cron_dow = (date.weekday() + 1) % 7
        if date.month not in MO:
            continue
        if dom != "*" and dow != "*":
            ok = date.day in D or cron_dow in W
        else:
            ok = date.day in D and cron_dow in W
        if not ok:
            continue
        for hh in H:
            for mm in M:
                fired.add(date + datetime.timedelta(hours=hh, minutes=mm))
    return fired


# ---- systemd OnCalendar semantics (the subset used for timers like these) ----------
SHORTHANDS = {
    "minutely": "*-*-* *:*:00", "hourly": "*-*-* *:00:00", "daily": "*-*-* 00:00:00",
    "weekly": "Mon *-*-* 00:00:00", "monthly": "*-*-01 00:00:00", "yearly": "*-01-01 00:00:00",
    "annually": "*-01-01 00:00:00", "quarterly": "*-01,04,07,10-01 00:00:00",
}


def cal_component(spec, lo, hi):
    values = set()
    for part in spec.split(","):
        step = None
        if "/" in part:
            part, step = part.split("/")
            step = int(step)
            if part == "*":
                raise ValueError("systemd does not accept '*/n'; write 'start/n'")
        if part == "*":
            a, b = lo, hi
        elif ".." in part:
            a, b = map(int, part.split(".."))
        else:
            a = b = int(part)
            if step:
                b = hi
        values.update(range(a, b + 1, step or 1))
    return values


def cal_weekdays(spec):
    days = set()
    for part in spec.lower().split(","):
        sep = ".." if ".." in part else ("-" if "-" in part else None)
        if sep:
            a, b = part.split(sep)
            a, b = DOW_NAMES[a[:3]], DOW_NAMES[b[:3]]
            days.update(range(a, b + 1) if a <= b else list(range(a, 7)) + list(range(0, b + 1)))
        else:
            days.add(DOW_NAMES[part[:3]])
    return days


def calendar_minutes(expr):
    expr = SHORTHANDS.get(expr.strip().lower(), expr.strip())
    tokens = expr.split()
    weekdays = set(range(7))
    date_spec, time_spec = "*-*-*", "00:00:00"
    if tokens and re.match(r"^[A-Za-z]", tokens[0]):
        weekdays = cal_weekdays(tokens.pop(0))
    for tok in tokens:
        if ":" in tok:
            time_spec = tok
        else:
            date_spec = tok
    dparts = date_spec.split("-")
    if len(dparts) == 2:
        dparts = ["*"] + dparts
    if len(dparts) != 3:
        raise ValueError(f"cannot read date {date_spec!r}")
    years, months, mdays = cal_component(dparts[0], 1970, 2199), cal_component(dparts[1], 1, 12), cal_component(dparts[2], 1, 31)
    tparts = time_spec.split(":")
    if len(tparts) == 2:
        tparts.append("00")
    if len(tparts) != 3:
        raise ValueError(f"cannot read time {time_spec!r}")
    hours, minutes = cal_component(tparts[0], 0, 23), cal_component(tparts[1], 0, 59)
    seconds = cal_component(tparts[2].split(".")[0], 0, 59)
    if seconds != {0}:
        raise ValueError("timers must fire at second 0")
    fired = set()
    for day in range(DAYS):
        date = START + datetime.timedelta(days=day)
        if date.year in years and date.month in months and date.day in mdays and date.weekday() in weekdays:
            for hh in hours:
                for mm in minutes:
                    fired.add(date + datetime.timedelta(hours=hh, minutes=mm))
    return fired


def norm(s):
    return " ".join(s.split())


def unquote_env(value):
    out = {}
    for item in re.findall(r'"[^"]*"|\S+', value):
        item = item.strip('"')
        if "=" in item:
            k, v = item.split("=", 1)
            out[k] = v
    return out


what = sys.argv[1]
if what == "services":
    for name, job in JOBS.items():
        path = f"systemd/report-{name}.service"
        if not os.path.exists(path):
            verdict(False, "missing", path, f"{path} does not exist")
        try:
            u = parse_unit(path)
        except ValueError as e:
            verdict(False, str(e), "a valid unit", f"{path} does not parse")
        unit, svc = u.get("Unit", {}), u.get("Service", {})
        want = {
            ("Unit", "Description"): [job["description"]],
            ("Unit", "OnFailure"): ["notify-failure@%n.service"],
            ("Service", "Type"): ["oneshot"],
            ("Service", "User"): ["reporter"],
            ("Service", "WorkingDirectory"): ["/opt/reports"],
        }
        for (sec, key), value in want.items():
            if [norm(v) for v in u.get(sec, {}).get(key, [])] != value:
                verdict(False, {path: {key: u.get(sec, {}).get(key)}}, {path: {key: value}}, f"{path}: {key} is wrong")
        env = {}
        for value in svc.get("Environment", []):
            env.update(unquote_env(value))
        if env != ENV:
            verdict(False, {path: env}, {path: ENV}, f"{path}: Environment must carry the crontab's variables except MAILTO")
        if [norm(v) for v in svc.get("ExecStart", [])] != [norm(job["exec"])]:
            verdict(False, {path: svc.get("ExecStart")}, {path: [job["exec"]]}, f"{path}: ExecStart is wrong")
    verdict(True, len(JOBS), len(JOBS), "all six services are right")
elif what == "timers":
    for name, job in JOBS.items():
        path = f"systemd/report-{name}.timer"
        if not os.path.exists(path):
            verdict(False, "missing", path, f"{path} does not exist")
        try:
            u = parse_unit(path)
        except ValueError as e:
            verdict(False, str(e), "a valid unit", f"{path} does not parse")
        timer = u.get("Timer", {})
        if [norm(v) for v in u.get("Unit", {}).get("Description", [])] != [job["description"] + " (timer)"]:
            verdict(False, u.get("Unit", {}).get("Description"), job["description"] + " (timer)", f"{path}: Description is wrong")
        if u.get("Install", {}).get("WantedBy") != ["timers.target"]:
            verdict(False, u.get("Install"), {"WantedBy": ["timers.target"]}, f"{path}: must be wanted by timers.target")
        if timer.get("Unit", [f"report-{name}.service"]) != [f"report-{name}.service"]:
            verdict(False, timer.get("Unit"), f"report-{name}.service", f"{path}: Unit= points elsewhere")
        exprs = timer.get("OnCalendar", [])
        if not exprs:
            verdict(False, None, job["cron"], f"{path}: no OnCalendar=")
        try:
            got = set().union(*(calendar_minutes(e) for e in exprs))
        except (ValueError, KeyError) as e:
            verdict(False, exprs, job["cron"], f"{path}: cannot evaluate OnCalendar ({e})")
        want = cron_minutes(job["cron"])
        if got != want:
            verdict(False, {"OnCalendar": exprs, "extra": len(got - want), "missing": len(want - got)}, job["cron"],
                    f"{path}: fires at other minutes than cron's '{job['cron']}' (checked over March-April 2025)")
        persistent = [v.lower() for v in timer.get("Persistent", [])]
        is_persistent = persistent[-1:] in (["true"], ["yes"], ["1"], ["on"])
        if is_persistent != job["persistent"]:
            verdict(False, {path: timer.get("Persistent")}, {path: "true" if job["persistent"] else "absent"}, f"{path}: Persistent is wrong")
    verdict(True, len(JOBS), len(JOBS), "all six timers fire exactly when cron did")
elif what == "units-only":
    files = sorted(os.listdir("systemd")) if os.path.isdir("systemd") else []
    want = sorted([f"report-{n}.{k}" for n in JOBS for k in ("service", "timer")] + ["notify-failure@.service"])
    verdict(files == want, files, want, "systemd/ must hold exactly the twelve new units and the existing template")
elif what == "crontab":
    try:
        lines = open("cron/report01.crontab", encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        verdict(False, "missing", "cron/report01.crontab", "the crontab was deleted")
    got = [l.rstrip() for l in lines if l.strip()]
    want = [l for l in EXPECTED_CRONTAB if l.strip()]
    if got != want:
        verdict(False, [l for l in got if l not in want], [l for l in want if l not in got], "the crontab must differ only by the #MIGRATED prefix on the six migrated lines")
    verdict(True, len(got), len(want), "crontab updated as the guide says")
elif what == "record":
    path = "docs/cron-migration-report01.csv"
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            header, rows = reader.fieldnames, list(reader)
    except FileNotFoundError:
        verdict(False, "missing", path, "the migration record does not exist")
    if header != ["job", "cron_schedule", "unit", "on_calendar", "persistent"]:
        verdict(False, header, ["job", "cron_schedule", "unit", "on_calendar", "persistent"], "wrong columns")
    if [r["job"] for r in rows] != list(JOBS):
        verdict(False, [r["job"] for r in rows], list(JOBS), "one row per migrated job, in crontab order")
    for r in rows:
        job = JOBS[r["job"]]
        tpath = f"systemd/report-{r['job']}.timer"
        try:
            exprs = parse_unit(tpath).get("Timer", {}).get("OnCalendar", [])
        except (OSError, ValueError):
            exprs = None
        want = {"cron_schedule": job["cron"], "unit": f"report-{r['job']}.timer",
                "on_calendar": " | ".join(exprs or []), "persistent": "yes" if job["persistent"] else "no"}
        got = {k: norm(r[k]) for k in want}
        if got != {k: norm(v) for k, v in want.items()}:
            verdict(False, got, want, f"the row for {r['job']} does not match the job and its timer file")
    verdict(True, len(rows), len(JOBS), "record agrees with the crontab and the timer files")
verdict(False, what, "services|timers|units-only|crontab|record", "unknown check")
