"""Systems & automation families: logs, cron, configuration, retention, archives."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter

import yaml

from .. import vocab
from ..build import VerificationBuilder
from ..model import TaskPlan, Workspace
from ..writer import dump_yaml
from .base import Family, GenContext, difficulty_for

_re = re.escape


def _day(rng, year: int = 2024) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(20, 340))


# ------------------------------------------------------------------ log incident report

ACCESS_RE = re.compile(r'^(\S+) \S+ \S+ \[([^\]]+)\] "(\S+) (\S+) [^"]*" (\d{3}) (\d+|-) ([0-9.]+)$')


class LogIncident(Family):
    name = "log-incident"
    domain = "systems"
    intents = ("monitoring", "report-generation")
    skills = ("log-grep-count", "json-write")
    optional_skills = ("log-parse-access", "log-parse-jsonl", "markdown-report")
    summary = "Summarise one day of web access or JSON application logs into an incident report, skipping truncated lines and rotated files."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        jsonl, access = ctx.uses("log-parse-jsonl"), ctx.uses("log-parse-access")
        fmt = "jsonl" if jsonl and not access else "access" if access and not jsonl else rng.choice(("jsonl", "access"))
        day = _day(rng)
        host = f"{rng.choice(vocab.HOST_PREFIXES)}-{rng.randint(1, 9)}"
        log = f"logs/{host}/{'access.log' if fmt == 'access' else 'app.jsonl'}"
        out = f"reports/incident-{day.isoformat()}.json"
        asks = rng.sample(("top", "threshold", "slow"), 2)
        threshold = rng.choice((8, 10, 12, 15))
        slow = rng.choice((1.0, 1.5, 2.0)) if fmt == "access" else rng.choice((800, 1000, 1500))
        lines = [f"- `date`: `\"{day.isoformat()}\"`"]
        if fmt == "access":
            lines += ["- `total_requests`: the number of complete request lines",
                      "- `status_counts`: an object with integer keys `\"2xx\"`, `\"3xx\"`, `\"4xx\"`, `\"5xx\"`"]
            if "top" in asks:
                lines.append("- `top_error_path`: the path (without query string) with the most 5xx responses, and "
                             "`top_error_path_hits`: that number")
            if "threshold" in asks:
                lines.append(f"- `suspicious_ips`: client IPs with more than {threshold} responses of status 401, "
                             f"403 or 429, sorted ascending")
            if "slow" in asks:
                lines.append(f"- `slow_requests`: the number of requests whose response time (the last field, in "
                             f"seconds) is greater than {slow}")
            skip = "Truncated lines are not requests; skip them."
        else:
            lines += [f"- `total_events`: the number of valid events dated {day.isoformat()}",
                      "- `level_counts`: an object with integer keys `\"INFO\"`, `\"WARN\"`, `\"ERROR\"`"]
            if "top" in asks:
                lines.append("- `top_error_service`: the service with the most ERROR events, and "
                             "`top_error_service_events`: that number")
            if "threshold" in asks:
                lines.append(f"- `noisy_services`: services with more than {threshold} WARN or ERROR events, sorted")
            if "slow" in asks:
                lines.append(f"- `slow_events`: the number of events with `latency_ms` greater than {slow}")
            skip = (f"Lines that are not valid JSON objects are not events; skip them. The file also holds events "
                    f"from the evening before; count only {day.isoformat()}.")
        report = f"reports/incident-{day.isoformat()}.md" if ctx.uses("markdown-report") else None
        text = (f"Write the incident report for {day.isoformat()} from `{log}` (ignore the rotated "
                f"`{log}.1`, which is the previous day).\n\n`{out}` must be a JSON object with exactly these keys:\n"
                + "\n".join(lines) + f"\n\n{skip}\n")
        if report:
            text += (f"\nAlso write `{report}`, a short note for the on-call channel whose first line is "
                     f"`# Incident {day.isoformat()}` and which states the total on a line `Total: <number>`.\n")
        return TaskPlan(
            title=f"Incident report for {host} on {day.isoformat()}", domain=self.domain,
            difficulty=difficulty_for(2 + bool(report) + (fmt == "jsonl")),
            capabilities=("file-state", "fine-grained", "error-recovery") + (("cross-file",) if report else ()),
            instruction=text, intent=rng.choice(self.intents), expected_artifacts=tuple(x for x in (out, report) if x),
            params={"fmt": fmt, "day": day, "log": log, "out": out, "asks": asks, "threshold": threshold,
                    "slow": slow, "report": report, "host": host})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        day = p["day"]
        make = self._access_lines if p["fmt"] == "access" else self._jsonl_lines
        current = make(rng, day, rng.randint(120, 260), p)
        previous = make(rng, day - dt.timedelta(days=1), rng.randint(40, 90), p)
        for _ in range(rng.randint(1, 3)):   # truncated writes
            i = rng.randrange(len(current))
            current[i] = current[i][: rng.randint(12, max(13, len(current[i]) // 2))]
        if p["fmt"] == "jsonl":   # the file starts with the evening before
            current = make(rng, day - dt.timedelta(days=1), rng.randint(5, 15), p, evening=True) + current
        if "top" in p["asks"]:
            self._break_tie(current, p)
        files = {p["log"]: "\n".join(current) + "\n", p["log"] + ".1": "\n".join(previous) + "\n",
                 "runbook.md": f"# On-call runbook ({p['host']})\n\nIncident reports go to `reports/`, one JSON per "
                               f"day. Logs rotate at midnight; `.1` is yesterday.\n"}
        return Workspace(files=files, traps=("truncated-lines", "rotated-log") +
                         (("events-from-previous-day",) if p["fmt"] == "jsonl" else ()))

    def _break_tie(self, lines: list[str], p: dict) -> None:
        """Make the asked-for "top" unique: repeat a line of the leader until it leads alone."""
        while True:
            ranked = _top_errors("\n".join(lines), p)
            if not ranked:
                pick = next(l for l in lines if (ACCESS_RE.match(l) if p["fmt"] == "access" else l.startswith("{")))
                lines.append(_as_error(pick, p))
                continue
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                return
            lines.append(next(l for l in reversed(lines) if _error_key(l, p) == ranked[0][0]))

    def _access_lines(self, rng, day: dt.date, n: int, p: dict, evening: bool = False) -> list[str]:
        ips = [f"{rng.choice((10, 172, 192, 198, 203))}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
               for _ in range(rng.randint(8, 14))]
        hot = ips[:2]
        paths = rng.sample(vocab.LOG_PATHS, 7)
        out = []
        for i in range(n):
            ip = rng.choice(hot) if rng.random() < 0.35 else rng.choice(ips)
            status = rng.choices((200, 201, 204, 301, 304, 400, 401, 403, 404, 429, 500, 502, 503),
                                 (40, 5, 4, 3, 6, 4, 6, 3, 6, 5, 4, 2, 2))[0]
            if ip in hot and rng.random() < 0.6:
                status = rng.choice((401, 403, 429))
            path = rng.choice(paths) + (f"?page={rng.randint(1, 9)}" if rng.random() < 0.25 else "")
            stamp = f"{day.strftime('%d/%b/%Y')}:{i * 86000 // n // 3600:02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0000"
            t = rng.choice((rng.uniform(0.01, 0.6), rng.uniform(0.01, 0.6), rng.uniform(0.5, 4.0)))
            out.append(f'{ip} - - [{stamp}] "{rng.choice(("GET", "GET", "POST", "PUT"))} {path} HTTP/1.1" '
                       f'{status} {rng.randint(120, 48000)} {t:.3f}')
        return out

    def _jsonl_lines(self, rng, day: dt.date, n: int, p: dict, evening: bool = False) -> list[str]:
        services = rng.sample(vocab.SERVICES, 5)
        msgs = {"INFO": ("request served", "cache refreshed", "job finished", "user signed in"),
                "WARN": ("slow upstream", "retrying request", "queue backlog growing", "deprecated endpoint"),
                "ERROR": ("upstream timeout", "database connection refused", "payment declined by gateway",
                          "unhandled exception")}
        out = []
        for i in range(n):
            level = rng.choices(("INFO", "WARN", "ERROR"), (70, 18, 12))[0]
            svc = services[0] if level != "INFO" and rng.random() < 0.3 else rng.choice(services)
            hour = rng.randint(20, 23) if evening else i * 24 // n
            ts = f"{day.isoformat()}T{hour:02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"
            out.append(json.dumps({"ts": ts, "level": level, "service": svc, "msg": rng.choice(msgs[level]),
                                   "latency_ms": rng.choice((rng.randint(3, 400), rng.randint(3, 400), rng.randint(300, 3000))),
                                   "request_id": f"{rng.getrandbits(32):08x}"}))
        return out

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        text = ws.files[p["log"]]
        doc: dict = {"date": p["day"].isoformat()}
        if p["fmt"] == "access":
            reqs = [m.groups() for m in map(ACCESS_RE.match, text.splitlines()) if m]
            doc["total_requests"] = len(reqs)
            doc["status_counts"] = {k: sum(1 for r in reqs if r[4][0] == k[0]) for k in ("2xx", "3xx", "4xx", "5xx")}
            if "top" in p["asks"]:
                ranked = _top_errors(text, p)
                if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
                    raise ValueError("no unique top error path in the drawn log")
                doc["top_error_path"], doc["top_error_path_hits"] = ranked[0]
            if "threshold" in p["asks"]:
                c = Counter(r[0] for r in reqs if r[4] in ("401", "403", "429"))
                doc["suspicious_ips"] = sorted(ip for ip, n in c.items() if n > p["threshold"])
            if "slow" in p["asks"]:
                doc["slow_requests"] = sum(1 for r in reqs if float(r[6]) > p["slow"])
            total_key = "total_requests"
        else:
            events = []
            for line in text.splitlines():
                try:
                    e = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(e, dict) and str(e.get("ts", "")).startswith(p["day"].isoformat()):
                    events.append(e)
            doc["total_events"] = len(events)
            doc["level_counts"] = {k: sum(1 for e in events if e["level"] == k) for k in ("INFO", "WARN", "ERROR")}
            if "top" in p["asks"]:
                ranked = _top_errors(text, p)
                if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
                    raise ValueError("no unique top error service in the drawn log")
                doc["top_error_service"], doc["top_error_service_events"] = ranked[0]
            if "threshold" in p["asks"]:
                c = Counter(e["service"] for e in events if e["level"] in ("WARN", "ERROR"))
                doc["noisy_services"] = sorted(s for s, n in c.items() if n > p["threshold"])
            if "slow" in p["asks"]:
                doc["slow_events"] = sum(1 for e in events if e["latency_ms"] > p["slow"])
            total_key = "total_events"
        out = p["out"]
        b = VerificationBuilder()
        b.write(out, json.dumps(doc, indent=2) + "\n")
        b.check("schema", "json_schema", "The report has exactly the requested keys.", path=out,
                schema={"type": "object", "required": sorted(doc), "properties": {k: {} for k in sorted(doc)},
                        "additionalProperties": False})
        for key, value in doc.items():
            if isinstance(value, dict):
                for k, v in value.items():
                    b.check(f"{key}-{k.lower()}", "json_value", f"{key}.{k} is {v}.", path=out,
                            pointer=f"/{key}/{k}", equals=v)
            else:
                b.check(key.replace("_", "-"), "json_value", f"{key} is {value}.", path=out, pointer=f"/{key}",
                        equals=value, weight=2 if key == total_key else 1)
        if p["report"]:
            b.write(p["report"], f"# Incident {doc['date']}\n\nTotal: {doc[total_key]}\n")
            b.check("note-title", "regex", "The note starts with the incident title.", path=p["report"],
                    pattern=rf"\A# Incident {doc['date']}\s*$", multiline=True)
            b.check("note-total", "same_value", "The note's total matches the report.",
                    a={"path": p["report"], "regex": r"^Total: (\d+)\s*$"}, b={"path": out, "pointer": f"/{total_key}"})
        broken = len(text.splitlines()) - doc[total_key]
        b.mutant("counted-bad-lines", "truncated lines (or the evening before) were counted").write(
            out, json.dumps({**doc, total_key: doc[total_key] + max(1, broken)}, indent=2) + "\n")
        key = "status_counts" if p["fmt"] == "access" else "level_counts"
        first = next(iter(doc[key]))
        b.mutant("class-off", f"{key}.{first} is one too high").write(
            out, json.dumps({**doc, key: {**doc[key], first: doc[key][first] + 1}}, indent=2) + "\n")
        b.mutant("extra-key", "an unrequested key was added").write(
            out, json.dumps({**doc, "notes": "see logs"}, indent=2) + "\n")
        return b.build()


def _error_key(line: str, p: dict) -> str | None:
    """The path of a 5xx request, or the service of an ERROR event on the day; else None."""
    if p["fmt"] == "access":
        m = ACCESS_RE.match(line)
        return m.group(4).split("?")[0] if m and m.group(5).startswith("5") else None
    try:
        e = json.loads(line)
    except json.JSONDecodeError:
        return None
    ok = isinstance(e, dict) and str(e.get("ts", "")).startswith(p["day"].isoformat()) and e.get("level") == "ERROR"
    return e["service"] if ok else None


def _top_errors(text: str, p: dict) -> list[tuple[str, int]]:
    return Counter(k for k in (_error_key(l, p) for l in text.splitlines()) if k).most_common()


def _as_error(line: str, p: dict) -> str:
    if p["fmt"] == "access":
        m = ACCESS_RE.match(line)
        return line.replace(f'" {m.group(5)} ', '" 500 ', 1)
    e = json.loads(line)
    return json.dumps({**e, "level": "ERROR", "ts": p["day"].isoformat() + "T12:00:00Z", "msg": "upstream timeout"})


# ------------------------------------------------------------------ cron maintenance

CRON_JOBS = (
    ("nightly database dump", "pg_dump {db} > /srv/backups/{db}.sql"),
    ("renew TLS certificates", "/usr/bin/certbot renew --quiet"),
    ("clear temp uploads", "find /srv/uploads/tmp -mtime +2 -delete"),
    ("sync files to the backup host", "rsync -a /srv/www/ backup01:/srv/www/"),
    ("rotate application logs", "/opt/scripts/rotate_logs.sh {app}"),
    ("health ping", "curl -fsS https://hc.example.net/ping/{token}"),
    ("CRM import", "python3 /opt/etl/import_crm.py --since yesterday"),
    ("weekly report email", "python3 /opt/reports/weekly.py --send"),
    ("refresh search index", "/opt/{app}/bin/reindex --incremental"),
    ("prune docker images", "docker image prune -af --filter until=168h"),
    ("sitemap rebuild", "python3 /opt/{app}/manage.py build_sitemap"),
    ("mirror package cache", "/opt/scripts/mirror.sh --quiet"),
    ("vacuum analytics tables", "psql {db} -c 'VACUUM ANALYZE events'"),
    ("expire old sessions", "python3 /opt/{app}/manage.py clearsessions"),
    ("invoice run", "python3 /opt/billing/run_invoices.py --month current"),
)
DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def _schedule(rng) -> tuple[str, tuple[str, ...], str]:
    """(phrase, fields, regex over the five fields) for a schedule the instruction states in words."""
    kind = rng.choice(("daily", "weekdays", "weekly", "monthly", "every", "hourly"))
    m, h = rng.choice((0, 5, 10, 15, 20, 30, 45, 50)), rng.randint(0, 23)
    mm = rf"0?{m}" if m < 10 else str(m)
    hh = rf"0?{h}" if h < 10 else str(h)
    at = f"{h:02d}:{m:02d}"
    if kind == "daily":
        return f"every day at {at}", (str(m), str(h), "*", "*", "*"), rf"{mm}\s+{hh}\s+\*\s+\*\s+\*"
    if kind == "weekdays":
        return (f"every weekday (Monday to Friday) at {at}", (str(m), str(h), "*", "*", "1-5"),
                rf"{mm}\s+{hh}\s+\*\s+\*\s+(?:1-5|1,2,3,4,5|mon-fri|MON-FRI)")
    if kind == "weekly":
        d = rng.randint(0, 6)
        dow = "(?:0|7|sun|SUN)" if d == 0 else f"(?:{d}|{DAYS[d][:3].lower()}|{DAYS[d][:3].upper()})"
        return f"every {DAYS[d]} at {at}", (str(m), str(h), "*", "*", str(d)), rf"{mm}\s+{hh}\s+\*\s+\*\s+{dow}"
    if kind == "monthly":
        dom = rng.randint(1, 28)
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(dom, "th")
        return (f"on the {dom}{suffix} of every month at {at}", (str(m), str(h), str(dom), "*", "*"),
                rf"{mm}\s+{hh}\s+{dom}\s+\*\s+\*")
    if kind == "every":
        n = rng.choice((5, 10, 15, 20, 30))
        listed = ",".join(str(x) for x in range(0, 60, n))
        return (f"every {n} minutes", (f"*/{n}", "*", "*", "*", "*"),
                rf"(?:\*/{n}|0-59/{n}|{listed})\s+\*\s+\*\s+\*\s+\*")
    return f"every hour at minute {m}", (str(m), "*", "*", "*", "*"), rf"{mm}\s+\*\s+\*\s+\*\s+\*"


class CronMaintenance(Family):
    name = "cron-maintenance"
    domain = "systems"
    intents = ("automation",)
    skills = ("cron-edit",)
    optional_skills = ()
    summary = "Reschedule, disable and add crontab jobs from a change ticket, leaving every other line as it was."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        host = f"{rng.choice(vocab.HOST_PREFIXES)}{rng.randint(1, 12):02d}"
        path = rng.choice((f"cron/{host}.cron", "crontab", f"etc/cron.d/{host}"))
        jobs = rng.sample(CRON_JOBS, rng.randint(6, 9))
        subst = {"db": rng.choice(("shop", "crm", "analytics", "wiki")), "app": rng.choice(("shop", "portal", "wiki", "helpdesk")),
                 "token": f"{rng.getrandbits(40):010x}"}
        jobs = [(label, cmd.format(**subst)) for label, cmd in jobs]
        changes = rng.sample(("reschedule", "disable", "add"), rng.randint(2, 3))
        if "reschedule" not in changes and "add" not in changes:
            changes.append("reschedule")
        new_label, new_cmd = rng.choice([j for j in CRON_JOBS if j[0] not in {l for l, _ in jobs}])
        new_cmd = new_cmd.format(**subst) + f" >> /var/log/cron-{vocab.slug(new_label)}.log 2>&1"
        resched, disable = jobs[0], jobs[1]
        new_sched, add_sched = _schedule(rng), _schedule(rng)
        ticket = rng.random() < 0.5
        items = []
        if "reschedule" in changes:
            items.append(f"Run the {resched[0]} job (`{resched[1]}`) {new_sched[0]} instead.")
        if "disable" in changes:
            items.append(f"Disable the {disable[0]} job (`{disable[1]}`): comment its line out with `# ` and keep "
                         f"it in the file.")
        if "add" in changes:
            items.append(f"Add a job that runs `{new_cmd}` {add_sched[0]}.")
        listing = "\n".join(f"{i}. {t}" for i, t in enumerate(items, 1))
        ticket_path = f"tickets/OPS-{rng.randint(100, 999)}.md" if ticket else None
        where = f"the change ticket `{ticket_path}`" if ticket else "this list"
        text = (f"Apply {where} to the crontab `{path}` on {host}."
                + ("" if ticket else f"\n\n{listing}")
                + "\n\nUse the standard five schedule fields. Leave every other line (jobs, comments, variables) "
                  "exactly as it is.\n")
        return TaskPlan(
            title=f"Cron changes on {host}", domain=self.domain, difficulty=difficulty_for(len(changes) + ticket),
            capabilities=("fine-grained", "file-state") + (("cross-file",) if ticket else ()), instruction=text,
            intent="automation", expected_artifacts=(path,),
            params={"host": host, "path": path, "jobs": jobs, "changes": changes, "resched": resched,
                    "disable": disable, "new_sched": new_sched, "add_sched": add_sched, "new_cmd": new_cmd,
                    "new_label": new_label, "ticket": ticket_path, "listing": listing})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        lines = [f"# crontab for {p['host']} - managed by hand, see tickets/", "SHELL=/bin/sh",
                 f"MAILTO=ops@{vocab.slug(ctx.persona.organisation)}.example", ""]
        for i, (label, cmd) in enumerate(p["jobs"]):
            fields = _schedule(rng)[1]
            while i == 0 and fields == p["new_sched"][1]:   # the job to reschedule must need a change
                fields = _schedule(rng)[1]
            lines += [f"# {label}", " ".join(fields) + f" {cmd}"]
        files = {p["path"]: "\n".join(lines) + "\n"}
        if p["ticket"]:
            files[p["ticket"]] = (f"# Change request for {p['host']}\n\nRequested by {ctx.persona.name}.\n\n"
                                  f"{p['listing']}\n")
        return Workspace(files=files, traps=("keep-other-lines",) + (("commented-not-deleted",)
                                                                     if "disable" in p["changes"] else ()))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        path, text = p["path"], ws.files[p["path"]]
        lines = text.splitlines()
        job_line = {cmd: next(l for l in lines if l.endswith(" " + cmd) and not l.startswith("#")) for _, cmd in p["jobs"]}
        b = VerificationBuilder()
        new_text = text
        active = len(p["jobs"])
        if "reschedule" in p["changes"]:
            cmd = p["resched"][1]
            new_line = " ".join(p["new_sched"][1]) + " " + cmd
            if new_line == job_line[cmd]:
                raise ValueError("the drawn new schedule equals the old one")
            b.edit(path, job_line[cmd], new_line)
            new_text = new_text.replace(job_line[cmd] + "\n", new_line + "\n")
            b.check("rescheduled", "regex", f"The {p['resched'][0]} job runs {p['new_sched'][0]}.", path=path,
                    pattern=rf"^{p['new_sched'][2]}\s+{_re(cmd)}\s*$", count=1, weight=2)
            b.check("rescheduled-once", "regex", f"The {p['resched'][0]} job has one active line.", path=path,
                    pattern=rf"^[^#\n].*{_re(cmd)}\s*$", count=1)
            f = p["new_sched"][1]
            swapped = (f[1], f[0], *f[2:]) if f[1] != "*" and f[0] != f[1] else ("*/7", *f[1:])
            b.mutant("fields-swapped", "minute and hour swapped in the new schedule").edit(
                path, new_line, " ".join(swapped) + " " + cmd)
            b.mutant("old-line-kept", "the old schedule line was left active too").edit(
                path, new_line, job_line[cmd] + "\n" + new_line)
        if "disable" in p["changes"]:
            cmd = p["disable"][1]
            old = job_line[cmd]
            b.edit(path, old, "# " + old)
            new_text = new_text.replace(old + "\n", "# " + old + "\n")
            active -= 1
            b.check("disabled-kept", "regex", f"The {p['disable'][0]} job is commented out, not deleted.", path=path,
                    pattern=rf"^#\s*{_re(old)}\s*$", count=1)
            b.check("disabled-inactive", "regex", f"The {p['disable'][0]} job no longer runs.", path=path,
                    pattern=rf"^[^#\n].*{_re(cmd)}", must_match=False)
            b.mutant("deleted-not-commented", "the disabled job's line was deleted").edit(path, "# " + old + "\n", "")
        if "add" in p["changes"]:
            new_line = " ".join(p["add_sched"][1]) + " " + p["new_cmd"]
            b.write(path, None)   # placeholder, replaced below by the full file
            b.solution.pop()
            active += 1
            b.check("added", "regex", f"A job runs `{p['new_cmd']}` {p['add_sched'][0]}.", path=path,
                    pattern=rf"^{p['add_sched'][2]}\s+{_re(p['new_cmd'])}\s*$", count=1, weight=2)
            b.mutant("added-wrong-day", "the new job's schedule has a wrong day-of-week field").edit(
                path, new_line, " ".join(p["add_sched"][1][:4]) + " 6 " + p["new_cmd"]
                if p["add_sched"][1][4] != "6" else " ".join(p["add_sched"][1][:4]) + " 2 " + p["new_cmd"])
            new_text = new_text + f"# {p['new_label']}\n{new_line}\n"
            # the reference appends with a full rewrite: edits above plus the new job at the end
            b.solution = [{"tool": "write_file", "args": {"path": path, "content_file": path}}]
            b.solution_files[path] = new_text
        keep = [cmd for _, cmd in p["jobs"] if cmd not in (p["resched"][1] if "reschedule" in p["changes"] else "",
                                                           p["disable"][1] if "disable" in p["changes"] else "")]
        for cmd in keep[:3]:
            b.check(f"kept-{vocab.slug(cmd)[:30]}", "regex", f"`{job_line[cmd]}` is unchanged.", path=path,
                    pattern=rf"^{_re(job_line[cmd])}$", count=1)
        b.check("active-jobs", "regex", f"{active} active jobs.", path=path, pattern=r"^[0-9*@][^\n]*$", count=active)
        b.check("variables-kept", "regex", "SHELL and MAILTO are unchanged.", path=path,
                pattern=r"\A(?=[\s\S]*^SHELL=/bin/sh$)(?=[\s\S]*^MAILTO=\S+$)", multiline=True)
        victim = job_line[keep[0]]
        b.mutant("other-job-touched", "an unrelated job's schedule was changed").edit(
            path, victim, "*/30 " + victim.split(" ", 1)[1] if not victim.startswith("*/30 ") else "1 " + victim.split(" ", 1)[1])
        v = b.build()
        # mutant edits run after the solution: they must target text present in the solved file
        v.mutants = [m for m in v.mutants if all(s["tool"] != "edit_file" or s["args"]["old"] in new_text for s in m["steps"])]
        return v


# ------------------------------------------------------------------ config rollout

CONFIG_KEYS = {
    "server": {"port": (8000, 9000, "int"), "workers": (2, 32, "int"), "timeout_s": (10, 120, "int")},
    "database": {"pool_size": (5, 80, "int"), "statement_timeout_ms": (1000, 30000, "int"), "ssl": (None, None, "bool")},
    "cache": {"ttl_s": (30, 3600, "int"), "max_entries": (1000, 200000, "int")},
    "logging": {"level": (("debug", "info", "warn", "error"), None, "choice"), "json_output": (None, None, "bool")},
    "features": {"new_checkout": (None, None, "bool"), "beta_search": (None, None, "bool"), "dark_mode": (None, None, "bool")},
}
ENV_NAMES = {("server", "port"): "PORT", ("server", "workers"): "WEB_CONCURRENCY", ("database", "pool_size"): "DB_POOL_SIZE",
             ("cache", "ttl_s"): "CACHE_TTL", ("server", "timeout_s"): "REQUEST_TIMEOUT"}


def _draw_value(rng, spec):
    lo, hi, kind = spec
    if kind == "int":
        return rng.randint(lo, hi)
    if kind == "bool":
        return rng.random() < 0.5
    return rng.choice(lo)


def _yaml_scalar(v) -> str:
    return ("true" if v else "false") if isinstance(v, bool) else str(v)


class ConfigRollout(Family):
    name = "config-rollout"
    domain = "systems"
    intents = ("automation",)
    skills = ("yaml-edit",)
    optional_skills = ("dotenv-edit",)
    summary = "Apply a change request to per-environment YAML configs (one environment or all), keeping types, comments and other keys."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        service = rng.choice(vocab.SERVICES)
        envs = rng.choice((("dev", "staging", "prod"), ("staging", "production"), ("test", "staging", "prod", "dr")))
        target = envs[-1] if envs[-1] != "dr" else "prod"
        folder = rng.choice(("config", "deploy/config", f"services/{service}/config"))
        flat = [(s, k) for s, keys in CONFIG_KEYS.items() for k in keys]
        picked = rng.sample(flat, rng.randint(2, 4))
        everywhere = picked[0] if rng.random() < 0.5 else None
        env_file = f"deploy/{target}.env" if ctx.uses("dotenv-edit") else None
        if env_file and not any(k in ENV_NAMES for k in picked):
            picked.append(rng.choice(sorted(ENV_NAMES)))
        cr = f"changes/CR-{rng.randint(1000, 9999)}.md"
        return TaskPlan(
            title=f"Roll out {cr.split('/')[-1][:-3]} to the {service} config", domain=self.domain,
            difficulty=difficulty_for(len(picked) - 1 + bool(everywhere) + bool(env_file)),
            capabilities=("cross-file", "fine-grained", "file-state"),
            instruction=(f"Apply the change request `{cr}` to the {service} service's configuration in `{folder}/` "
                         f"(one YAML file per environment: {', '.join(f'`{e}.yaml`' for e in envs)}).\n\n"
                         f"Change only what the request asks, in the environments it names; keep every other key, "
                         f"the comments and the value types (numbers stay numbers, booleans stay booleans)."
                         + (f" The deployment also reads `{env_file}`; keep its variables consistent with "
                            f"`{target}.yaml`." if env_file else "") + "\n"),
            intent="automation", expected_artifacts=tuple([f"{folder}/{target}.yaml"] + ([env_file] if env_file else [])),
            params={"service": service, "envs": envs, "target": target, "folder": folder, "picked": picked,
                    "everywhere": everywhere, "env_file": env_file, "cr": cr})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        configs = {}
        for env in p["envs"]:
            configs[env] = {s: {k: _draw_value(rng, spec) for k, spec in keys.items()} for s, keys in CONFIG_KEYS.items()}
        new = {}
        for s, k in p["picked"]:
            spec = CONFIG_KEYS[s][k]
            current = configs[p["target"]][s][k]
            if spec[2] == "bool":
                v = not current
            elif spec[2] == "choice":
                v = rng.choice([c for c in spec[0] if c != current])
            else:   # a number no environment has yet, so a wrong edit cannot pass by coincidence
                taken = {configs[e][s][k] for e in p["envs"]}
                v = next(x for x in (rng.randint(spec[0], spec[1]) for _ in range(1000)) if x not in taken)
            new[(s, k)] = v
        files = {f"{p['folder']}/{env}.yaml": self._render(p["service"], env, cfg) for env, cfg in configs.items()}
        files[f"{p['folder']}/{p['target']}.yaml.bak"] = files[f"{p['folder']}/{p['target']}.yaml"]
        lines = []
        for (s, k), v in new.items():
            scope = "all environments" if (s, k) == p["everywhere"] else f"`{p['target']}` only"
            lines.append(f"- `{s}.{k}`: set to `{_yaml_scalar(v)}` ({scope})")
        files[p["cr"]] = (f"# {p['cr'].split('/')[-1][:-3]}: {p['service']} tuning\n\nRequested by {ctx.persona.name}.\n\n"
                          + "\n".join(lines) + "\n\nNo other changes.\n")
        if p["env_file"]:
            cfg = configs[p["target"]]
            files[p["env_file"]] = "".join(f"{name}={_yaml_scalar(cfg[s][k])}\n" for (s, k), name in ENV_NAMES.items()) \
                + f"SERVICE_NAME={p['service']}\n"
        return Workspace(files=files, traps=("backup-copy", "other-environments") + (("env-file",) if p["env_file"] else ()))

    def _render(self, service: str, env: str, cfg: dict) -> str:
        out = [f"# {service} configuration ({env})", f"# keys are read at start-up; restart after changes", ""]
        for s, keys in cfg.items():
            out.append(f"{s}:")
            out += [f"  {k}: {_yaml_scalar(v)}" for k, v in keys.items()]
        return "\n".join(out) + "\n"

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = {**plan.params}
        b = VerificationBuilder()
        # the requested values and scopes, as the change request (a workspace file) states them
        p["new"], target_envs = {}, {}
        for s, k, value, scope in re.findall(r"^- `(\w+)\.(\w+)`: set to `([^`]*)` \((.*)\)$", ws.files[p["cr"]], re.M):
            p["new"][(s, k)] = yaml.safe_load(value)
            target_envs[(s, k)] = p["envs"] if scope == "all environments" else (p["target"],)
        for env in p["envs"]:
            path = f"{p['folder']}/{env}.yaml"
            cfg = yaml.safe_load(ws.files[path])
            for (s, k), v in p["new"].items():
                if env in target_envs[(s, k)]:
                    b.edit(path, f"  {k}: {_yaml_scalar(cfg[s][k])}\n", f"  {k}: {_yaml_scalar(v)}\n")
                    b.check(f"{env}-{s}-{k}".replace("_", "-"), "json_value", f"{env}: {s}.{k} = {_yaml_scalar(v)}.",
                            path=path, pointer=f"/{s}/{k}", equals=v, weight=2)
                elif env != p["target"]:
                    b.check(f"{env}-{s}-{k}-kept".replace("_", "-"), "json_value",
                            f"{env} keeps {s}.{k} = {_yaml_scalar(cfg[s][k])} (the change is {p['target']} only).",
                            path=path, pointer=f"/{s}/{k}", equals=cfg[s][k])
            if env == p["target"]:
                props = {s: {"type": "object", "properties": {k: {"type": "boolean" if isinstance(v, bool) else
                                                                  "integer" if isinstance(v, int) else "string"}
                                                              for k, v in keys.items()}}
                         for s, keys in cfg.items()}
                b.check(f"{env}-types", "json_schema", "Every key keeps its type.", path=path,
                        schema={"type": "object", "required": sorted(cfg), "properties": props})
                untouched = [(s, k) for s in cfg for k in cfg[s] if (s, k) not in p["new"]][:3]
                for s, k in untouched:
                    b.check(f"{env}-{s}-{k}-untouched".replace("_", "-"), "json_value", f"{s}.{k} is unchanged.",
                            path=path, pointer=f"/{s}/{k}", equals=cfg[s][k])
                b.check(f"{env}-comments", "regex", "The header comments are kept.", path=path,
                        pattern=rf"\A# {_re(p['service'])} configuration \({env}\)\n", multiline=False)
        if p["env_file"]:
            env_text = ws.files[p["env_file"]]
            target_path = f"{p['folder']}/{p['target']}.yaml"
            for (s, k), name in ENV_NAMES.items():
                if (s, k) in p["new"]:
                    old = re.search(rf"^{name}=(.*)$", env_text, re.M).group(1)
                    b.edit(p["env_file"], f"{name}={old}\n", f"{name}={_yaml_scalar(p['new'][(s, k)])}\n")
                    b.check(f"env-{name.lower()}", "same_value", f"{name} matches {s}.{k} in {p['target']}.yaml.",
                            a={"path": p["env_file"], "regex": rf"^{name}=(\S+)\s*$"},
                            b={"path": target_path, "pointer": f"/{s}/{k}"})
        (s, k), v = next(iter(p["new"].items()))
        target_path = f"{p['folder']}/{p['target']}.yaml"
        if isinstance(v, str):
            b.mutant("wrong-case", f"{s}.{k} written in upper case").edit(
                target_path, f"  {k}: {v}\n", f"  {k}: {v.upper()}\n")
        elif not isinstance(v, bool):
            b.mutant("quoted-number", f"{s}.{k} written as a string").edit(
                target_path, f"  {k}: {_yaml_scalar(v)}\n", f"  {k}: \"{_yaml_scalar(v)}\"\n")
        else:
            b.mutant("string-bool", f"{s}.{k} written as a string").edit(
                target_path, f"  {k}: {_yaml_scalar(v)}\n", f"  {k}: \"{'yes' if v else 'no'}\"\n")
        leaks = [((s2, k2), v2, other, cfg2[s2][k2])
                 for (s2, k2), v2 in p["new"].items() if target_envs[(s2, k2)] == (p["target"],)
                 for other, cfg2 in ((e, yaml.safe_load(ws.files[f"{p['folder']}/{e}.yaml"])) for e in p["envs"] if e != p["target"])
                 if cfg2[s2][k2] != v2]
        if leaks:
            (s2, k2), v2, other, old2 = leaks[0]
            b.mutant("leaked-to-other-env", f"{s2}.{k2} also changed in {other}").edit(
                f"{p['folder']}/{other}.yaml", f"  {k2}: {_yaml_scalar(old2)}\n", f"  {k2}: {_yaml_scalar(v2)}\n")
        b.mutant("backup-edited-instead", f"the change went to {p['target']}.yaml.bak and {p['target']}.yaml was restored").write(
            target_path, ws.files[target_path])
        return b.build()


# ------------------------------------------------------------------ log retention

class LogRetention(Family):
    name = "log-retention"
    domain = "systems"
    intents = ("file-organisation", "automation")
    skills = ("log-retention", "yaml-read")
    optional_skills = ()
    summary = "Apply a retention policy to dated log files (age window, keep-at-least, protected files) and report what was deleted."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        today = _day(rng, rng.choice((2024, 2025)))
        apps = rng.sample(vocab.SERVICES, rng.randint(2, 3))
        keep_days = rng.choice((7, 10, 14, 21, 30))
        keep_at_least = rng.choice((2, 3, 5))
        policy = rng.choice(("retention.yaml", "config/retention.yaml", "logs/POLICY.yaml"))
        report = f"reports/retention-{today.isoformat()}.txt"
        text = (f"Apply the log retention policy in `{policy}` to `logs/` as of today, {today.isoformat()}.\n\n"
                f"Each log file has its date in its name. Delete the files the policy says to delete and nothing "
                f"else, then write `{report}` listing the deleted files (paths relative to the workspace root), one "
                f"per line, sorted.\n")
        return TaskPlan(
            title=f"Apply log retention on {today.isoformat()}", domain=self.domain,
            difficulty=difficulty_for(1 + len(apps)), capabilities=("file-state", "fine-grained", "cross-file"),
            instruction=text, intent=rng.choice(self.intents), expected_artifacts=(report,),
            params={"today": today, "apps": apps, "keep_days": keep_days, "keep_at_least": keep_at_least,
                    "policy": policy, "report": report})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        files = {}
        today, kd = p["today"], p["keep_days"]
        for i, app in enumerate(p["apps"]):
            if i == 1:   # a quiet app: all of its files are old, so keep_at_least protects some
                ages = sorted(rng.sample(range(kd + 3, kd + 40), rng.randint(p["keep_at_least"] + 1, p["keep_at_least"] + 4)))
            else:
                ages = sorted(set(rng.sample(range(0, kd + 30), rng.randint(8, 16))) | {kd})   # one right at the edge
            for age in ages:
                d = today - dt.timedelta(days=age)
                files[f"logs/{app}/{app}-{d.isoformat()}.log"] = (
                    f"{d.isoformat()}T00:00:01Z {app} started\n{d.isoformat()}T23:59:58Z {app} rotated\n")
        audit_day = today - dt.timedelta(days=kd + rng.randint(5, 60))
        files[f"logs/audit/audit-{audit_day.isoformat()}.log"] = f"{audit_day.isoformat()} audit trail\n"
        pinned_day = today - dt.timedelta(days=kd + rng.randint(2, 30))
        pinned = f"logs/{p['apps'][0]}/{p['apps'][0]}-{pinned_day.isoformat()}.log.keep"
        files[pinned] = "kept for the incident review\n"
        files[p["policy"]] = dump_yaml({
            "keep_days": kd, "keep_at_least": p["keep_at_least"],
            "rules": [f"a file is old when its date is more than keep_days days before today",
                      f"old files are deleted, except the newest keep_at_least files of each folder",
                      "files under logs/audit/ and files ending in .keep are never deleted"]})
        return Workspace(files=files, traps=("age-boundary", "keep-at-least", "protected-files"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        policy = yaml.safe_load(ws.files[p["policy"]])
        kd, keep_n, today = policy["keep_days"], policy["keep_at_least"], p["today"]
        by_folder: dict[str, list[tuple[dt.date, str]]] = {}
        for path in ws.files:
            m = re.match(r"^logs/([^/]+)/[^/]*?(\d{4}-\d{2}-\d{2})\.log$", path)
            if m and m.group(1) != "audit":
                by_folder.setdefault(m.group(1), []).append((dt.date.fromisoformat(m.group(2)), path))
        delete = []
        for folder, items in by_folder.items():
            newest = {path for _, path in sorted(items, reverse=True)[:keep_n]}
            delete += [path for d, path in items if (today - d).days > kd and path not in newest]
        delete.sort()
        if not delete:
            raise ValueError("nothing to delete in the drawn workspace")
        b = VerificationBuilder()
        for path in delete:
            b.delete(path)
        b.write(p["report"], "".join(f"{x}\n" for x in delete))
        for path in delete:
            b.check(f"deleted-{vocab.slug(path.split('/')[-1])}", "file_absent", f"{path} is past retention.", path=path)
        kept = sorted(set(ws.files) - set(delete) - {p["policy"]})
        edge = [x for x in kept if x.endswith(f"{(today - dt.timedelta(days=kd)).isoformat()}.log")]
        protected = [x for x in kept if "/audit/" in x or x.endswith(".keep")]
        floor = [x for x in kept if x.startswith(f"logs/{p['apps'][1]}/")]
        for path in edge + protected + floor:
            b.check(f"kept-{vocab.slug(path.split('/')[-1])}", "file_exists", f"{path} must stay.", path=path)
        b.check("report-lines", "regex", f"The report lists {len(delete)} files.", path=p["report"],
                pattern=r"^logs/\S+$", count=len(delete))
        b.check("report-sorted", "regex", "The report lists the deleted files, sorted.", path=p["report"],
                pattern=r"\A" + "".join(_re(x) + r"\n" for x in delete) + r"\Z", multiline=False)
        victim = (edge + floor + protected)[0]
        b.mutant("deleted-a-keeper", f"{victim} was deleted too").delete(victim)
        b.mutant("one-left-behind", f"{delete[0]} was not deleted").write(delete[0], ws.files[delete[0]])
        b.mutant("report-unsorted", "the report is in another order").write(
            p["report"], "".join(f"{x}\n" for x in sorted(delete, key=lambda s: s.split("/")[-1][::-1])) if len(delete) > 1
            else f"./{delete[0]}\n")
        return b.build()


# ------------------------------------------------------------------ backup archive

ARCHIVE_CHECK = '''"""Compare the archive's member files and the listing with the expected set."""
import json, os, sys, tarfile
expected = json.load(open(os.path.join(os.environ["CLAWBENCH_CHECKS"], "expected_members.json")))
archive, listing = sys.argv[1], sys.argv[2]
try:
    with tarfile.open(archive, "r:gz") as tar:
        members = sorted(m.name[2:] if m.name.startswith("./") else m.name for m in tar.getmembers() if m.isfile())
except (OSError, tarfile.TarError) as e:
    print(json.dumps({"passed": False, "observed": str(e), "expected": "a readable .tar.gz", "message": "archive"}))
    sys.exit(1)
try:
    lines = open(listing).read().splitlines()
except OSError:
    lines = None
ok = members == expected and lines == expected
missing = sorted(set(expected) - set(members))[:3]
extra = sorted(set(members) - set(expected))[:3]
print(json.dumps({"passed": ok, "observed": {"members": len(members), "missing": missing, "extra": extra,
                  "listing_matches": lines == expected}, "expected": len(expected), "message": ""}))
sys.exit(0 if ok else 1)
'''


class BackupArchive(Family):
    name = "backup-archive"
    domain = "systems"
    intents = ("automation", "file-organisation")
    skills = ("tar-archive-create", "archive-inspect")
    optional_skills = ()
    summary = "Archive chosen folders as .tar.gz with exclusions, and list exactly what went in."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        day = _day(rng)
        project = rng.choice(("site", "handbook", "portal", "wiki", "shop", "lab-notes"))
        dirs = rng.sample(("content", "templates", "data", "config", "scripts", "assets"), rng.randint(2, 3))
        excludes = rng.sample(("*.tmp", "*.log", "cache/", "*.bak", "node_modules/"), rng.randint(2, 3))
        archive = f"backups/{project}-{day.isoformat()}.tar.gz"
        listing = f"backups/{project}-{day.isoformat()}.txt"
        text = (f"Back up the {project} project: create `{archive}` containing the folders "
                f"{', '.join(f'`{d}/`' for d in dirs)} (member paths relative to the workspace root, e.g. "
                f"`{dirs[0]}/...`), leaving out {', '.join(f'`{e}`' for e in excludes)} wherever they occur. "
                f"Other folders are not part of the backup.\n\nThen write `{listing}` listing every file in the "
                f"archive (files only, no folders), one path per line, sorted.\n")
        return TaskPlan(title=f"Back up {project} on {day.isoformat()}", domain=self.domain,
                        difficulty=difficulty_for(len(dirs) + len(excludes) - 2),
                        capabilities=("tool-selection", "fine-grained", "file-state"), instruction=text,
                        intent=rng.choice(self.intents), expected_artifacts=(archive, listing),
                        params={"dirs": dirs, "excludes": excludes, "archive": archive, "listing": listing,
                                "project": project})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        files = {}
        names = ("index", "about", "pricing", "faq", "team", "roadmap", "notes", "setup", "deploy", "colors", "menu")
        exts = {"content": ".md", "templates": ".html", "data": ".csv", "config": ".yaml", "scripts": ".sh", "assets": ".css"}
        for d in ("content", "templates", "data", "config", "scripts", "assets"):
            for n in rng.sample(names, rng.randint(2, 4)):
                sub = rng.choice(("", "", f"{rng.choice(('2023', '2024', 'drafts', 'shared'))}/"))
                files[f"{d}/{sub}{n}{exts[d]}"] = f"{n} ({d}) for {p['project']}\n"
            for pattern in p["excludes"]:
                if pattern.endswith("/"):
                    files[f"{d}/{pattern}{rng.choice(names)}.bin.txt"] = "cached\n"
                else:
                    files[f"{d}/{rng.choice(names)}{pattern[1:]}"] = "scratch\n"
        files["README.md"] = f"# {p['project']}\n\nBackups go to `backups/`.\n"
        return Workspace(files=files, traps=("excluded-patterns", "out-of-scope-folders"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        import fnmatch
        p = plan.params

        def excluded(path: str) -> bool:
            parts = path.split("/")
            for pat in p["excludes"]:
                if pat.endswith("/") and pat[:-1] in parts[:-1]:
                    return True
                if not pat.endswith("/") and fnmatch.fnmatch(parts[-1], pat):
                    return True
            return False

        members = sorted(x for x in ws.files if x.split("/")[0] in p["dirs"] and not excluded(x))
        b = VerificationBuilder()
        flags = " ".join(f"--exclude='{e.rstrip('/')}'" for e in p["excludes"])
        b.exec(f"mkdir -p backups && tar -czf {p['archive']} {flags} {' '.join(p['dirs'])}")
        b.exec(f"tar -tzf {p['archive']} | grep -v '/$' | sort > {p['listing']}")
        b.check_files["expected_members.json"] = json.dumps(members, indent=1) + "\n"
        b.check("archive-exists", "file_exists", "The archive was written.", path=p["archive"], min_size=20)
        b.python_check("archive-members", f"The archive holds exactly the {len(members)} expected files and the "
                       f"listing matches it.", "check_archive.py", ARCHIVE_CHECK, args=[p["archive"], p["listing"]], weight=3)
        b.check("listing-count", "regex", f"The listing has {len(members)} lines.", path=p["listing"],
                pattern=r"^\S+$", count=len(members))
        b.mutant("no-excludes", "the exclusions were not applied").exec(
            f"tar -czf {p['archive']} {' '.join(p['dirs'])}")
        b.mutant("listing-short", "the listing misses the last file").exec(
            f"sed -i '$d' {p['listing']}")
        return b.build()


# ------------------------------------------------------------------ INI settings migration

INI_SECTIONS = {
    "server": {"host": ("0.0.0.0", "127.0.0.1", "10.0.0.5"), "port": ("8080", "8000", "9090"), "workers": ("2", "4", "8"),
               "log_dir": ("/var/log/app", "/srv/logs", "logs"), "timeout": ("30", "60", "90")},
    "database": {"url": ("postgres://db/app", "postgres://10.0.0.9/shop", "sqlite:///data/app.db"),
                 "pool": ("5", "10", "20"), "echo": ("false", "true"), "retries": ("3", "5")},
    "cache": {"backend": ("redis", "memory", "memcached"), "pool": ("2", "4", "16"), "ttl": ("300", "600", "3600"),
              "legacy_mode": ("on", "off")},
    "mail": {"smtp_host": ("smtp.example.org", "mail.internal"), "sender": ("noreply@example.org", "ops@example.org"),
             "use_ssl": ("yes", "no")},
    "paths": {"data": ("/srv/data", "data"), "uploads": ("/srv/uploads", "uploads")},
}
INI_CHANGES = (   # (kind, section, key, new section, new key): the upgrade notes' vocabulary
    ("rename", "database", "pool", "database", "pool_size"), ("rename", "mail", "use_ssl", "mail", "tls"),
    ("rename", "server", "timeout", "server", "request_timeout"), ("rename", "cache", "ttl", "cache", "ttl_seconds"),
    ("move", "server", "log_dir", "paths", "logs"), ("move", "database", "retries", "server", "db_retries"),
    ("remove", "cache", "legacy_mode", None, None), ("remove", "database", "echo", None, None),
)


def _render_ini(sections: list[tuple[str, list[tuple[str, str]]]], header: str) -> str:
    out = [header, ""]
    for name, items in sections:
        out.append(f"[{name}]")
        out += [f"{k} = {v}" for k, v in items]
        out.append("")
    return "\n".join(out)


def _ini_key_pattern(section: str, key: str, value: str) -> str:
    return rf"^\[{_re(section)}\]\s*\n(?:(?!\[).*\n)*?{_re(key)}\s*=\s*{_re(value)}\s*$"


class IniMigration(Family):
    name = "ini-migration"
    domain = "systems"
    intents = ("automation",)
    skills = ("ini-config-edit",)
    optional_skills = ()
    summary = "Migrate an INI config to a new release from its upgrade notes: renamed, moved and removed keys, values kept."

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        app = rng.choice(("shopd", "wikid", "mailer", "scheduler", "portal", "ingest"))
        major = rng.randint(1, 5)
        old_v, new_v = f"{major}.{rng.randint(0, 9)}", f"{major + 1}.0"
        path = rng.choice((f"config/{app}.ini", f"etc/{app}/{app}.ini", "settings.ini"))
        notes = rng.choice((f"docs/UPGRADING-{new_v}.md", "UPGRADE.md", f"release-notes/{new_v}.md"))
        changes = rng.sample(INI_CHANGES, rng.randint(2, 4))
        text = (f"Upgrade {app} from {old_v} to {new_v}: migrate `{path}` as the upgrade notes in `{notes}` describe. "
                f"Renamed and moved keys keep their current values; removed keys go. Every other section, key and "
                f"value stays exactly as it is.\n")
        return TaskPlan(title=f"Migrate {app}'s config to {new_v}", domain=self.domain,
                        difficulty=difficulty_for(len(changes)), capabilities=("cross-file", "fine-grained", "file-state"),
                        instruction=text, intent="automation", expected_artifacts=(path,),
                        params={"app": app, "old": old_v, "new": new_v, "path": path, "notes": notes, "changes": changes})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        sections = []
        for name, keys in INI_SECTIONS.items():
            items = [(k, rng.choice(vals)) for k, vals in keys.items()]
            sections.append((name, items))
        if any(c[1:3] == ("database", "pool") for c in p["changes"]):
            pools = dict(sections[1][1])["pool"], dict(sections[2][1])["pool"]
            if pools[0] == pools[1]:   # the same key in two sections must differ, or a wrong edit can pass
                sections[2] = ("cache", [(k, "32" if k == "pool" else v) for k, v in sections[2][1]])
        lines = [f"# {p['app']} {p['new']} upgrade notes", ""]
        for kind, sec, key, nsec, nkey in p["changes"]:
            if kind == "rename":
                lines.append(f"- `[{sec}] {key}` is renamed to `{nkey}` (same section).")
            elif kind == "move":
                lines.append(f"- `[{sec}] {key}` moved to the `[{nsec}]` section as `{nkey}`.")
            else:
                lines.append(f"- `[{sec}] {key}` is no longer supported: remove it.")
        lines += ["", "Keys not listed here are unchanged."]
        files = {p["path"]: _render_ini(sections, f"; {p['app']} {p['old']} configuration"),
                 p["notes"]: "\n".join(lines) + "\n"}
        return Workspace(files=files, traps=("same-key-other-section", "values-kept"))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        import configparser
        p = plan.params
        cp = configparser.ConfigParser()
        cp.optionxform = str
        cp.read_string(ws.files[p["path"]])
        sections = [(s, list(cp[s].items())) for s in cp.sections()]

        def migrated(skip: set = frozenset()) -> list:
            out = [(s, list(items)) for s, items in sections]
            for i, (kind, sec, key, nsec, nkey) in enumerate(p["changes"]):
                if i in skip:
                    continue
                src = next(items for s, items in out if s == sec)
                value = dict(src)[key]
                idx = [k for k, _ in src].index(key)
                if kind == "rename":
                    src[idx] = (nkey, value)
                elif kind == "move":
                    del src[idx]
                    next(items for s, items in out if s == nsec).append((nkey, value))
                else:
                    del src[idx]
            return out

        header = ws.files[p["path"]].splitlines()[0]
        good = migrated()
        b = VerificationBuilder()
        path = p["path"]
        b.write(path, _render_ini(good, header))
        original = dict((s, dict(items)) for s, items in sections)
        for kind, sec, key, nsec, nkey in p["changes"]:
            value = original[sec][key]
            if kind in ("rename", "move"):
                b.check(f"{nsec}-{nkey}".replace("_", "-"), "regex", f"[{nsec}] {nkey} = {value}.", path=path,
                        pattern=_ini_key_pattern(nsec, nkey, value), weight=2)
            b.check(f"gone-{sec}-{key}".replace("_", "-"), "regex", f"[{sec}] {key} is gone.", path=path,
                    pattern=rf"^\[{_re(sec)}\]\s*\n(?:(?!\[).*\n)*?{_re(key)}\s*=", must_match=False)
        touched = {(c[1], c[2]) for c in p["changes"]}
        kept = [(s, k, v) for s, items in sections for k, v in items if (s, k) not in touched]
        for s, k, v in kept[::3][:5] + [x for x in kept if x[1] == "pool"][:1]:
            b.check(f"kept-{s}-{k}".replace("_", "-"), "regex", f"[{s}] {k} = {v} is unchanged.", path=path,
                    pattern=_ini_key_pattern(s, k, v))
        b.check("sections", "regex", f"{len(sections)} sections remain.", path=path, pattern=r"^\[[a-z_]+\]\s*$",
                count=len(sections))
        for i, (kind, sec, key, _, _) in enumerate(p["changes"]):
            b.mutant(f"{kind}-{key}-skipped".replace("_", "-"), f"the {kind} of [{sec}] {key} was not applied").write(
                path, _render_ini(migrated({i}), header))
            if len(b._mutants) >= 2:
                break
        value_change = next(((sec, key, nsec, nkey) for kind, sec, key, nsec, nkey in p["changes"] if kind != "remove"), None)
        if value_change:
            sec, key, nsec, nkey = value_change
            bad = [(s, [(k, "0" if (s, k) == (nsec, nkey) else v) for k, v in items]) for s, items in good]
            b.mutant("value-reset", f"[{nsec}] {nkey} got a new value instead of the old one").write(path, _render_ini(bad, header))
        return b.build()


FAMILIES = [LogIncident(), CronMaintenance(), ConfigRollout(), LogRetention(), BackupArchive(), IniMigration()]
