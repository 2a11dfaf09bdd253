"""Both flag configs parse and keep every other flag exactly as it was."""
import datetime
import json
import sys

import yaml

WANT = {
    "config/flags.yaml": {"flags": {"split_payments_tips": {"rollout": 50, "owner": "irina", "since": datetime.date(2024, 6, 17)},
                                    "receipt_qr": {"rollout": 100, "owner": "moritz", "since": datetime.date(2024, 3, 11)}}},
    "config/flags.staging.yaml": {"flags": {"split_payments_tips": {"rollout": 100}}},
}
for path, want in WANT.items():
    try:
        got = yaml.safe_load(open(path, encoding="utf-8"))
    except (FileNotFoundError, yaml.YAMLError) as e:
        print(json.dumps({"passed": False, "observed": str(e)[:160], "expected": "valid YAML", "message": f"{path} missing or invalid"}))
        sys.exit(1)
    if got != want:
        print(json.dumps({"passed": False, "observed": got, "expected": want, "message": f"{path} is not as expected"}, default=str))
        sys.exit(1)
print(json.dumps({"passed": True, "observed": "ok", "expected": "ok", "message": "configs cleaned, other flags kept"}))
