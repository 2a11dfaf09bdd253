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


class FulfilmentStatus(str, Enum):
    UNFULFILLED = "unfulfilled"
    PARTIALLY_FULFILLED = "partially_fulfilled"
    FULFILLED = "fulfilled"
    RETURNED = "returned"


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
    fulfilment_status: FulfilmentStatus
    lines: list[OrderLine]
    total: Money
    shipping_address: dict[str, str]
    created_at: str
    cancellation_reason: Optional[CancellationReason] = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Order":
        known = {"id", "customer_id", "status", "fulfilment_status", "lines", "total", "shipping_address", "created_at",
                 "cancellation_reason"}
        return cls(
            id=d["id"],
            customer_id=d["customer_id"],
            status=OrderStatus(d["status"]),
            fulfilment_status=FulfilmentStatus(d["fulfilment_status"]),
            lines=[OrderLine.from_dict(x) for x in d["lines"]],
            total=Money.from_dict(d["total"]),
            shipping_address=dict(d["shipping_address"]),
            created_at=d["created_at"],
            cancellation_reason=CancellationReason(d["cancellation_reason"]) if d.get("cancellation_reason") else None,
            extra={k: v for k, v in d.items() if k not in known},
        )


@dataclass
class Shipment:
    id: str
    carrier: str
    tracking_number: str
    shipped_at: str
    line_ids: list[str]
    status: str
    delivered_at: Optional[str] = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Shipment":
        return cls(
            id=d["id"],
            carrier=d["carrier"],
            tracking_number=d["tracking_number"],
            shipped_at=d["shipped_at"],
            line_ids=list(d["line_ids"]),
            status=d["status"],
            delivered_at=d.get("delivered_at"),
        )
