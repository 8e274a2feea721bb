"""How precisely a number can be shown: at most 6 decimals, exact to 15 digits."""

from __future__ import annotations

import decimal

MAX_DECIMALS = 6
SMALLEST = 10.0**-MAX_DECIMALS
EXACT_DIGITS = 15


def decimals_of(value: float) -> int:
    """How many decimals a number written in YAML has: 1.74 has 2, 1500 has 0 (read
    from the shortest text that gives the same number, as the author wrote it, so that
    99999999999999.9 has 1, not the 5 of its binary neighbour ...9.90625)."""
    if isinstance(value, int) or float(value).is_integer():
        return 0
    exponent = decimal.Decimal(repr(float(value))).as_tuple().exponent
    assert isinstance(exponent, int)
    if -exponent <= MAX_DECIMALS:
        return max(0, -exponent)
    text = format(float(value), f".{MAX_DECIMALS}f").rstrip("0")  # arithmetic's noise
    return len(text.split(".")[1])


def shown_digits(value: float, decimals: int) -> int:
    """Digits the number takes with ``decimals`` decimals (leading zeros not counted)."""
    whole = len(str(int(abs(value)))) if abs(value) >= 1 else 0
    return whole + decimals


def showable(value: float) -> float:
    """``value`` if it can be shown as written, else a ValueError that says why."""
    if value != 0 and abs(value) < SMALLEST:
        raise ValueError(f"{value!r} is too small to show: numbers show at most "
                         f"{MAX_DECIMALS} decimals ({SMALLEST:.{MAX_DECIMALS}f})")
    written = decimal.Decimal(repr(float(value))).as_tuple().exponent
    if isinstance(written, int) and -written > MAX_DECIMALS:
        raise ValueError(f"{value!r} has more than the {MAX_DECIMALS} decimals a number "
                         "shows: round it")
    decimals = decimals_of(value)
    if decimals and shown_digits(value, decimals) > EXACT_DIGITS:
        raise ValueError(f"{value!r} has more digits than the {EXACT_DIGITS} a number is "
                         "exact to: round it")
    return value
