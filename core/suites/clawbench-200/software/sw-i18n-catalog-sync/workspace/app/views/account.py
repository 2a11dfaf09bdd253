"""account handlers."""
from app.i18n import t


def login_text():
    return t("auth.login")


def password_reset_text(ctx):
    return t("auth.password_reset", email=ctx['email'])


def language_text():
    return t("settings.language")


def save_text():
    return t("settings.save")


def saved_text():
    return t('settings.saved')
