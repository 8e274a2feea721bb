"""Easing curves by name: progress in [0, 1] to eased progress in [0, 1]."""

from __future__ import annotations

from collections.abc import Callable

Curve = Callable[[float], float]


def _clamp(t: float) -> float:
    return 0.0 if t <= 0.0 else 1.0 if t >= 1.0 else t


def linear(t: float) -> float:
    return _clamp(t)


def ease_out_cubic(t: float) -> float:
    t = _clamp(t)
    return 1.0 - (1.0 - t) ** 3


def ease_out_quad(t: float) -> float:
    t = _clamp(t)
    return 1.0 - (1.0 - t) ** 2


def ease_out_expo(t: float) -> float:
    t = _clamp(t)
    return 1.0 if t >= 1.0 else 1.0 - 2.0 ** (-10.0 * t)


def ease_in_out_cubic(t: float) -> float:
    t = _clamp(t)
    return 4 * t**3 if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


CURVES: dict[str, Curve] = {
    "linear": linear,
    "ease-out-cubic": ease_out_cubic,
    "ease-out-quad": ease_out_quad,
    "ease-out-expo": ease_out_expo,
    "ease-in-out-cubic": ease_in_out_cubic,
}


def progress(start: float, duration: float, now: float) -> float:
    """Linear progress of something that began at ``start`` and lasts ``duration``."""
    if duration <= 0:
        return 1.0
    return _clamp((now - start) / duration)
