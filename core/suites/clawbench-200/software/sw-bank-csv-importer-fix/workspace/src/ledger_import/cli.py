"""python3 -m ledger_import STATEMENT.csv -o OUT.json"""
import argparse
import json
import sys

from .parser import parse_statement


def main(argv=None):
    ap = argparse.ArgumentParser(prog="ledger_import", description="Convert a bank export to JSON.")
    ap.add_argument("statement")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    with open(args.statement, encoding="utf-8") as fh:
        result = parse_statement(fh.read())
    result = {"source": args.statement, **result}
    with open(args.output, "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    print(f"{len(result['transactions'])} transactions -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
