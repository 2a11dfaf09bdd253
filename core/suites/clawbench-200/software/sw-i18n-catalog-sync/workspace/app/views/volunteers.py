"""volunteers handlers."""
from app.i18n import t


def title_text():
    return t("volunteers.title")


def shift_text(ctx):
    return t("volunteers.shift", name=ctx['name'], day=ctx['day'])


def signup_text():
    return t("volunteers.signup")


def full_text():
    return t('volunteers.full')
