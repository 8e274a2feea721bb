"""Positions that follow the wall clock: loops in step across kiosks, burn-in shifts."""

from __future__ import annotations

import math


def clock_position(durations: list[float], wall: float) -> int:
    """The slide a clock-synchronised loop of slides lasting ``durations`` shows at
    ``wall`` (seconds since the epoch): the same on every kiosk with a synced clock."""
    at = wall % sum(durations)
    for index, duration in enumerate(durations):
        if at < duration:
            return index
        at -= duration
    return len(durations) - 1


def shift_at(wall: float, radius: float, every: float) -> tuple[float, float]:
    """Burn-in protection: where the picture stands at ``wall``, stepping every
    ``every`` seconds round eight points of a circle of ``radius``."""
    if radius <= 0:
        return 0.0, 0.0
    angle = (int(wall // every) % 8) * math.tau / 8
    return radius * math.cos(angle), radius * math.sin(angle)
