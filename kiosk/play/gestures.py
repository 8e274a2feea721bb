"""Telling a tap from a swipe, in design pixels and seconds, without Qt."""

from __future__ import annotations

import dataclasses
import math

SWIPE_MIN_DISTANCE = 120.0  # design px: about 6 % of a 1920-wide stage
SWIPE_MIN_SPEED = 400.0  # design px per second
SWIPE_MAX_SLOPE = 0.6  # |dy| / |dx|: a swipe is mostly sideways
TAP_MAX_TRAVEL = 24.0  # design px: a shaky finger still taps
TAP_MAX_TIME = 0.6  # seconds: longer is a long press, not a tap
EDGE_ZONE = 0.14
"""Share of the stage width at each side where a tap turns the page."""


@dataclasses.dataclass(frozen=True)
class Tap:
    x: float
    y: float


@dataclasses.dataclass(frozen=True)
class Swipe:
    direction: int
    """+1 when the finger moved left (show the next slide), -1 when it moved right."""


@dataclasses.dataclass(frozen=True)
class LongPress:
    x: float
    y: float


Gesture = Tap | Swipe | LongPress


def classify(x0: float, y0: float, t0: float, x1: float, y1: float, t1: float
             ) -> Gesture | None:
    """What a touch (or mouse press) from (x0, y0) at t0 to (x1, y1) at t1 was.

    None when it was neither: a drag too slow or too short for a swipe, too long for
    a tap, or mostly vertical.
    """
    dx, dy = x1 - x0, y1 - y0
    travel = math.hypot(dx, dy)
    elapsed = max(t1 - t0, 1e-3)
    if travel <= TAP_MAX_TRAVEL:
        if elapsed <= TAP_MAX_TIME:
            return Tap(x0, y0)
        return LongPress(x0, y0)
    if (abs(dx) >= SWIPE_MIN_DISTANCE and abs(dy) <= SWIPE_MAX_SLOPE * abs(dx)
            and abs(dx) / elapsed >= SWIPE_MIN_SPEED):
        return Swipe(+1 if dx < 0 else -1)
    return None
