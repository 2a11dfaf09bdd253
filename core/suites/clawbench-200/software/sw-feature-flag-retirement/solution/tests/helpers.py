from unittest import mock

ALL_OFF = {"split_payments_tips": 0, "receipt_qr": 0}


def rollouts(**pct):
    """Patch the flag rollouts: rollouts(receipt_qr=100) turns that flag on everywhere."""
    return mock.patch("tillpoint.flags.load_rollouts", return_value={**ALL_OFF, **pct})
