"""mail handlers."""
from app.i18n import t


def reminder_subject_text(ctx):
    return t("email.reminder_subject", date=ctx['date'])


def reminder_body_text(ctx):
    return t("email.reminder_body", name=ctx['name'], date=ctx['date'], time=ctx['time'])
