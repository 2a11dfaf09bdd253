"""claim.toml points at October with the rolled-forward tax-year miles; every other setting unchanged."""
import json, os, sys, tomllib

def verdict(passed, observed, expected, message):
    print(json.dumps({"passed": passed, "observed": observed, "expected": expected, "message": message}))
    sys.exit(0 if passed else 1)

EXP = json.load(open(os.path.join(os.environ.get("CLAWBENCH_CHECKS", "."), "expected_config.json")))
try:
    got = tomllib.load(open("config/claim.toml", "rb"))
except Exception as e:
    verdict(False, "unparsable", "valid TOML", str(e))
ytd = got.get("claim", {}).get("ytd_miles_before")
if not isinstance(ytd, (int, float)) or abs(ytd - EXP["claim"]["ytd_miles_before"]) > 0.05:
    verdict(False, ytd, EXP["claim"]["ytd_miles_before"], "ytd_miles_before must be the old value plus September's claimable miles")
got["claim"]["ytd_miles_before"] = EXP["claim"]["ytd_miles_before"]
diff = {f"{s}.{k}": got.get(s, {}).get(k) for s in set(EXP) | set(got) for k in set(EXP.get(s, {})) | set(got.get(s, {})) if EXP.get(s, {}).get(k) != got.get(s, {}).get(k)}
verdict(not diff, diff, {k: EXP[k.split(".")[0]].get(k.split(".")[1]) for k in diff if k.split(".")[0] in EXP}, "config" + (" differs" if diff else " right"))
