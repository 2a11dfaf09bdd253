"""Systems & automation families: logs, cron, configuration, retention, archives."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter

import yaml

from .. import binfiles, vocab
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
        out = [f"# {service} configuration ({env})", "# keys are read at start-up; restart after changes", ""]
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
            "rules": ["a file is old when its date is more than keep_days days before today",
                      "old files are deleted, except the newest keep_at_least files of each folder",
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


# ------------------------------------------------------------------ archive restore

SECTOR_APPS = {
    "retail": ("shop", "pos", "loyalty"), "health": ("booking", "patient-portal", "rota"),
    "tech": ("helpdesk", "billing", "status-page"), "education": ("lms", "library", "timetable"),
    "logistics": ("tracking", "dispatch", "labels"), "research": ("lims", "instrument-hub", "samples"),
    "agency": ("client-portal", "timesheets"), "corporate": ("intranet", "expenses"),
    "nonprofit": ("donations", "volunteers"), "software": ("docs-site", "release-bot", "app"),
    "marketing": ("campaigns", "newsletter"), "facilities": ("room-booking", "meters"),
    "events": ("tickets", "rsvp"), "legal": ("matters", "docket"), "hospitality": ("reservations", "menu-board"),
}
TREE_FILES = (
    "config/settings.yaml", "config/database.yaml", "config/mail.yaml", "config/payments.yaml",
    "config/features.yaml", "config/logging.yaml", "config/app.ini", "config/sso.json",
    "data/rates.csv", "data/users.csv", "data/holidays.csv", "data/price_list.csv", "data/rooms.csv",
    "templates/email/welcome.html", "templates/invoice.html", "templates/reminder.html",
    "scripts/nightly.sh", "scripts/reindex.sh",
)
DECOY_DIRS = ("config/examples", "config/defaults", "legacy", "docs/samples", "old")
SERVER_ROOTS = ("/srv/{app}/", "/opt/{app}/", "/var/www/{app}/", "/home/deploy/{app}/")
TZ_NAMES = ((1, "CET"), (2, "CEST"), (3, "EEST"), (8, "SGT"), (9, "JST"))
KV_POOLS = {
    "settings": (("site_name", lambda r, app: f"{app.replace('-', ' ').title()} {r.choice(('Online', 'Portal', 'Hub'))}"),
                 ("timezone", lambda r, app: r.choice(("Europe/Lisbon", "Europe/Berlin", "UTC", "Europe/London"))),
                 ("locale", lambda r, app: r.choice(("en_GB", "pt_PT", "de_DE", "fr_FR"))),
                 ("items_per_page", lambda r, app: r.choice((10, 20, 25, 50, 100))),
                 ("session_minutes", lambda r, app: r.choice((15, 30, 60, 120)))),
    "database": (("host", lambda r, app: f"db{r.randint(1, 4)}.internal"), ("port", lambda r, app: r.choice((5432, 6432, 3306))),
                 ("name", lambda r, app: app.replace("-", "_")), ("pool_size", lambda r, app: r.randint(4, 40)),
                 ("statement_timeout_ms", lambda r, app: r.choice((2000, 5000, 15000, 30000)))),
    "mail": (("smtp_host", lambda r, app: r.choice(("smtp.mailgun.org", "mail.internal", "smtp.office365.com"))),
             ("smtp_port", lambda r, app: r.choice((25, 465, 587))), ("sender", lambda r, app: f"noreply@{app}.example"),
             ("use_tls", lambda r, app: r.choice(("true", "false"))), ("daily_limit", lambda r, app: r.randint(200, 5000))),
    "payments": (("provider", lambda r, app: r.choice(("stripe", "adyen", "mollie"))),
                 ("currency", lambda r, app: r.choice(("EUR", "GBP", "USD", "SEK"))),
                 ("capture_delay_hours", lambda r, app: r.choice((0, 2, 24, 48))), ("retries", lambda r, app: r.randint(1, 6)),
                 ("webhook_path", lambda r, app: r.choice(("/hooks/pay", "/api/payments/webhook", "/pay/notify")))),
    "features": (("new_checkout", lambda r, app: r.choice(("true", "false"))), ("dark_mode", lambda r, app: r.choice(("true", "false"))),
                 ("beta_search", lambda r, app: r.choice(("true", "false"))), ("rollout_percent", lambda r, app: r.choice((0, 10, 25, 50, 100))),
                 ("max_uploads", lambda r, app: r.randint(3, 20))),
    "logging": (("level", lambda r, app: r.choice(("debug", "info", "warning"))), ("file", lambda r, app: f"/var/log/{app}/app.log"),
                ("rotate_days", lambda r, app: r.choice((7, 14, 30))), ("json", lambda r, app: r.choice(("true", "false"))),
                ("slow_query_ms", lambda r, app: r.choice((200, 500, 1000)))),
    "app": (("workers", lambda r, app: r.randint(2, 16)), ("bind", lambda r, app: f"127.0.0.1:{r.choice((8000, 8080, 9000))}"),
            ("cache_ttl", lambda r, app: r.choice((60, 300, 900))), ("upload_dir", lambda r, app: f"/srv/uploads/{app}"),
            ("debug", lambda r, app: "false")),
    "sso": (("issuer", lambda r, app: r.choice(("https://login.example.org", "https://idp.example.net"))),
            ("client_id", lambda r, app: f"{app}-{r.randint(100, 999)}"), ("scopes", lambda r, app: r.choice(("openid email", "openid profile email"))),
            ("token_ttl_s", lambda r, app: r.choice((900, 3600, 7200))), ("allowed_domain", lambda r, app: f"{app}.example")),
    "nightly": (("KEEP_DAYS", lambda r, app: r.choice((7, 14, 30))), ("TARGET", lambda r, app: f"backup{r.randint(1, 3)}.internal"),
                ("NICE", lambda r, app: r.choice((5, 10, 19))), ("MAIL_TO", lambda r, app: f"ops@{app}.example"),
                ("COMPRESS", lambda r, app: r.choice(("gzip", "zstd")))),
    "reindex": (("BATCH", lambda r, app: r.choice((100, 500, 1000))), ("INDEX", lambda r, app: f"{app}-{r.choice(('main', 'v2', 'live'))}"),
                ("TIMEOUT", lambda r, app: r.choice((60, 300, 900))), ("THREADS", lambda r, app: r.randint(1, 8)),
                ("LOG", lambda r, app: f"/var/log/{app}/reindex.log")),
    "welcome": (("subject", lambda r, app: r.choice(("Welcome aboard", "Your account is ready", "Hello and welcome"))),
                ("greeting", lambda r, app: r.choice(("Hi", "Dear", "Hello"))),
                ("cta", lambda r, app: r.choice(("Sign in", "Get started", "Open your account"))),
                ("footer", lambda r, app: r.choice(("Questions? Just reply.", "We are here to help.", "See you soon."))),
                ("support_hours", lambda r, app: r.choice(("9-17", "8-18", "10-16")))),
}
KV_POOLS["invoice"] = (("subject", lambda r, app: r.choice(("Your invoice", "Invoice attached", "Payment due"))),
                       ("due_days", lambda r, app: r.choice((14, 30, 45))), ("footer", lambda r, app: r.choice(("Thank you.", "Kind regards."))),
                       ("iban_note", lambda r, app: r.choice(("Pay by bank transfer.", "Card payments accepted."))),
                       ("late_fee", lambda r, app: r.choice(("0%", "2%", "5%"))))
KV_POOLS["reminder"] = KV_POOLS["welcome"]
CSV_TABLES = {
    "rates": (("code", "description", "rate"), lambda r, i: (f"R{i:02d}", r.choice(("standard", "reduced", "weekend", "member", "late")), f"{r.uniform(5, 120):.2f}")),
    "users": (("login", "role", "active"), lambda r, i: (f"{r.choice(vocab.FIRST_NAMES).lower()}{i}", r.choice(("admin", "staff", "viewer")), r.choice(("yes", "no")))),
    "holidays": (("date", "name"), lambda r, i: (f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", r.choice(("closure", "public holiday", "inventory day")))),
    "price_list": (("sku", "name", "price"), lambda r, i: (f"SKU-{r.randint(1000, 9999)}", r.choice(("basic", "plus", "pro", "bundle", "refill")), f"{r.uniform(2, 300):.2f}")),
    "rooms": (("room", "capacity", "floor"), lambda r, i: (f"{r.choice(('A', 'B', 'C'))}{r.randint(1, 30)}", str(r.choice((4, 6, 8, 12, 20))), str(r.randint(0, 4)))),
}


def _file_text(path: str, app: str, seed: int, rev: int) -> str:
    """Revision `rev` of a live file: rev 0 drawn from the seed, each later revision changes one value."""
    import random
    stem, ext = path.rsplit("/", 1)[-1].rsplit(".", 1)
    title = f"{app} {path} (rev {rev})"
    if ext == "csv":
        header, row = CSV_TABLES[stem]
        r0 = random.Random(f"{seed}:{path}:0")
        rows = [list(row(r0, i)) for i in range(1, r0.randint(4, 9))]
        for k in range(1, rev + 1):
            rk = random.Random(f"{seed}:{path}:{k}")
            if rk.random() < 0.5:
                rows.append(list(row(rk, len(rows) + 1)))
            else:
                i = rk.randrange(len(rows))
                rows[i][-1] = row(rk, i + 1)[-1] + ("" if rows[i][-1] != row(rk, i + 1)[-1] else "0")
        return ",".join(header) + "\n" + "".join(",".join(x) + "\n" for x in rows)
    pool = KV_POOLS[stem]
    r0 = random.Random(f"{seed}:{path}:0")
    values = {k: fn(r0, app) for k, fn in pool}
    for k in range(1, rev + 1):
        rk = random.Random(f"{seed}:{path}:{k}")
        key, fn = rk.choice(pool)
        values[key] = fn(rk, app)
    if ext == "yaml":
        return f"# {title}\n" + "".join(f"{k}: {v}\n" for k, v in values.items())
    if ext == "ini":
        return f"; {title}\n[{app}]\n" + "".join(f"{k} = {v}\n" for k, v in values.items())
    if ext == "json":
        return json.dumps({"revision": rev, **values}, indent=2) + "\n"
    if ext == "sh":
        return (f"#!/bin/sh\n# {title}\nset -eu\n" + "".join(f"{k}={v}\n" for k, v in values.items())
                + f"exec /opt/{app}/bin/{stem} \"$@\"\n")
    return (f"<!-- {title} -->\n<h1>{values['subject']}</h1>\n"
            + "".join(f"<p data-key=\"{k}\">{v}</p>\n" for k, v in list(values.items())[1:]))


def _broken(text: str, how: str) -> str:
    if how == "empty":
        return ""
    if how == "truncated":
        return text[: max(3, len(text) * 2 // 5)]
    return "<<<<<<< HEAD\n" + text + "=======\n" + text.splitlines()[0] + "\n>>>>>>> deploy\n"


BACKUP_TIME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})[T_-](\d{2})-?(\d{2})")
INCIDENT_START = re.compile(r"^\*\*Started:\*\* (\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}) (?:UTC|\w+ \(UTC([+-])(\d{2}):(\d{2})\))\s*$", re.MULTILINE)
NOTE_FILE = re.compile(r"^- `(/[^`]+)`: (.*)$", re.MULTILINE)

RESTORE_TREE_CHECK = '''"""Restore side effects: the live files that were not to be restored are unchanged (mode
`untouched`), or no extracted copy of an archive is left in the workspace (mode `leftovers`)."""
import hashlib, json, os, sys
spec = json.load(open(os.path.join(os.environ["CLAWBENCH_CHECKS"], "restore_tree.json")))
mode = sys.argv[1]
if mode == "untouched":
    bad = []
    for path, digest in sorted(spec["untouched"].items()):
        try:
            got = hashlib.sha256(open(path, "rb").read()).hexdigest()
        except OSError:
            got = "missing"
        if got != digest:
            bad.append(path + ("" if got != "missing" else " (missing)"))
    expected = "%d files unchanged" % len(spec["untouched"])
else:
    bad = []
    for root, dirs, files in os.walk("."):
        dirs.sort()
        for name in sorted(files):
            rel = os.path.relpath(os.path.join(root, name), ".").replace(os.sep, "/")
            if ("/" + rel).find("/" + spec["prefix"]) >= 0:
                bad.append(rel)
    expected = "no file under a %s folder" % spec["prefix"]
print(json.dumps({"passed": not bad, "observed": bad[:5], "expected": expected, "message": mode}))
sys.exit(0 if not bad else 1)
'''


class ArchiveRestore(Family):
    name = "archive-restore"
    domain = "systems"
    intents = ("automation", "file-organisation", "monitoring")
    skills = ("archive-inspect", "archive-extract")
    optional_skills = ("json-write", "date-arithmetic")
    summary = ("Restore the files an incident note lists from the newest backup taken before the incident "
               "(tar.gz or zip, server path prefix), leaving newer local files alone, and log the restore.")

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        app = rng.choice(SECTOR_APPS.get(ctx.persona.sector, ("portal", "app")) + ("portal", "wiki", "crm"))
        root = rng.choice(SERVER_ROOTS).format(app=app)
        live = rng.choice(("", f"{app}/", "live/", "server/"))
        day = _day(rng, rng.choice((2024, 2025)))
        inc = rng.choice((f"INC-{rng.randint(1000, 9999)}", f"OPS-{rng.randint(100, 999)}",
                          f"IR-{day.year}-{rng.randint(10, 99):03d}"))
        note = rng.choice((f"incidents/{inc}.md", f"postmortems/{day.isoformat()}-{inc}.md", f"{inc}.md"))
        tz = rng.choice(TZ_NAMES) if ctx.uses("date-arithmetic") or rng.random() < 0.25 else None
        json_log = ctx.uses("json-write")
        log_dir = rng.choice(("reports", "restore", "incidents"))
        log = f"{log_dir}/restore-{inc}.{'json' if json_log else 'txt'}"
        tree = sorted(rng.sample(TREE_FILES, rng.randint(7, 11)))
        n_targets = rng.randint(2, 3)
        picked = rng.sample(tree, n_targets + 1)
        targets, kept = sorted(picked[:n_targets]), (picked[-1] if rng.random() < 0.6 else None)
        decoy = None
        if rng.random() < 0.75:
            base = rng.choice(targets)
            decoy = f"{rng.choice([d for d in DECOY_DIRS if not base.startswith(d + '/')])}/{base.rsplit('/', 1)[-1]}"
            tree = sorted(tree + [decoy])
        hows = {f: rng.choice(("deleted", "empty", "truncated", "conflict")) for f in targets + ([kept] if kept else [])}
        # files the incident deleted do not exist yet: the mapping example names them, so the agent knows the path
        shown = [f for f in targets if hows[f] == "deleted"] or [rng.choice(tree)]
        example = " and ".join(f"`{root}{f}` is `{live}{f}`" for f in shown)
        place = (f"which is this workspace's root (so {example})" if not live else
                 f"which in this workspace is `{live}` (so {example})")
        rules = [
            ("- use the newest backup taken **before** the incident started (the archive names carry the time the "
             "backup was taken, in UTC; `backups/README.md` describes them)"
             + ("; the note gives the start in local time, so convert it" if tz else "") + ";"),
            (f"- the archives hold the server folder `{root}` (member paths start with `{root.lstrip('/')}`), {place}: "
             "put each restored file back at its place there;"),
            ("- a file the note says was already fixed by hand keeps its current content, and every other file stays "
             "exactly as it is; leave no extracted copies of the archive anywhere in the workspace."),
        ]
        if json_log:
            out = (f"Then write `{log}`, a JSON object with exactly these keys: `incident` (`\"{inc}\"`), `backup` (the "
                   f"archive you restored from, as `backups/<file name>`), `restored` (the restored files as "
                   f"workspace-relative paths, sorted) and `kept` (the files the note lists that you left as they are, "
                   f"workspace-relative, sorted; `[]` if none).")
        else:
            out = (f"Then write `{log}`, a plain-text log: a line `incident: {inc}`, a line `backup: backups/<file "
                   f"name>` naming the archive you restored from, one line `restored: <path>` per restored file and "
                   f"one line `kept: <path>` per listed file you left as it is (workspace-relative paths, sorted).")
        text = (f"Incident {inc} damaged some of the {app} files; the write-up is `{note}`. Restore the files it "
                f"lists from the archives in `backups/`:\n\n" + "\n".join(rules) + f"\n\n{out}\n")
        return TaskPlan(
            title=f"Restore {app} files after {inc}", domain=self.domain,
            difficulty=difficulty_for(len(targets) - 1 + bool(kept) + bool(decoy) + bool(tz)),
            capabilities=("tool-selection", "file-state", "cross-file", "fine-grained"), instruction=text,
            intent=rng.choice(self.intents), expected_artifacts=(log,),
            params={"app": app, "root": root, "live": live, "day": day, "inc": inc, "note": note, "tz": tz,
                    "json_log": json_log, "log": log, "tree": tree, "targets": targets, "kept": kept,
                    "decoy": decoy, "hows": hows})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        app, day, live, prefix = p["app"], p["day"], p["live"], p["root"].lstrip("/")
        seed = rng.getrandbits(32)
        tree, targets, kept, decoy, hows = p["tree"], p["targets"], p["kept"], p["decoy"], p["hows"]
        others = [f for f in tree if f not in targets and f != kept]
        # ---- timeline (UTC): nightlies, an optional pre-deploy snapshot, the incident, backups after it
        n_h, n_m = rng.randint(1, 4), rng.choice((0, 15, 30, 45))
        start = dt.datetime(day.year, day.month, day.day, rng.randint(8, 16), rng.randint(0, 59))
        delay = rng.randint(35, 120)
        nights = rng.randint(2, 4)
        events = [(dt.datetime(day.year, day.month, day.day, n_h, n_m) - dt.timedelta(days=k), "nightly")
                  for k in range(nights, -1, -1)]
        partial = rng.random() < 0.3
        if partial:
            events[-1] = (events[-1][0], "partial")
        if rng.random() < 0.45:
            events.append((start - dt.timedelta(minutes=rng.randint(8, 50)), "predeploy"))
        if p["tz"] or rng.random() < 0.6:
            limit = min(delay, p["tz"][0] * 60 if p["tz"] else delay) - 3
            events.append((start + dt.timedelta(minutes=rng.randint(3, max(4, limit))), "manual"))
        events.append((events[0][0] + dt.timedelta(days=nights + 1), "nightly"))
        events.sort()
        before = [i for i, (t, kind) in enumerate(events) if t < start and kind != "partial"]
        good = before[-1]
        # ---- file revisions per backup
        revs = {f: [0] for f in tree}
        for i in range(1, good + 1):
            for f in tree:
                bump = (f in targets and i == good) or (f not in targets and rng.random() < 0.3)
                revs[f].append(revs[f][-1] + bump)
        text = lambda f, r: _file_text(f, app, seed, r)
        edited = set(rng.sample(others, max(1, len(others) // 3))) | ({decoy} if decoy else set())

        def damaged(f: str) -> str | None:
            return None if hows[f] == "deleted" else _broken(text(f, revs[f][good]), hows[f])

        def live_text(f: str) -> str | None:
            if f in targets:
                return damaged(f)
            return text(f, revs[f][good] + 1) if f == kept or f in edited else text(f, revs[f][good])

        files: dict[str, str | bytes] = {}
        styles = rng.choice(("A", "B", "C"))
        all_zip = rng.random() < 0.2
        names = []
        for i, (t, kind) in enumerate(events):
            if i <= good:
                content = {f: text(f, revs[f][i]) for f in tree}
            elif kind == "manual":
                content = {f: (damaged(f) if f in hows else text(f, revs[f][good])) for f in tree}
            else:
                content = {f: live_text(f) for f in tree}
            content = {prefix + f: c for f, c in content.items() if c is not None}
            suffix = {"predeploy": "-predeploy", "manual": "-manual"}.get(kind, "")
            stamp = {"A": f"{app}-{t:%Y%m%d-%H%M}{suffix}", "B": f"{app}_{t:%Y-%m-%d_%H-%M}Z{suffix}",
                     "C": f"{t:%Y-%m-%dT%H%MZ}-{app}{suffix}"}[styles]
            is_zip = all_zip or (kind in ("predeploy", "manual") and rng.random() < 0.6)
            data = binfiles.zip_bytes(content) if is_zip else binfiles.tar_gz(content)
            name = f"backups/{stamp}.{'zip' if is_zip else 'tar.gz'}"
            if kind == "partial":
                name, data = name + ".part", data[: len(data) // 3]
            files[name] = data
            names.append(name)
        for f in tree:
            c = live_text(f)
            if c is not None:
                files[live + f] = c
        # ---- the incident note and the backup README
        who = vocab.people(rng, 2)
        if p["tz"]:
            off, abbr = p["tz"]
            local = start + dt.timedelta(hours=off)
            started = f"{local:%Y-%m-%d %H:%M} {abbr} (UTC+{off:02d}:00)"
            detected = f"{local + dt.timedelta(minutes=delay):%H:%M} {abbr}"
        else:
            started, detected = f"{start:%Y-%m-%d %H:%M} UTC", f"{start + dt.timedelta(minutes=delay):%H:%M} UTC"
        why = {"deleted": "deleted by the migration step", "empty": "overwritten with an empty file",
               "truncated": "cut off half way (disk full during the deploy)",
               "conflict": "left with merge-conflict markers by the deploy script"}
        lines = [f"# {p['inc']}: {app} deploy went wrong", "", f"**Started:** {started}",
                 f"**Detected:** {detected} by {who[0]}", "",
                 f"A release of {app} ran a broken migration on the server. Affected files:", ""]
        listed = sorted(targets + ([kept] if kept else []))
        for f in listed:
            line = f"- `{p['root']}{f}`: {why[hows[f]]}"
            if f == kept:
                line += f"; already fixed by hand by {who[1]} afterwards, keep that version"
            lines.append(line)
        lines += ["", "Nothing else was touched. Restore from backup; do not roll back the rest of the tree.", ""]
        files[p["note"]] = "\n".join(lines)
        how_names = {"A": f"`{app}-YYYYMMDD-HHMM`", "B": f"`{app}_YYYY-MM-DD_HH-MMZ`", "C": f"`YYYY-MM-DDTHHMMZ-{app}`"}[styles]
        files["backups/README.md"] = (
            f"# Backups of {app}\n\nA nightly job archives `{p['root']}` at {n_h:02d}:{n_m:02d} UTC. Snapshots taken by "
            f"hand from the admin panel carry `-manual` or `-predeploy` in their name. Every name starts with the "
            f"time the backup was taken, in UTC: {how_names}. Archive members keep the server path "
            f"(`{prefix}...`).\n" + ("Files ending in `.part` are uploads that never finished.\n" if partial else ""))
        traps = ["backup-after-incident", "archive-path-prefix", "files-newer-than-backup"]
        traps += (["same-name-other-folder"] if decoy else []) + (["fixed-by-hand"] if kept else [])
        traps += (["incident-in-local-time"] if p["tz"] else []) + (["unfinished-upload"] if partial else [])
        traps += (["zip-archive"] if any(n.endswith(".zip") for n in names) else [])
        return Workspace(files=files, traps=tuple(traps))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        live, prefix = p["live"], p["root"].lstrip("/")
        strip = prefix.count("/")
        note = ws.files[p["note"]]
        m = INCIDENT_START.search(note)
        start = dt.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}:{m.group(3)}")
        if m.group(4):
            start -= (1 if m.group(4) == "+" else -1) * dt.timedelta(hours=int(m.group(5)), minutes=int(m.group(6)))
        listed = [(path[len(p["root"]):], "fixed by hand" in desc) for path, desc in NOTE_FILE.findall(note)]
        targets = sorted(f for f, hand in listed if not hand)
        kept = sorted(f for f, hand in listed if hand)
        backups = []
        for name, data in ws.files.items():
            if name.startswith("backups/") and name.endswith((".tar.gz", ".zip")):
                y, mo, d, h, mi = map(int, BACKUP_TIME.search(name.rsplit("/", 1)[-1]).groups())
                members = binfiles.read_zip(data) if name.endswith(".zip") else binfiles.read_tar(data)
                backups.append((dt.datetime(y, mo, d, h, mi), name, {k: v.decode() for k, v in members.items()}))
        backups.sort()
        usable = [b for b in backups if b[0] < start]
        good = usable[-1]
        restored = {f: good[2][prefix + f] for f in targets}
        tops = {k[len(prefix):].split("/")[0] for k in good[2]}
        live_files = {k[len(live):]: v for k, v in ws.files.items() if isinstance(v, str) and k.startswith(live)
                      and k[len(live):].split("/")[0] in tops}
        untouched = {live + f: hashlib.sha256(v.encode()).hexdigest() for f, v in sorted(live_files.items())
                     if f not in targets}
        dest = live.rstrip("/") or "."
        log = p["log"]

        def restore_cmd(backup, files: list[str], whole: bool = False, no_strip: bool = False) -> str:
            name = backup[1]
            if name.endswith(".tar.gz"):
                if no_strip:
                    return f"tar -xzf {name}"
                members = "" if whole else " " + " ".join(prefix + f for f in files)
                mk = f"mkdir -p {dest} && " if dest != "." else ""
                return f"{mk}tar -xzf {name} -C {dest} --strip-components={strip}{members}"
            if no_strip:
                return f"python3 -m zipfile -e {name} ."
            if whole:
                copy = f"cp -r \"$d/{prefix}.\" {dest}/"
            else:
                copy = " && ".join(f"mkdir -p {(live + f).rsplit('/', 1)[0]} && cp \"$d/{prefix}{f}\" {live}{f}" for f in files)
            return f"d=$(mktemp -d) && python3 -m zipfile -e {name} \"$d\" && {copy} && rm -rf \"$d\""

        def log_text(backup: str, rest: list[str], keep: list[str]) -> str:
            if p["json_log"]:
                return json.dumps({"incident": p["inc"], "backup": backup, "restored": [live + f for f in rest],
                                   "kept": [live + f for f in keep]}, indent=2) + "\n"
            return (f"incident: {p['inc']}\nbackup: {backup}\n" + "".join(f"restored: {live}{f}\n" for f in rest)
                    + "".join(f"kept: {live}{f}\n" for f in keep))

        b = VerificationBuilder()
        b.read(p["note"])
        b.exec(f"tar -tzf {good[1]}" if good[1].endswith(".tar.gz") else f"python3 -m zipfile -l {good[1]}")
        b.exec(restore_cmd(good, targets))
        b.write(log, log_text(good[1], targets, kept))
        for f in targets:
            b.check(f"restored-{vocab.slug(f)}", "regex", f"{live}{f} has its content from {good[1]}.", path=live + f,
                    pattern=r"\A" + _re(restored[f]) + r"\Z", multiline=False, weight=2)
        for f in kept:
            b.check(f"kept-{vocab.slug(f)}", "regex", f"{live}{f} keeps the version fixed by hand.", path=live + f,
                    pattern=r"\A" + _re(live_files[f]) + r"\Z", multiline=False, weight=2)
        b.check_files["restore_tree.json"] = json.dumps({"untouched": untouched, "prefix": prefix}, indent=1) + "\n"
        b.python_check("untouched", f"The {len(untouched)} live files that were not to be restored are unchanged.",
                       "check_restore_tree.py", RESTORE_TREE_CHECK, args=["untouched"], weight=2)
        b.python_check("no-leftovers", f"No extracted `{prefix}` copy is left in the workspace.",
                       "check_restore_tree.py", RESTORE_TREE_CHECK, args=["leftovers"])
        rest_paths, kept_paths = [live + f for f in targets], [live + f for f in kept]
        if p["json_log"]:
            b.check("log-schema", "json_schema", "The log has exactly the requested keys.", path=log,
                    schema={"type": "object", "required": ["incident", "backup", "restored", "kept"],
                            "additionalProperties": False,
                            "properties": {"incident": {"type": "string"}, "backup": {"type": "string"},
                                           "restored": {"type": "array", "items": {"type": "string"}},
                                           "kept": {"type": "array", "items": {"type": "string"}}}})
            b.check("log-backup", "json_value", f"The log names {good[1]}.", path=log, pointer="/backup", equals=good[1], weight=2)
            b.check("log-restored", "json_value", f"The log lists {', '.join(rest_paths)}.", path=log,
                    pointer="/restored", equals=rest_paths)
            b.check("log-kept", "json_value", f"The log's kept list is {kept_paths}.", path=log, pointer="/kept",
                    equals=kept_paths)
        else:
            b.check("log-incident", "regex", "The log names the incident.", path=log, pattern=rf"^incident: {_re(p['inc'])}\s*$")
            b.check("log-backup", "regex", f"The log names {good[1]}.", path=log,
                    pattern=rf"^backup: {_re(good[1])}\s*$", count=1, weight=2)
            b.check("log-restored", "regex", f"The log lists the {len(targets)} restored files, sorted.", path=log,
                    pattern=r"\n".join(rf"^restored: {_re(x)}[ \t]*$" for x in rest_paths) + r"(?!\nrestored:)",
                    multiline=True)
            b.check("log-restored-count", "regex", f"{len(targets)} restored lines.", path=log, pattern=r"^restored: ",
                    count=len(targets))
            if kept:
                b.check("log-kept", "regex", "The log lists the file fixed by hand as kept.", path=log,
                        pattern=rf"^kept: {_re(kept_paths[0])}\s*$", count=1)
        b.rubric_item("restore-scope", "Only the files the incident note lists were restored, from the backup taken "
                      "just before the incident, and the agent explained which backup it chose and why.",
                      [log, "@transcript"])
        # ---- mutants: near-miss restores
        newest = backups[-1]
        b.mutant("newest-backup", f"restored from the newest archive {newest[1]}, taken after the incident").exec(
            restore_cmd(newest, [f for f in targets if prefix + f in newest[2]]) if any(prefix + f in newest[2] for f in targets)
            else "true").write(log, log_text(newest[1], targets, kept))
        later = [x for x in backups if x[0] > start and x is not newest]
        if later:
            b.mutant("after-incident-snapshot", f"restored from {later[0][1]}, taken after the incident started").exec(
                restore_cmd(later[0], [f for f in targets if prefix + f in later[0][2]]) if any(prefix + f in later[0][2] for f in targets)
                else "true").write(log, log_text(later[0][1], targets, kept))
        if len(usable) > 1:
            older = usable[-2]
            b.mutant("older-backup", f"restored from {older[1]}, one backup too early").exec(
                restore_cmd(older, targets)).write(log, log_text(older[1], targets, kept))
        base_names = {f.rsplit("/", 1)[-1]: f for f in targets}
        decoys = sorted(k[len(prefix):] for k in good[2] if k[len(prefix):] not in targets
                        and k.rsplit("/", 1)[-1] in base_names)
        if decoys:
            wrong = decoys[0]
            b.mutant("same-name-other-folder", f"took {wrong} from the archive instead of "
                     f"{base_names[wrong.rsplit('/', 1)[-1]]}").write(live + base_names[wrong.rsplit("/", 1)[-1]], good[2][prefix + wrong])
        if kept:
            b.mutant("fixed-file-overwritten", f"{kept[0]} was restored too, losing the hand fix").exec(
                restore_cmd(good, kept)).write(log, log_text(good[1], sorted(targets + kept), []))
        b.mutant("whole-archive", "the whole archive was extracted over the live tree").exec(restore_cmd(good, [], whole=True))
        b.mutant("left-extracted", "the archive was also extracted with its server prefix and left there").exec(
            restore_cmd(good, [], no_strip=True))
        return b.build()


# ------------------------------------------------------------------ service health (SLO report)

SECTOR_SERVICES = {
    "health": ("booking", "patient-portal", "lab-results", "e-prescribing", "sms-reminders"),
    "education": ("lms", "library-catalog", "timetable", "gradebook", "wifi-portal"),
    "retail": ("storefront", "checkout", "stock-sync", "loyalty", "pos-gateway"),
    "logistics": ("tracking", "dispatch", "label-print", "carrier-api", "eta"),
    "tech": ("api", "auth", "billing", "webhooks", "status-page"),
    "research": ("lims", "instrument-feed", "sample-db", "compute-queue"),
    "hospitality": ("reservations", "menu-api", "table-booking", "pos-gateway"),
    "events": ("tickets", "rsvp", "badge-print", "checkin"),
    "facilities": ("room-booking", "meter-feed", "access-control", "visitor-wifi"),
    "software": ("api", "docs", "registry", "ci-runner", "license-server"),
    "marketing": ("newsletter", "landing-pages", "tracking-pixel", "crm-sync"),
    "nonprofit": ("donations", "volunteer-portal", "newsletter"),
    "legal": ("document-store", "e-signature", "matter-db"),
    "corporate": ("intranet", "expenses", "sso", "hr-portal"),
    "agency": ("client-portal", "asset-cdn", "timesheets"),
}
TEAMS = ("platform", "web", "payments", "data", "identity", "mobile", "ops", "integrations", "core", "growth",
         "infra", "backoffice")
PROBE_REGIONS = ("eu-west", "eu-central", "uk-south", "nordics", "eu-south")
TZ_REGIONS = (("us-east", -240), ("us-west", -420), ("ap-south", 330), ("ap-east", 480), ("sa-east", -180))
PROBE_KEYS = (("ts", "time", "timestamp"), ("service", "target", "check"), ("ok", "up", "success"),
              ("latency_ms", "duration_ms", "rtt_ms"))
SH_FLAGS = ("maintenance", "alias", "decommissioned", "no-data", "timezone", "boundary", "unknown")


def _stamp(t: dt.datetime, offset_min: int) -> str:
    if not offset_min:
        return f"{t:%Y-%m-%dT%H:%M:%S}Z"
    local, sign = t + dt.timedelta(minutes=offset_min), "+" if offset_min > 0 else "-"
    return f"{local:%Y-%m-%dT%H:%M:%S}{sign}{abs(offset_min) // 60:02d}:{abs(offset_min) % 60:02d}"


def _utc(text: str, naive: bool = False) -> dt.datetime:
    """A probe time as naive UTC; `naive` reads the wall clock and ignores the offset (the trap)."""
    t = dt.datetime.fromisoformat(text)
    return t.replace(tzinfo=None) if naive else t.astimezone(dt.UTC).replace(tzinfo=None)


def _health(p: dict, inventory: dict, windows: list, texts: list[str], flags: frozenset = frozenset()) -> dict:
    """The report (service -> figures) as the rules define it; each flag is one careless reading."""
    import math
    ts_k, svc_k, ok_k, lat_k = p["keys"]
    day = dt.datetime.fromisoformat(p["day"].isoformat())
    start, end = day, day + dt.timedelta(days=1)
    services = {s["name"]: s for s in inventory["services"]
                if "include-decommissioned" in flags or not s.get("decommissioned")}
    alias = {} if "ignore-alias" in flags else {a: s["name"] for s in services.values() for a in s.get("aliases", [])}
    samples: dict[str, list] = {name: [] for name in services}
    for text in texts:
        for line in text.splitlines():
            try:
                e = json.loads(line)
            except json.JSONDecodeError:
                continue
            if not isinstance(e, dict):
                continue
            t = _utc(e[ts_k], naive="naive-timezone" in flags)
            if not (start <= t < end) and "no-period-filter" not in flags:
                continue
            name = alias.get(e[svc_k], e[svc_k])
            if name not in samples:
                if "include-unknown" not in flags:
                    continue
                samples[name] = []
            if "include-maintenance" not in flags and any(
                    w["service"] == name and _utc(w["start"]) <= t < _utc(w["end"]) for w in windows):
                continue
            samples[name].append((e[ok_k], e[lat_k]))
    out = {}
    for name in sorted(samples):
        got = samples[name]
        spec = services.get(name, {"owner": "unknown", "slo": {"availability": 99.0, p["slo_lat"]: 10 ** 6}})
        if not got:
            if "no-data-as-zero" in flags:
                out[name] = {"owner": spec["owner"], "samples": 0, "availability": 0.0, "latency": 0, "status": "breach"}
            else:
                out[name] = {"owner": spec["owner"], "samples": 0, "availability": None, "latency": None, "status": "no-data"}
            continue
        good = sum(1 for ok, _ in got if ok)
        avail = round(100 * good / len(got), 2)
        lats = sorted(l for ok, l in got if ok or "latency-of-failures" in flags)
        if not lats:
            lat = None
        elif p["metric"] == "max":
            lat = lats[-1]
        else:
            lat = lats[math.ceil(0.95 * len(lats)) - 1]
        slo = spec["slo"]
        low = avail <= slo["availability"] if "boundary-is-breach" in flags else avail < slo["availability"]
        slow = lat is not None and lat > slo[p["slo_lat"]]
        out[name] = {"owner": spec["owner"], "samples": len(got), "availability": avail, "latency": lat,
                     "status": "breach" if low or slow else "ok"}
    return out


class ServiceHealth(Family):
    name = "service-health"
    domain = "systems"
    intents = ("monitoring", "report-generation")
    skills = ("yaml-read", "log-parse-jsonl")
    optional_skills = ("json-write", "markdown-report")
    summary = ("Compute per-service availability and latency from JSON-lines probe results against the SLOs of a "
               "YAML inventory, with maintenance windows, renamed and decommissioned services, and UTC offsets.")

    def plan(self, ctx: GenContext) -> TaskPlan:
        rng = ctx.rng("plan")
        day = _day(rng, rng.choice((2024, 2025)))
        flags = {f for f, prob in zip(SH_FLAGS, (0.8, 0.6, 0.6, 0.5, 0.6, 0.5, 0.4)) if rng.random() < prob}
        while len(flags) < 3:
            flags.add(rng.choice(SH_FLAGS))
        metric = rng.choice(("p95", "max"))
        keys = tuple(rng.choice(k) for k in PROBE_KEYS)
        inv = rng.choice(("services.yaml", "inventory/services.yaml", "ops/service-catalog.yaml", "conf/services.yaml"))
        maint = rng.choice((inv, "maintenance.yaml", "ops/maintenance.yaml")) if "maintenance" in flags else None
        probes = rng.choice(("probes", "healthchecks", "monitoring/probes"))
        fmt = "json" if ctx.uses("json-write") else "csv"
        out = f"reports/service-health-{day.isoformat()}.{fmt}"
        md = f"reports/service-health-{day.isoformat()}.md" if ctx.uses("markdown-report") else None
        lat_col = f"{metric}_latency_ms"
        lat_def = ("the 95th percentile by nearest rank (sort ascending, take the value at position ceil(0.95 × n), "
                   "counting from 1)" if metric == "p95" else "the maximum")
        where_maint = (f"listed under `maintenance` in `{inv}`" if maint == inv else f"listed in `{maint}`") if maint else \
            "declared in the inventory, if any"
        rules = [
            ("- Report every service of the inventory except those marked `decommissioned: true`. A probe may name a "
             "service by one of the former names listed under its `aliases`: it counts for that service. Probes of "
             "names that are not in the inventory are ignored."),
            (f"- A probe counts when its `{keys[0]}` falls in the period (the timestamps carry a UTC offset, `Z` or "
             f"e.g. `-04:00`: convert them) and not inside a maintenance window of its service {where_maint} (start "
             "inclusive, end exclusive). Lines that are not valid JSON objects are skipped."),
            (f"- `samples`: the number of counted probes. `availability`: the counted probes with `{keys[2]}: true` / "
             f"samples × 100, rounded to 2 decimals. `{lat_col}`: {lat_def} of `{keys[3]}` over the counted "
             "successful probes (an integer)."),
            ("- `status`: `no-data` when the service has no counted probe; otherwise `breach` when the rounded "
             f"availability is below the service's SLO `availability` or `{lat_col}` is above its SLO `{lat_col}`, "
             "else `ok`."),
        ]
        if fmt == "json":
            spec = (f"`{out}` must be a JSON object with exactly the keys `date` (`\"{day.isoformat()}\"`), `services` "
                    f"(an object keyed by service name; each value an object with exactly `owner`, `samples`, "
                    f"`availability`, `{lat_col}` and `status`; availability and latency are `null` for `no-data`) and "
                    f"`breaches` (the names of the services with status `breach`, sorted).")
        else:
            spec = (f"`{out}` must be a CSV file with exactly the columns `service,owner,samples,availability,"
                    f"{lat_col},status`, one row per reported service, sorted by service; leave availability and "
                    f"latency empty for `no-data`.")
        if md:
            spec += (f"\n\nAlso write `{md}` for the team channel: first line `# Service health {day.isoformat()}`, "
                     f"then one line `- <service>: <status>` per reported service in the same order, then a line "
                     f"`Breaches: <number>`.")
        text = (f"Write the service-health report for {day.isoformat()} (UTC, from 00:00 inclusive to 24:00 exclusive) "
                f"from the probe results in `{probes}/` (one JSON-lines file per probe region) and the service "
                f"inventory `{inv}`.\n\nRules:\n" + "\n".join(rules) + f"\n\n{spec}\n")
        return TaskPlan(
            title=f"Service health report for {day.isoformat()}", domain=self.domain,
            difficulty=difficulty_for(len(flags) - 1 + bool(md)),
            capabilities=("cross-file", "fine-grained", "error-recovery") + (("long-range",) if md else ()),
            instruction=text, intent=rng.choice(self.intents), expected_artifacts=tuple(x for x in (out, md) if x),
            params={"day": day, "flags": sorted(flags), "metric": metric, "keys": keys, "inv": inv, "maint": maint,
                    "probes": probes, "fmt": fmt, "out": out, "md": md, "lat_col": lat_col, "slo_lat": lat_col})

    def prepare(self, ctx: GenContext, plan: TaskPlan) -> Workspace:
        rng, p = ctx.rng("prepare"), plan.params
        flags = set(p["flags"])
        ts_k, svc_k, ok_k, lat_k = p["keys"]
        sector = list(SECTOR_SERVICES.get(ctx.persona.sector, ()))
        pool = rng.sample(sector, min(3, len(sector))) + rng.sample([s for s in vocab.SERVICES if s not in sector], 8)
        n_active = rng.randint(4, 6)
        active, spare = pool[:n_active], pool[n_active:]
        decom = spare.pop() if "decommissioned" in flags else None
        nodata = spare.pop() if "no-data" in flags else None
        unknown = f"{rng.choice(('canary', 'staging', 'test'))}-{spare.pop()}" if "unknown" in flags else None
        roles = rng.sample(active, 4)   # outage, maintenance, alias, boundary: distinct services
        outage, maint_svc = roles[0], roles[1] if "maintenance" in flags else None
        alias_svc = roles[2] if "alias" in flags else None
        boundary = roles[3] if "boundary" in flags else None
        slow = rng.choice([s for s in active if s != boundary])
        old_name = (rng.choice((f"{alias_svc}-v1", f"legacy-{alias_svc}", f"{alias_svc}-old", f"{alias_svc}-svc"))
                    if alias_svc else None)
        day = dt.datetime.fromisoformat(p["day"].isoformat())
        slo = {}
        for s in active + [x for x in (decom, nodata) if x]:
            slo[s] = {"availability": rng.choice((98.0, 99.0, 99.5, 99.9)),
                      p["slo_lat"]: rng.choice((200, 300, 400, 500, 800, 1200))}
        timeout = rng.choice((3000, 5000, 10000))
        n_b = f_b = 0
        if boundary:
            n_b, f_b, a_b = rng.choice(((50, 1, 98.0), (100, 1, 99.0), (100, 2, 98.0), (200, 1, 99.5), (200, 2, 99.0)))
            slo[boundary]["availability"] = a_b
        windows = []
        if maint_svc:
            w0 = day + dt.timedelta(minutes=rng.randrange(60, 20 * 60, 15))
            windows.append({"service": maint_svc, "start": _stamp(w0, 0),
                            "end": _stamp(w0 + dt.timedelta(minutes=rng.choice((45, 60, 90, 120))), 0),
                            "reason": rng.choice(("database upgrade", "certificate rotation", "index rebuild",
                                                  "kernel patching", "storage migration"))})
            past = rng.choice([s for s in active if s != maint_svc])
            p0 = day - dt.timedelta(days=rng.randint(3, 9), hours=-rng.randint(1, 5))
            windows.insert(0, {"service": past, "start": _stamp(p0, 0), "end": _stamp(p0 + dt.timedelta(hours=1), 0),
                               "reason": "planned failover test"})
        outage_at = day + dt.timedelta(minutes=rng.randrange(30, 22 * 60))
        outage_len = dt.timedelta(minutes=rng.randint(15, 50))
        rename_at = day + dt.timedelta(minutes=rng.randrange(4 * 60, 18 * 60))
        regions = [(rng.choice(PROBE_REGIONS), 0, rng.choice((15, 20, 30)))]
        if "timezone" in flags:
            name, off = rng.choice(TZ_REGIONS)
            regions.append((name, off, rng.choice((30, 45, 60))))
        files = {}
        for r_i, (region, off, every) in enumerate(regions):
            pre, post = rng.randint(30, 170), rng.randint(30, 170)
            rows = []
            probed = [s for s in active if not (s == boundary and r_i > 0)] + [x for x in (decom, unknown) if x]
            for s in probed:
                if s == boundary:
                    step = 86400 / n_b
                    times = [day + dt.timedelta(seconds=int(k * step) + rng.randrange(int(step) - 1))
                             for k in range(n_b)]
                    times += [day - dt.timedelta(seconds=int(k * step) + 30) for k in range(1, pre * 60 // int(step))]
                    times += [day + dt.timedelta(days=1, seconds=int(k * step) + 30) for k in range(post * 60 // int(step))]
                    fails = set(rng.sample([t for t in times if day <= t < day + dt.timedelta(days=1)], f_b))
                else:
                    jitter = rng.randrange(every * 60)
                    t, times = day - dt.timedelta(minutes=pre) + dt.timedelta(seconds=jitter), []
                    while t < day + dt.timedelta(days=1, minutes=post):
                        times.append(t)
                        t += dt.timedelta(minutes=every, seconds=rng.randint(-20, 20))
                    fails = set()
                limit = slo.get(s, {p["slo_lat"]: 600})[p["slo_lat"]]
                base = limit * rng.uniform(0.2, 0.45)
                p_fail = rng.choice((0.0, 0.0, 0.003, 0.006)) if s != boundary else 0.0
                for t in times:
                    in_period = day <= t < day + dt.timedelta(days=1)
                    if s == decom:
                        ok = False
                    elif s == boundary:
                        ok = t not in fails
                    elif s == outage and outage_at <= t < outage_at + outage_len:
                        ok = False
                    elif maint_svc and s == maint_svc and any(_utc(w["start"]) <= t < _utc(w["end"]) for w in windows[1:]):
                        ok = rng.random() < 0.2
                    else:
                        ok = rng.random() >= p_fail or not in_period and rng.random() < 0.5
                    if ok:
                        lat = base * rng.lognormvariate(0, 0.3)
                        if s == slow and rng.random() < 0.12:
                            lat = limit * rng.uniform(1.05, 1.8)
                        else:
                            lat = min(lat, limit * 0.95)
                        lat = max(3, int(lat))
                    else:
                        lat = timeout
                    shown = old_name if s == alias_svc and t < rename_at else s
                    code = 200 if ok else rng.choice((0, 502, 503, 504))
                    rows.append((t, {ts_k: _stamp(t, off), svc_k: shown, ok_k: ok, lat_k: lat,
                                     "http_status": code}))
            rows.sort(key=lambda x: (x[0], x[1][svc_k]))
            lines = [json.dumps(e) for _, e in rows]
            cut = [i for i, (_, e) in enumerate(rows) if e[svc_k] != boundary]   # the boundary count stays exact
            for i in rng.sample(cut, rng.randint(1, 3)):
                lines[i] = lines[i][: rng.randint(10, len(lines[i]) - 5)]
            files[f"{p['probes']}/{region}.jsonl"] = "\n".join(lines) + "\n"
        teams = {s: rng.choice(TEAMS) for s in slo}
        entries = []
        for s in sorted(slo):
            e = {"name": s, "owner": teams[s], "tier": rng.randint(1, 3), "slo": slo[s]}
            if s == alias_svc:
                e["aliases"] = [old_name]
            if s == decom:
                e["decommissioned"] = True
                e["notes"] = "replaced; probe still configured, remove after the quarter"
            if s == nodata:
                e["notes"] = "new service, probes not set up yet"
            entries.append(e)
        doc = {"services": entries}
        header = f"# Service inventory ({ctx.persona.organisation}); SLOs are per calendar day\n"
        if p["maint"] == p["inv"]:
            doc["maintenance"] = windows
        elif p["maint"]:
            files[p["maint"]] = "# Declared maintenance windows (UTC)\n" + dump_yaml({"windows": windows})
        files[p["inv"]] = header + dump_yaml(doc)
        files["README.md"] = (f"# Service health\n\nProbes run from {len(regions)} region(s) and append to "
                              f"`{p['probes']}/<region>.jsonl`. Reports go to `reports/`.\n")
        traps = ["truncated-lines", "probes-outside-the-day"] + [
            {"maintenance": "maintenance-window", "alias": "renamed-service", "decommissioned": "decommissioned-still-probed",
             "no-data": "service-without-samples", "timezone": "utc-offsets", "boundary": "availability-at-slo",
             "unknown": "probe-not-in-inventory"}[f] for f in sorted(flags)]
        return Workspace(files=files, traps=tuple(traps))

    def design(self, ctx: GenContext, plan: TaskPlan, ws: Workspace):
        p = plan.params
        inventory = yaml.safe_load(ws.files[p["inv"]])
        if p["maint"] == p["inv"]:
            windows = inventory.get("maintenance", [])
        elif p["maint"]:
            windows = yaml.safe_load(ws.files[p["maint"]])["windows"]
        else:
            windows = []
        texts = [v for k, v in sorted(ws.files.items()) if k.startswith(p["probes"] + "/") and k.endswith(".jsonl")]
        good = _health(p, inventory, windows, texts)
        day, out, col = p["day"].isoformat(), p["out"], p["lat_col"]
        breaches = sorted(n for n, r in good.items() if r["status"] == "breach")

        def render(report: dict) -> str:
            if p["fmt"] == "json":
                doc = {"date": day, "services": {n: {"owner": r["owner"], "samples": r["samples"],
                                                     "availability": r["availability"], col: r["latency"],
                                                     "status": r["status"]} for n, r in report.items()},
                       "breaches": sorted(n for n, r in report.items() if r["status"] == "breach")}
                return json.dumps(doc, indent=2) + "\n"
            rows = ["service,owner,samples,availability," + col + ",status"]
            for n, r in report.items():
                av = "" if r["availability"] is None else f"{r['availability']:.2f}"
                lat = "" if r["latency"] is None else str(r["latency"])
                rows.append(f"{n},{r['owner']},{r['samples']},{av},{lat},{r['status']}")
            return "\n".join(rows) + "\n"

        b = VerificationBuilder()
        b.read(p["inv"])
        b.write(out, render(good))
        fields = ["owner", "samples", "availability", col, "status"]
        if p["fmt"] == "json":
            b.check("schema", "json_schema", f"The report covers exactly {', '.join(good)}, each with the five fields.",
                    path=out, schema={
                        "type": "object", "required": ["date", "services", "breaches"], "additionalProperties": False,
                        "properties": {"date": {"const": day}, "breaches": {"type": "array"},
                                       "services": {"type": "object", "required": list(good), "additionalProperties": False,
                                                    "properties": {n: {"type": "object", "additionalProperties": False,
                                                                       "required": fields, "properties": {f: {} for f in fields}}
                                                                   for n in good}}}})
            b.check("breaches", "json_value", f"Breaches: {breaches or 'none'}.", path=out, pointer="/breaches",
                    equals=breaches, weight=2)
        else:
            b.check("columns", "csv_columns", "The report has exactly the requested columns.", path=out,
                    columns=["service", "owner", "samples", "availability", col, "status"], exact=True)
            b.check("rows", "csv_value", f"{len(good)} services are reported.", path=out, column="service",
                    aggregate="count", equals=len(good))
            b.check("breach-count", "csv_value", f"{len(breaches)} services breach their SLO.", path=out, column="service",
                    aggregate="count", where={"status": "breach"}, equals=len(breaches), weight=2)
        covered: set = set()
        field_names = {"samples": "samples", "availability": "availability", "latency": col, "status": "status"}

        def target(n: str, field: str) -> None:
            if (n, field) in covered:
                return
            covered.add((n, field))
            value = good[n][field]
            desc = f"{n}: {field_names[field]} = {value}."
            cid = f"{vocab.slug(n)}-{field}"
            if p["fmt"] == "json":
                spec = {"approx": value, "tolerance": 0.0101} if field == "availability" and value is not None else {"equals": value}
                b.check(cid, "json_value", desc, path=out, pointer=f"/services/{n}/{field_names[field]}",
                        weight=2 if field == "samples" else 1, **spec)
            else:
                shown = "" if value is None else value
                spec = {"approx": shown, "tolerance": 0.0101} if field == "availability" and value is not None else {"equals": shown}
                b.check(cid, "csv_value", desc, path=out, column=field_names[field], where={"service": n},
                        weight=2 if field == "samples" else 1, **spec)

        mutants = (("include-maintenance", "probes inside the maintenance window were counted"),
                   ("ignore-alias", "probes under the service's former name were not counted for it"),
                   ("include-decommissioned", "the decommissioned service was reported"),
                   ("naive-timezone", "the UTC offsets were ignored (local wall-clock times read as UTC)"),
                   ("no-period-filter", "probes from before and after the day were counted"),
                   ("latency-of-failures", "the latency included the failed probes' timeouts"),
                   ("boundary-is-breach", "an availability exactly at the SLO was called a breach"),
                   ("no-data-as-zero", "a service without probes got availability 0 and status breach"),
                   ("include-unknown", "a probe target missing from the inventory was reported"))
        for flag, desc in mutants:
            bad = _health(p, inventory, windows, texts, frozenset({flag}))
            if bad == good:
                continue
            if set(bad) == set(good):
                diffs = [(n, f) for n in good for f in ("samples", "status", "availability", "latency")
                         if not _same_figure(good[n][f], bad[n][f])]
                if not diffs:
                    continue
                caught_by_breaches = any(f == "status" for _, f in diffs) and (
                    p["fmt"] == "json" or sum(r["status"] == "breach" for r in bad.values()) != len(breaches))
                if not caught_by_breaches and not any(d in covered for d in diffs):
                    target(*diffs[0])
            b.mutant(flag, desc).write(out, render(bad))
        # a plain service's figures, so every task checks the arithmetic itself
        plain = next((n for n in good if good[n]["status"] == "ok" and (n, "availability") not in covered), None)
        if plain:
            target(plain, "availability")
            target(plain, "latency")
        if p["md"]:
            lines = "\n".join(f"- {n}: {r['status']}" for n, r in good.items())
            b.write(p["md"], f"# Service health {day}\n\n{lines}\n\nBreaches: {len(breaches)}\n")
            b.check("md-title", "regex", "The note starts with its title.", path=p["md"],
                    pattern=rf"\A# Service health {day}\s*$")
            b.check("md-statuses", "regex", "The note lists every reported service's status, in order.", path=p["md"],
                    pattern=r"\n".join(rf"^- {_re(n)}: {r['status']}\s*$" for n, r in good.items()))
            b.check("md-breaches", "regex", f"The note says `Breaches: {len(breaches)}`.", path=p["md"],
                    pattern=rf"^Breaches: {len(breaches)}\s*$")
            b.mutant("note-stale-status", "the note's status list does not match the report").write(
                p["md"], f"# Service health {day}\n\n" + "\n".join(
                    f"- {n}: {'ok' if r['status'] != 'ok' else 'breach'}" for n, r in good.items()) +
                f"\n\nBreaches: {len(breaches)}\n")
        b.rubric_item("explained", "The reply explains each breach (which SLO was missed and by how much) and mentions "
                      "what was excluded: maintenance windows, decommissioned or unknown services.", ["@transcript"])
        return b.build()


def _same_figure(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 0.02
    return a == b


FAMILIES = [LogIncident(), CronMaintenance(), ConfigRollout(), LogRetention(), BackupArchive(), IniMigration(),
            ArchiveRestore(), ServiceHealth()]
