"""errors handlers."""
from app.i18n import t


def not_found_text():
    return t("errors.not_found")


def server_text():
    return t("errors.server")


def session_expired_text():
    return t("errors.session_expired")
