"""Gauge conversions."""


def stitches_for(width_cm: float, stitches_per_10cm: float) -> int:
    """Return the number of stitches for a width, rounded to the nearest whole stitch.

    Args:
        width_cm: Finished width in centimetres.
        stitches_per_10cm: Gauge measured over a 10 cm swatch.
    """
    return round(width_cm * stitches_per_10cm / 10)
