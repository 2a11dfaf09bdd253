"""orders handlers."""
from app.i18n import t


def title_text():
    return t("orders.title")


def empty_text():
    return t("orders.empty")


def count_text(ctx):
    return t("orders.count", count=ctx['count'])


def pickup_at_text(ctx):
    return t("orders.pickup_at", time=ctx['time'])


def cancel_text():
    return t('orders.cancel')


def cancel_confirm_text(ctx):
    return t("orders.cancel_confirm", id=ctx['id'])


def status_label(parcel):
    return t(f"status.{parcel['status']}")
