"""Checks for sys-alertmanager-storage-routing: `rules` (node.rules.yml), `app` (app.rules.yml
unchanged), `routing` (simulated Alertmanager routing), `am` (the rest of alertmanager.yml)."""
import json
import re
import sys

import yaml

EXPECTED_RULES = {'groups': [{'name': 'node',
             'interval': '1m',
             'rules': [{'alert': 'NodeDown',
                        'expr': 'up{job="node"} == 0',
                        'for': '5m',
                        'labels': {'severity': 'page', 'team': 'platform'},
                        'annotations': {'summary': 'Node {{ $labels.instance }} is down',
                                        'runbook_url': 'https://runbooks.lumen-pay.internal/node/node-down'}},
                       {'alert': 'HighCPU',
                        'expr': '100 * (1 - avg by (instance) '
                                '(rate(node_cpu_seconds_total{mode="idle"}[5m]))) > 85',
                        'for': '15m',
                        'labels': {'severity': 'warning', 'team': 'platform'},
                        'annotations': {'summary': 'CPU above 85% on {{ $labels.instance }}',
                                        'runbook_url': 'https://runbooks.lumen-pay.internal/node/high-cpu'}},
                       {'alert': 'FilesystemAlmostFull',
                        'expr': '(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay"} / '
                                'node_filesystem_size_bytes) * 100 < 10',
                        'for': '15m',
                        'labels': {'severity': 'warning', 'team': 'storage'},
                        'annotations': {'summary': 'Less than 10% free on {{ $labels.instance }}:{{ '
                                                   '$labels.mountpoint }}',
                                        'description': 'Free space: {{ $value | printf "%.1f" }}% - clean up '
                                                       'or expand the volume.',
                                        'runbook_url': 'https://runbooks.lumen-pay.internal/storage/filesystem-full'}},
                       {'alert': 'DiskWillFillIn4Hours',
                        'expr': 'predict_linear(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay"}[6h], 4 '
                                '* 3600) < 0',
                        'for': '30m',
                        'labels': {'severity': 'page', 'team': 'storage'},
                        'annotations': {'summary': '{{ $labels.instance }}:{{ $labels.mountpoint }} will '
                                                   'fill up within 4 hours',
                                        'runbook_url': 'https://runbooks.lumen-pay.internal/storage/disk-will-fill'}},
                       {'alert': 'MemoryPressure',
                        'expr': '(node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes) * 100 < 5',
                        'for': '10m',
                        'labels': {'severity': 'warning', 'team': 'platform'},
                        'annotations': {'summary': 'Less than 5% memory available on {{ $labels.instance }}',
                                        'runbook_url': 'https://runbooks.lumen-pay.internal/node/memory-pressure'}}]}]}
EXPECTED_APP = {'groups': [{'name': 'payments-api',
             'rules': [{'alert': 'PaymentsHighErrorRate',
                        'expr': 'sum(rate(http_requests_total{job="payments-api",code=~"5.."}[5m])) / '
                                'sum(rate(http_requests_total{job="payments-api"}[5m])) > 0.02',
                        'for': '5m',
                        'labels': {'severity': 'page', 'team': 'payments'},
                        'annotations': {'summary': 'payments-api 5xx ratio above 2%',
                                        'runbook_url': 'https://runbooks.lumen-pay.internal/payments/error-rate'}},
                       {'alert': 'PaymentsLatencyP99',
                        'expr': 'histogram_quantile(0.99, sum by (le) '
                                '(rate(http_request_duration_seconds_bucket{job="payments-api"}[5m]))) > 1.5',
                        'for': '10m',
                        'labels': {'severity': 'warning', 'team': 'payments'},
                        'annotations': {'summary': 'payments-api p99 latency above 1.5s'}}]}]}
EXPECTED_AM = {'global': {'resolve_timeout': '5m', 'slack_api_url_file': '/etc/alertmanager/secrets/slack-webhook'},
 'templates': ['/etc/alertmanager/templates/*.tmpl'],
 'route': {'receiver': 'ops-slack',
           'group_by': ['alertname', 'cluster'],
           'group_wait': '30s',
           'group_interval': '5m',
           'repeat_interval': '4h',
           'routes': [{'matchers': ['team="platform"', 'severity="page"'], 'receiver': 'platform-pager'},
                      {'matchers': ['team="payments"'],
                       'receiver': 'payments-slack',
                       'routes': [{'matchers': ['severity="page"'], 'receiver': 'payments-pager'}]},
                      {'matchers': ['team="storage"'],
                       'receiver': 'storage-slack',
                       'routes': [{'matchers': ['severity="page"'], 'receiver': 'storage-pager'}]},
                      {'matchers': ['severity="page"'], 'receiver': 'ops-pager'}]},
 'receivers': [{'name': 'ops-slack', 'slack_configs': [{'channel': '#ops-alerts', 'send_resolved': True}]},
               {'name': 'ops-pager',
                'pagerduty_configs': [{'routing_key_file': '/etc/alertmanager/secrets/pd-ops'}]},
               {'name': 'platform-pager',
                'pagerduty_configs': [{'routing_key_file': '/etc/alertmanager/secrets/pd-platform'}]},
               {'name': 'payments-slack',
                'slack_configs': [{'channel': '#payments-alerts', 'send_resolved': True}]},
               {'name': 'payments-pager',
                'pagerduty_configs': [{'routing_key_file': '/etc/alertmanager/secrets/pd-payments'}]},
               {'name': 'storage-slack',
                'slack_configs': [{'channel': '#storage-alerts', 'send_resolved': True}]},
               {'name': 'storage-pager',
                'pagerduty_configs': [{'routing_key_file': '/etc/alertmanager/secrets/pd-storage'}]}],
 'inhibit_rules': [{'source_matchers': ['alertname="NodeDown"'],
                    'target_matchers': ['severity="warning"'],
                    'equal': ['instance']}]}
CASES = [
    ({"alertname": "DiskWillFillIn4Hours", "team": "storage", "severity": "page"}, "storage-pager"),
    ({"alertname": "FilesystemAlmostFull", "team": "storage", "severity": "warning"}, "storage-slack"),
    ({"alertname": "PaymentsHighErrorRate", "team": "payments", "severity": "page"}, "payments-pager"),
    ({"alertname": "PaymentsLatencyP99", "team": "payments", "severity": "warning"}, "payments-slack"),
    ({"alertname": "NodeDown", "team": "platform", "severity": "page"}, "platform-pager"),
    ({"alertname": "HighCPU", "team": "platform", "severity": "warning"}, "ops-slack"),
    ({"alertname": "CDNErrors", "team": "web", "severity": "page"}, "ops-pager"),
]


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")
    except yaml.YAMLError as e:
        verdict(False, "invalid YAML", "valid YAML", f"{path} does not parse: {e}")


def norm(value):
    if isinstance(value, dict):
        return {k: norm(v) for k, v in value.items()}
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def matcher_ok(matcher, labels):
    m = re.fullmatch(r'\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"?(.*?)"?\s*', matcher)
    if not m:
        return False
    name, op, value = m.groups()
    have = labels.get(name, "")
    if op == "=":
        return have == value
    if op == "!=":
        return have != value
    if op == "=~":
        return re.fullmatch(value, have) is not None
    return re.fullmatch(value, have) is None


def canon_routes(routes):
    out = []
    for r in routes or []:
        if not isinstance(r, dict):
            out.append(r)
            continue
        c = dict(r)
        if "matchers" in c and isinstance(c["matchers"], list):
            parsed = []
            for m in c["matchers"]:
                mm = re.fullmatch(r'\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"?(.*?)"?\s*', str(m))
                parsed.append(mm.groups() if mm else ("?", "?", str(m)))
            c["matchers"] = sorted(parsed)
        if "routes" in c:
            c["routes"] = canon_routes(c["routes"])
        out.append(c)
    return out


def route_matches(route, labels):
    ok = all(matcher_ok(m, labels) for m in route.get("matchers", []) or [])
    ok = ok and all(labels.get(k) == v for k, v in (route.get("match") or {}).items())
    ok = ok and all(re.fullmatch(v, labels.get(k, "")) for k, v in (route.get("match_re") or {}).items())
    return ok


def resolve(route, labels, inherited):
    receiver = route.get("receiver", inherited)
    found = []
    for child in route.get("routes", []) or []:
        if route_matches(child, labels):
            found.extend(resolve(child, labels, receiver))
            if not child.get("continue", False):
                break
    return found or [receiver]


what = sys.argv[1]
if what == "rules":
    doc = load("prometheus/rules/node.rules.yml")
    if norm(doc) == norm(EXPECTED_RULES):
        verdict(True, "as expected", "as expected", "rule file loads, new alert in place, HighCPU updated, rest unchanged")
    try:
        got = {r.get("alert"): r for r in doc["groups"][0]["rules"]}
        names = [r.get("alert") for r in doc["groups"][0]["rules"]]
    except (TypeError, KeyError, IndexError, AttributeError):
        verdict(False, "unexpected structure", "groups[0].rules", "node.rules.yml lost its structure")
    want_names = [r["alert"] for r in EXPECTED_RULES["groups"][0]["rules"]]
    if names != want_names:
        verdict(False, names, want_names, "the node group must hold the five alerts in this order")
    for r in EXPECTED_RULES["groups"][0]["rules"]:
        if norm(got[r["alert"]]) != norm(r):
            verdict(False, got[r["alert"]], r, f"alert {r['alert']} is not as expected")
    verdict(False, "group settings differ", "unchanged", "group-level settings of node.rules.yml changed")
elif what == "app":
    doc = load("prometheus/rules/app.rules.yml")
    verdict(norm(doc) == norm(EXPECTED_APP), "compared", "unchanged", "app.rules.yml must stay unchanged")
elif what == "routing":
    doc = load("alertmanager/alertmanager.yml")
    if not isinstance(doc, dict) or not isinstance(doc.get("route"), dict):
        verdict(False, "no route", "route tree", "alertmanager.yml has no route tree")
    names = {r.get("name") for r in doc.get("receivers", []) or []}
    results = {}
    for labels, want in CASES:
        got = resolve(doc["route"], labels, None)
        results[labels["alertname"]] = got
        if got != [want] or want not in names:
            verdict(False, {labels["alertname"]: got}, {labels["alertname"]: [want]}, f"{labels} is routed to {got}, expected {want} (a defined receiver)")
    verdict(True, results, {l["alertname"]: [w] for l, w in CASES}, "every test alert reaches the right receiver")
elif what == "am":
    doc = load("alertmanager/alertmanager.yml")
    if not isinstance(doc, dict):
        verdict(False, type(doc).__name__, "mapping", "alertmanager.yml is not a mapping")
    for key in ("global", "templates", "inhibit_rules"):
        if norm(doc.get(key)) != norm(EXPECTED_AM[key]):
            verdict(False, {key: doc.get(key)}, {key: EXPECTED_AM[key]}, f"{key} must stay unchanged")
    top = {k: v for k, v in doc["route"].items() if k != "routes"} if isinstance(doc.get("route"), dict) else None
    if top != {k: v for k, v in EXPECTED_AM["route"].items() if k != "routes"}:
        verdict(False, top, "unchanged", "the root route's settings changed")
    if norm(doc.get("receivers")) != norm(EXPECTED_AM["receivers"]):
        verdict(False, [r.get("name") for r in doc.get("receivers", []) or []], [r["name"] for r in EXPECTED_AM["receivers"]], "receivers must be the five old ones unchanged plus storage-slack and storage-pager, configured as the ticket says")
    if canon_routes(doc["route"].get("routes")) != canon_routes(EXPECTED_AM["route"]["routes"]):
        verdict(False, doc["route"].get("routes"), EXPECTED_AM["route"]["routes"], "the route tree does not follow the conventions (storage route with nested page route, before the generic page route, matchers only, no continue)")
    if set(doc) != set(EXPECTED_AM):
        verdict(False, sorted(doc), sorted(EXPECTED_AM), "top-level keys changed")
    verdict(True, "as expected", "as expected", "alertmanager.yml follows the conventions, other settings unchanged")
verdict(False, what, "rules|app|routing|am", "unknown check")
