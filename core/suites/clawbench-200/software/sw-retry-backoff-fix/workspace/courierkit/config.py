"""Load config/carriers.yaml into RetryPolicy objects per carrier."""
import os

import yaml

from .retry import RetryPolicy

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(path=os.path.join(ROOT, "config", "carriers.yaml")):
    with open(path) as fh:
        data = yaml.safe_load(fh)
    defaults = data["defaults"]
    out = {}
    for name, conf in data["carriers"].items():
        retry = {**defaults["retry"], **conf.get("retry", {})}
        out[name] = {"base_url": conf["base_url"], "timeout_s": conf.get("timeout_s", defaults["timeout_s"]),
                     "retry": RetryPolicy(**retry)}
    return out
