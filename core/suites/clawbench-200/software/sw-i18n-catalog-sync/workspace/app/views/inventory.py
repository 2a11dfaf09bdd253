"""inventory handlers."""
from app.i18n import t


def title_text():
    return t("inventory.title")


def low_stock_text(ctx):
    return t("inventory.low_stock", item=ctx['item'], qty=ctx['qty'])


def restock_text():
    return t('inventory.restock')
