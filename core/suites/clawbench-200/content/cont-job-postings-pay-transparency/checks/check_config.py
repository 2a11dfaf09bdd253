"""config/postings.toml points at the 2025 bands and keeps every other setting."""
import os
import sys
import tomllib

sys.path.insert(0, os.environ.get("CLAWBENCH_CHECKS", "."))
from _common import verdict  # noqa: E402

WANT = {
    "paths": {
        "reqs": "hiring/reqs.yaml",
        "bands": "comp/pay_bands_2025.csv",
        "geo": "comp/geo_zones.toml",
        "template": "ads/templates/posting.md",
        "benefits": "compliance/benefits.md",
        "drafts": "ads/drafts",
        "out": "ads/out",
    },
    "posting": {
        "company": "Fernhill Labs, Inc.",
        "apply_base_url": "https://jobs.fernhill.io/apply/",
        "currency": "USD",
        "window_days": 30,
    },
    "sync": {"target": "s3://fernhill-careers-site/postings/", "notify": "#people-ops"},
}
try:
    with open("config/postings.toml", "rb") as fh:
        cfg = tomllib.load(fh)
except (OSError, tomllib.TOMLDecodeError) as e:
    verdict(False, "unreadable", "valid TOML", str(e))
if cfg.get("paths", {}).get("bands") != WANT["paths"]["bands"]:
    verdict(False, cfg.get("paths", {}).get("bands"), WANT["paths"]["bands"],
            "the bands in force on 2025-01-13 are the 2025 ones")
if cfg != WANT:
    diff = {s: cfg.get(s) for s in set(cfg) | set(WANT) if cfg.get(s) != WANT.get(s)}
    verdict(False, diff, {s: WANT.get(s) for s in diff}, "other settings must stay as they were")
verdict(True, "bands = comp/pay_bands_2025.csv", "bands = comp/pay_bands_2025.csv", "config updated, rest kept")
