"""Checkout: turn a basket and the customer's tenders into a sale."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from . import flags

TENDERS = ("card", "cash", "voucher")


class CheckoutError(ValueError):
    pass


@dataclass
class Sale:
    store_id: str
    total: Decimal
    payments: list = field(default_factory=list)  # [(tender, amount)]
    tip: Decimal = Decimal("0.00")
    change: Decimal = Decimal("0.00")


def basket_total(basket: list[tuple[str, int, Decimal]]) -> Decimal:
    return sum((qty * price for _, qty, price in basket), Decimal("0.00"))


def checkout(basket, payments, store_id: str, tip: Decimal = Decimal("0.00")) -> Sale:
    """payments: [(tender, amount)] in the order the customer hands them over."""
    total = basket_total(basket)
    if flags.enabled("split_payments", store_id):
        return _checkout_split(total, payments, store_id, tip)
    return _checkout_single(total, payments, store_id)


def _checkout_single(total: Decimal, payments, store_id: str) -> Sale:
    """Legacy: exactly one tender; cash may be more than the total (change is given)."""
    if len(payments) != 1:
        raise CheckoutError("only one payment per sale")
    tender, amount = payments[0]
    if tender not in TENDERS:
        raise CheckoutError(f"unknown tender {tender}")
    if amount < total or (amount > total and tender != "cash"):
        raise CheckoutError("payment does not match the total")
    return Sale(store_id, total, [(tender, total)], change=amount - total)


def _checkout_split(total: Decimal, payments, store_id: str, tip: Decimal) -> Sale:
    """Several tenders. Vouchers first, then card, then cash; only cash may overpay (change).
    A tip is only accepted where split_payments_tips is enabled and goes on the card tender."""
    if not payments:
        raise CheckoutError("no payment")
    for tender, amount in payments:
        if tender not in TENDERS:
            raise CheckoutError(f"unknown tender {tender}")
        if amount <= 0:
            raise CheckoutError("payments must be positive")
    if tip:
        if not flags.enabled("split_payments_tips", store_id):
            raise CheckoutError("tips are not enabled in this store")
        if not any(t == "card" for t, _ in payments):
            raise CheckoutError("a tip needs a card payment")
    order = {"voucher": 0, "card": 1, "cash": 2}
    ordered = sorted(payments, key=lambda p: order[p[0]])
    due = total + tip
    paid = sum(a for _, a in ordered)
    if paid < due:
        raise CheckoutError("payments do not cover the total")
    non_cash = sum(a for t, a in ordered if t != "cash")
    if non_cash > due:
        raise CheckoutError("only cash may exceed the total")
    change = paid - due
    booked, remaining = [], due
    for tender, amount in ordered:
        take = min(amount, remaining)
        if take > 0:
            booked.append((tender, take))
        remaining -= take
    return Sale(store_id, total, booked, tip=tip, change=change)
