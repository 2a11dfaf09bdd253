"""Parse bank statement exports into plain transactions (see docs/formats.md)."""
import csv
import io
from datetime import datetime

V1_HEADER = ["date", "amount", "currency", "counterparty", "purpose"]


class FormatError(ValueError):
    """The export is not in a format this importer knows."""


def parse_amount(text):
    """'1234.56' -> 123456 (integer cents)."""
    return int(float(text) * 100)


def parse_date(text):
    """'2024-06-03' -> '2024-06-03'."""
    return datetime.strptime(text.strip(), "%Y-%m-%d").date().isoformat()


def detect_format(text):
    first = text.split("\n", 1)[0]
    if [c.strip() for c in first.strip().split(",")] == V1_HEADER:
        return "v1"
    # TODO(BAK-88): the Giro export changed in June 2024, see docs/formats.md
    return "v1"


def parse_statement(text):
    """Parse a whole export (str). Returns a dict: format, opening/closing balance in cents
    (None when the format has none) and the list of transactions in file order."""
    fmt = detect_format(text)
    reader = csv.DictReader(io.StringIO(text))
    txns = []
    for row in reader:
        txns.append({"date": parse_date(row["date"]), "amount_cents": parse_amount(row["amount"]),
                     "counterparty": row["counterparty"].strip(), "purpose": row["purpose"].strip()})
    return {"format": fmt, "opening_balance_cents": None, "closing_balance_cents": None, "transactions": txns}
