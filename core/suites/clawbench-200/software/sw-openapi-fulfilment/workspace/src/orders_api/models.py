"""Client-side models of the Orders API (api/openapi.yaml). Keep in step with the schema."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Optional


class OrderStatus(str, Enum):
    PENDING = "pending"
    PAID = "paid"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


class CancellationReason(str, Enum):
    CUSTOMER_REQUEST = "customer_request"
    PAYMENT_FAILED = "payment_failed"
    OUT_OF_STOCK = "out_of_stock"
    FRAUD_SUSPECTED = "fraud_suspected"


@dataclass
class Money:
    amount: int
    currency: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Money":
        return cls(amount=int(d["amount"]), currency=d["currency"])


@dataclass
class OrderLine:
    id: str
    sku: str
    quantity: int
    unit_price: Money

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "OrderLine":
        return cls(id=d["id"], sku=d["sku"], quantity=int(d["quantity"]), unit_price=Money.from_dict(d["unit_price"]))


@dataclass
class Order:
    id: str
    customer_id: str
    status: OrderStatus
    lines: list[OrderLine]
    total: Money
    shipping_address: dict[str, str]
    created_at: str
    cancellation_reason: Optional[CancellationReason] = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Order":
        known = {"id", "customer_id", "status", "lines", "total", "shipping_address", "created_at", "cancellation_reason"}
        return cls(
            id=d["id"],
            customer_id=d["customer_id"],
            status=OrderStatus(d["status"]),
            lines=[OrderLine.from_dict(x) for x in d["lines"]],
            total=Money.from_dict(d["total"]),
            shipping_address=dict(d["shipping_address"]),
            created_at=d["created_at"],
            cancellation_reason=CancellationReason(d["cancellation_reason"]) if d.get("cancellation_reason") else None,
            extra={k: v for k, v in d.items() if k not in known},
        )
