"""python3 -m shipyard deploy|config [options]"""
import json
import sys

from .settings import resolve

FIELDS = ("target", "region", "parallel", "dry_run", "exclude", "cache_max_age")


def main(argv=None):
    args, settings = resolve(sys.argv[1:] if argv is None else argv)
    if args.command == "config":
        for name in FIELDS:
            value = json.dumps(getattr(settings, name))
            print(f"{name} = {value}" + (f"  [{settings.sources[name]}]" if args.explain else ""))
        return 0
    if not settings.target:
        print("shipyard: no target configured", file=sys.stderr)
        return 2
    mode = "DRY RUN: would upload" if settings.dry_run else "uploading"
    print(f"{mode} to {settings.target} ({settings.region}) with {settings.parallel} workers, excluding {settings.exclude}")
    return 0


sys.exit(main())
