"""Parse bank statement exports into plain transactions (see docs/formats.md)."""
import csv
import io
import re
from datetime import datetime
from decimal import Decimal, InvalidOperation

V1_HEADER = ["date", "amount", "currency", "counterparty", "purpose"]
GIRO_HEADER = ["Buchungstag", "Valuta", "Auftraggeber/Empfaenger", "Verwendungszweck", "Betrag (EUR)"]
BALANCE = re.compile(r"^Kontostand vom (\d{2}\.\d{2}\.\d{4}):$")


class FormatError(ValueError):
    """The export is not in a format this importer knows."""


def parse_amount(text):
    """'1.234,56' / '-0,29' (giro2024) or '1234.56' / '-0.29' (v1) -> integer cents, exactly."""
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if s.upper().endswith("EUR"):
        s = s[:-3]
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise ValueError(f"not an amount: {text!r}") from None
    cents = value * 100
    if cents != cents.to_integral_value():
        raise ValueError(f"amount has more than two decimals: {text!r}")
    return int(cents)


def parse_date(text):
    """'2024-06-03' or '03.06.2024' -> '2024-06-03'."""
    s = text.strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            pass
    raise ValueError(f"not a date: {text!r}")


def detect_format(text):
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    if [c.strip() for c in first.strip().split(",")] == V1_HEADER:
        return "v1"
    if first.startswith('"Kontoumsaetze') or first.startswith("Kontoumsaetze"):
        return "giro2024"
    raise FormatError("unknown statement format (first line: %r)" % first[:60])


def _v1(text):
    reader = csv.DictReader(io.StringIO(text))
    txns = []
    for row in reader:
        if not any((v or "").strip() for v in row.values()):
            continue
        txns.append({"date": parse_date(row["date"]), "amount_cents": parse_amount(row["amount"]),
                     "counterparty": row["counterparty"].strip(), "purpose": row["purpose"].strip()})
    return {"format": "v1", "opening_balance_cents": None, "closing_balance_cents": None, "transactions": txns}


def _giro(text):
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    opening = closing = None
    txns, in_table = [], False
    for row in rows:
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        m = BALANCE.match(cells[0])
        if m:
            if in_table:
                closing = parse_amount(cells[1])
            else:
                opening = parse_amount(cells[1])
            continue
        if cells == GIRO_HEADER:
            in_table = True
            continue
        if in_table:
            if len(cells) != len(GIRO_HEADER):
                raise ValueError(f"giro row with {len(cells)} fields: {row!r}")
            txns.append({"date": parse_date(cells[0]), "amount_cents": parse_amount(cells[4]),
                         "counterparty": cells[2], "purpose": cells[3]})
    if not in_table:
        raise FormatError("giro export without a transaction table")
    return {"format": "giro2024", "opening_balance_cents": opening, "closing_balance_cents": closing, "transactions": txns}


def parse_statement(text):
    """Parse a whole export (str). Returns a dict: format, opening/closing balance in cents
    (None when the format has none) and the list of transactions in file order."""
    text = text.lstrip("\ufeff")
    fmt = detect_format(text)
    result = _v1(text) if fmt == "v1" else _giro(text)
    if result["opening_balance_cents"] is not None and result["closing_balance_cents"] is not None:
        net = sum(t["amount_cents"] for t in result["transactions"])
        if result["opening_balance_cents"] + net != result["closing_balance_cents"]:
            raise ValueError("balance mismatch: opening %d + transactions %d != closing %d"
                             % (result["opening_balance_cents"], net, result["closing_balance_cents"]))
    return result
