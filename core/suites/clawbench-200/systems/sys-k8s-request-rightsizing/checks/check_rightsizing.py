"""Checks for sys-k8s-request-rightsizing: `manifests` (deploy/*.yaml equal the expected documents,
resource quantities compared by value), `report` (reports/rightsizing-2025-06.csv), `consistency`
(the JSON totals and the CSV's new values agree with the manifests as written)."""
import csv
import json
import re
import sys

import yaml

EXPECTED_DOCS = {'api.yaml': [{'apiVersion': 'apps/v1',
               'kind': 'Deployment',
               'metadata': {'name': 'api',
                            'namespace': 'prod',
                            'labels': {'app.kubernetes.io/name': 'api',
                                       'app.kubernetes.io/part-of': 'bitebox'}},
               'spec': {'replicas': 3,
                        'revisionHistoryLimit': 5,
                        'selector': {'matchLabels': {'app.kubernetes.io/name': 'api'}},
                        'template': {'metadata': {'labels': {'app.kubernetes.io/name': 'api'},
                                                  'annotations': {'prometheus.io/scrape': 'true',
                                                                  'prometheus.io/port': '9090'}},
                                     'spec': {'serviceAccountName': 'api',
                                              'initContainers': [{'name': 'migrate',
                                                                  'image': 'registry.bitebox.io/api:2025.05.3',
                                                                  'command': ['/app/bin/migrate',
                                                                              '--wait-for-db'],
                                                                  'resources': {'requests': {'cpu': '100m',
                                                                                             'memory': '128Mi'},
                                                                                'limits': {'memory': '256Mi'}}}],
                                              'containers': [{'name': 'app',
                                                              'image': 'registry.bitebox.io/api:2025.05.3',
                                                              'ports': [{'containerPort': 8080},
                                                                        {'containerPort': 9090}],
                                                              'env': [{'name': 'DB_POOL_SIZE',
                                                                       'value': '20'}],
                                                              'resources': {'requests': {'cpu': '550m',
                                                                                         'memory': '864Mi'},
                                                                            'limits': {'memory': '960Mi'}},
                                                              'readinessProbe': {'httpGet': {'path': '/healthz',
                                                                                             'port': 8080}}},
                                                             {'name': 'envoy',
                                                              'image': 'envoyproxy/envoy:v1.30.2',
                                                              'args': ['-c', '/etc/envoy/envoy.yaml'],
                                                              'resources': {'requests': {'cpu': '75m',
                                                                                         'memory': '96Mi'},
                                                                            'limits': {'memory': '128Mi'}}}]}}}},
              {'apiVersion': 'v1',
               'kind': 'Service',
               'metadata': {'name': 'api', 'namespace': 'prod'},
               'spec': {'selector': {'app.kubernetes.io/name': 'api'},
                        'ports': [{'name': 'http', 'port': 80, 'targetPort': 8080}]}}],
 'workers.yaml': [{'apiVersion': 'apps/v1',
                   'kind': 'Deployment',
                   'metadata': {'name': 'order-worker',
                                'namespace': 'prod',
                                'labels': {'app.kubernetes.io/name': 'order-worker'}},
                   'spec': {'replicas': 2,
                            'selector': {'matchLabels': {'app.kubernetes.io/name': 'order-worker'}},
                            'template': {'metadata': {'labels': {'app.kubernetes.io/name': 'order-worker'}},
                                         'spec': {'containers': [{'name': 'app',
                                                                  'image': 'registry.bitebox.io/worker:2025.05.3',
                                                                  'args': ['orders'],
                                                                  'resources': {'requests': {'cpu': '1100m',
                                                                                             'memory': '1760Mi'},
                                                                                'limits': {'memory': '1984Mi'}}}]}}}},
                  {'apiVersion': 'apps/v1',
                   'kind': 'Deployment',
                   'metadata': {'name': 'notification-worker',
                                'namespace': 'prod',
                                'labels': {'app.kubernetes.io/name': 'notification-worker'}},
                   'spec': {'replicas': 1,
                            'selector': {'matchLabels': {'app.kubernetes.io/name': 'notification-worker'}},
                            'template': {'metadata': {'labels': {'app.kubernetes.io/name': 'notification-worker'}},
                                         'spec': {'containers': [{'name': 'app',
                                                                  'image': 'registry.bitebox.io/worker:2025.05.3',
                                                                  'args': ['notifications'],
                                                                  'resources': {'requests': {'cpu': '100m',
                                                                                             'memory': '288Mi'},
                                                                                'limits': {'memory': '320Mi'}}}]}}}},
                  {'apiVersion': 'batch/v1',
                   'kind': 'CronJob',
                   'metadata': {'name': 'report-gen', 'namespace': 'prod'},
                   'spec': {'schedule': '0 3 * * *',
                            'concurrencyPolicy': 'Forbid',
                            'jobTemplate': {'spec': {'template': {'spec': {'restartPolicy': 'OnFailure',
                                                                           'containers': [{'name': 'report',
                                                                                           'image': 'registry.bitebox.io/worker:2025.05.3',
                                                                                           'args': ['daily-report'],
                                                                                           'resources': {'requests': {'cpu': '500m',
                                                                                                                      'memory': '1Gi'},
                                                                                                         'limits': {'cpu': '1',
                                                                                                                    'memory': '1536Mi'}}}]}}}}}}],
 'web.yaml': [{'apiVersion': 'apps/v1',
               'kind': 'Deployment',
               'metadata': {'name': 'web', 'namespace': 'prod', 'labels': {'app.kubernetes.io/name': 'web'}},
               'spec': {'selector': {'matchLabels': {'app.kubernetes.io/name': 'web'}},
                        'template': {'metadata': {'labels': {'app.kubernetes.io/name': 'web'}},
                                     'spec': {'containers': [{'name': 'nginx',
                                                              'image': 'registry.bitebox.io/web:2025.05.1',
                                                              'ports': [{'containerPort': 8080}],
                                                              'resources': {'requests': {'cpu': '175m',
                                                                                         'memory': '64Mi'},
                                                                            'limits': {'memory': '128Mi'}}}]}}}},
              {'apiVersion': 'v1',
               'kind': 'Service',
               'metadata': {'name': 'web', 'namespace': 'prod'},
               'spec': {'selector': {'app.kubernetes.io/name': 'web'},
                        'ports': [{'port': 80, 'targetPort': 8080}]}},
              {'apiVersion': 'autoscaling/v2',
               'kind': 'HorizontalPodAutoscaler',
               'metadata': {'name': 'web', 'namespace': 'prod'},
               'spec': {'scaleTargetRef': {'apiVersion': 'apps/v1', 'kind': 'Deployment', 'name': 'web'},
                        'minReplicas': 2,
                        'maxReplicas': 6,
                        'metrics': [{'type': 'Resource',
                                     'resource': {'name': 'cpu',
                                                  'target': {'type': 'Utilization',
                                                             'averageUtilization': 70}}}]}}]}
EXPECTED_ROWS = [['api', 'app', 246, 451, 1000, 550, 711, 1024, 864, 960, 'resized'],
 ['api', 'envoy', 244, 54, 100, 75, 68, 128, 96, 128, 'resized'],
 ['notification-worker', 'app', 84, 77, 250, 100, 224, 256, 288, 320, 'resized'],
 ['order-worker', 'app', 163, 916, 1500, 1100, 1456, 2048, 1760, 1984, 'resized'],
 ['report-gen', 'report', 7, '', 500, 500, '', 1024, 1024, 1536, 'skipped'],
 ['web', 'nginx', 184, 133, 200, 175, 51, 128, 64, 128, 'resized']]
REPLICAS_NOTE = "spec.replicas, HPA minReplicas for web, 1 for the CronJob"


def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}, default=str))
    sys.exit(0 if passed else 1)


def cpu_m(q):
    q = str(q).strip()
    if q.endswith("m"):
        return float(q[:-1])
    return float(q) * 1000


def mem_mi(q):
    q = str(q).strip()
    units = {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "Ti": 1024 * 1024, "K": 1000 / 1048576, "M": 1e6 / 1048576, "G": 1e9 / 1048576}
    m = re.fullmatch(r"([0-9.]+)([KMGT]i?)?", q)
    if not m:
        raise ValueError(q)
    return float(m.group(1)) * (units[m.group(2)] if m.group(2) else 1 / 1048576)


def canon(node, path=()):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if path[-1:] in (("requests",), ("limits",)) and k in ("cpu", "memory"):
                try:
                    out[k] = round(cpu_m(v) if k == "cpu" else mem_mi(v), 3)
                except ValueError:
                    out[k] = v
            else:
                out[k] = canon(v, path + (k,))
        return out
    if isinstance(node, list):
        return [canon(v, path) for v in node]
    return node


def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return [d for d in yaml.safe_load_all(fh) if d is not None]
    except FileNotFoundError:
        verdict(False, "missing", path, f"{path} does not exist")
    except yaml.YAMLError as e:
        verdict(False, "invalid YAML", "valid YAML", f"{path} does not parse: {e}")


def containers(doc):
    spec = doc.get("spec", {})
    if doc.get("kind") == "CronJob":
        spec = spec.get("jobTemplate", {}).get("spec", {})
    return spec.get("template", {}).get("spec", {}).get("containers", [])


what = sys.argv[1]
if what == "manifests":
    for name, want in EXPECTED_DOCS.items():
        got = load("deploy/" + name)
        if len(got) != len(want):
            verdict(False, len(got), len(want), f"deploy/{name} must keep its {len(want)} documents")
        for g, w in zip(got, want):
            if canon(g) != canon(w):
                label = f"{w.get('kind')}/{w['metadata']['name']}"
                gc = {c.get("name"): c.get("resources") for c in containers(g)} if isinstance(g, dict) else g
                wc = {c.get("name"): c.get("resources") for c in containers(w)}
                if gc != wc and canon(gc) != canon(wc):
                    verdict(False, {label: gc}, {label: wc}, f"{label} in deploy/{name} does not have the policy's resources")
                verdict(False, label, "unchanged apart from container resources", f"{label} in deploy/{name} changed outside the container resources")
    verdict(True, "as expected", "as expected", "all manifests right-sized by the policy, nothing else changed")
elif what == "report":
    path = "reports/rightsizing-2025-06.csv"
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = [[c.strip() for c in r] for r in csv.reader(fh) if any(c.strip() for c in r)]
    except FileNotFoundError:
        verdict(False, "missing", path, "the report does not exist")
    header = ["workload", "container", "samples", "cpu_p95_m", "cpu_request_old_m", "cpu_request_new_m", "mem_p95_mi",
              "mem_request_old_mi", "mem_request_new_mi", "mem_limit_new_mi", "action"]
    if not rows or rows[0] != header:
        verdict(False, rows[:1], header, "wrong columns")
    body = rows[1:]
    if [r[:2] for r in body] != [[str(x) for x in r[:2]] for r in EXPECTED_ROWS]:
        verdict(False, [r[:2] for r in body], [r[:2] for r in EXPECTED_ROWS], "wrong containers or order")
    for got, want in zip(body, EXPECTED_ROWS):
        for i, w in enumerate(want):
            g = got[i] if i < len(got) else None
            if w == "" or isinstance(w, str):
                ok = g == str(w)
            else:
                try:
                    ok = abs(float(g) - w) < 1e-9
                except (TypeError, ValueError):
                    ok = False
            if not ok:
                verdict(False, {header[i]: g}, {header[i]: w}, f"{want[0]}/{want[1]}: {header[i]} is wrong")
    verdict(True, len(body), len(EXPECTED_ROWS), "report rows correct")
elif what == "consistency":
    replicas, hpa_min, req = {}, {}, {}
    for name in EXPECTED_DOCS:
        for d in load("deploy/" + name):
            if not isinstance(d, dict):
                continue
            kind, wl = d.get("kind"), d.get("metadata", {}).get("name")
            if kind == "HorizontalPodAutoscaler":
                hpa_min[d["spec"]["scaleTargetRef"]["name"]] = d["spec"].get("minReplicas", 1)
            if kind in ("Deployment", "CronJob"):
                replicas[wl] = d.get("spec", {}).get("replicas") if kind == "Deployment" else 1
                for c in containers(d):
                    r = (c.get("resources") or {}).get("requests") or {}
                    req[(wl, c.get("name"))] = (cpu_m(r.get("cpu", 0)), mem_mi(r.get("memory", "0Mi")))
    for wl in replicas:
        if replicas[wl] is None:
            replicas[wl] = hpa_min.get(wl, 1)
    try:
        summary = json.load(open("reports/rightsizing-2025-06.json", encoding="utf-8"))
        after_cpu = summary["cpu_requested_m"]["after"]
        after_mem = summary["memory_requested_mi"]["after"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        verdict(False, str(e), "cpu_requested_m.after and memory_requested_mi.after", "the summary JSON is missing or incomplete")
    cpu = sum(v[0] * replicas[k[0]] for k, v in req.items())
    mem = sum(v[1] * replicas[k[0]] for k, v in req.items())
    if abs(cpu - after_cpu) > 0.5 or abs(mem - after_mem) > 0.5:
        verdict(False, {"json_after": [after_cpu, after_mem]}, {"from_manifests": [cpu, mem]}, f"the JSON 'after' totals do not match the manifests ({REPLICAS_NOTE})")
    try:
        with open("reports/rightsizing-2025-06.csv", newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                k = (r["workload"], r["container"])
                if k in req and (abs(float(r["cpu_request_new_m"]) - req[k][0]) > 0.5 or abs(float(r["mem_request_new_mi"]) - req[k][1]) > 0.5):
                    verdict(False, {"/".join(k): [r["cpu_request_new_m"], r["mem_request_new_mi"]]}, {"/".join(k): list(req[k])}, "the CSV's new requests differ from the manifests")
    except (OSError, KeyError, ValueError) as e:
        verdict(False, str(e), "readable report", "the report CSV is missing or malformed")
    verdict(True, [cpu, mem], [after_cpu, after_mem], "report, summary and manifests agree")
verdict(False, what, "manifests|report|consistency", "unknown check")
