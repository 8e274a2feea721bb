"""Axis ranges and ticks that people read easily: 0, 2, 4, 6, 8 rather than 0, 1.7, 3.4."""

from __future__ import annotations

import math

from kiosk.deck.precision import decimals_of


def nice_step(span: float, count: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``count`` ticks."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(count, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= factor * power:
            return factor * power
    return 10.0 * power


def finer_step(step: float) -> float:
    """The round step next smaller than ``step`` (100: 50; 50: 25; 20: 10)."""
    power = 10.0 ** math.floor(math.log10(step * 0.999))
    return max(f * power for f in (0.5, 1.0, 2.0, 2.5, 5.0) if f * power < step * 0.999)


def coarser_step(step: float) -> float:
    """The round step next larger than ``step`` (100: 200; 20: 25; 50: 100)."""
    return nice_step(step * 1.001, 1)


def nice_range(low: float, high: float, count: int = 5) -> tuple[float, float, float]:
    """An axis from below ``low`` to above ``high``, zero included."""
    low, high = min(0.0, low), max(0.0, high)  # (bars and areas stand on zero)
    if high <= low:
        high = low + 1.0
    step = nice_step(high - low, count)
    bottom, top = math.floor(low / step) * step, math.ceil(high / step) * step
    if low < 0 < high and -bottom > -low * 3 and -bottom > (top - bottom) * 0.2:
        finer = nice_step(high - low, count * 2)  # (a dip just below zero: not a fifth
        bottom, top, step = (math.floor(low / finer) * finer,  # of the axis for it)
                             math.ceil(high / finer) * finer, finer)
    if top - bottom > (high - low) * SPARE:  # (−100 to 200 for −59.6 to 156: a sixth
        finer = nice_step(high - low, count * 2)  # of the plot empty, trial 27)
        near = math.floor(low / finer) * finer, math.ceil(high / finer) * finer
        if finer < step and (near[1] - near[0]) / finer <= count * 2:
            bottom, top, step = near[0], near[1], finer
    return bottom, top, step


SPARE = 1.3
"""An axis longer than this share of its values' span is made of finer steps, where
they are no more than twice as many."""


def ticks(low: float, high: float, step: float) -> list[float]:
    """Tick values from ``low`` to ``high`` in ``step``s, rounded so 0.6 is not 0.6000001."""
    count = round((high - low) / step)
    digits = (max(0, -math.floor(math.log10(step)) + 1) if step < 1
              else decimals_of(step))  # 2.5 keeps its .5: -2.5, not -2 (nor 7.5 as 8)
    return [round(low + n * step, digits) for n in range(count + 1)]
