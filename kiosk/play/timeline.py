"""Timelines: what an animated slide shows at a time, as progress from 0 to 1 per track.

A slide's timeline starts when the slide comes on screen and restarts each time it
comes back; a slide off screen has no running timeline and costs nothing. With reduced
motion every track is at its end from the start.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from kiosk.play.easing import CURVES

DEFAULT_EASING = "ease-out-cubic"


@dataclasses.dataclass(frozen=True)
class Track:
    """One thing that moves: it waits ``delay`` seconds, then moves for ``duration``."""

    delay: float = 0.0
    duration: float = 1.5
    easing: str = DEFAULT_EASING

    def __post_init__(self) -> None:
        if self.easing not in CURVES:
            raise ValueError(f"unknown easing {self.easing!r}")
        if self.delay < 0 or self.duration < 0:
            raise ValueError("delay and duration cannot be negative")

    @property
    def end(self) -> float:
        return self.delay + self.duration

    def at(self, elapsed: float) -> float:
        """Eased progress ``elapsed`` seconds after the timeline started."""
        if elapsed >= self.end:
            return 1.0
        if elapsed <= self.delay:
            return 0.0
        return CURVES[self.easing]((elapsed - self.delay) / self.duration)


class Timeline:
    """Tracks with the functions that apply their progress, started and stopped together."""

    def __init__(self) -> None:
        self._tracks: list[tuple[Track, Callable[[float], None]]] = []
        self._started: float | None = None
        self._last: list[float] = []

    def add(self, track: Track, apply: Callable[[float], None]) -> None:
        """Have ``apply(progress)`` called as ``track`` advances."""
        self._tracks.append((track, apply))

    def __len__(self) -> int:
        return len(self._tracks)

    @property
    def end(self) -> float:
        """Seconds from start until every track is done."""
        return max((track.end for track, _ in self._tracks), default=0.0)

    @property
    def running(self) -> bool:
        return self._started is not None

    def start(self, now: float, *, reduced_motion: bool = False) -> None:
        """Start from the beginning (or, with reduced motion, show the end at once)."""
        self._last = [-1.0] * len(self._tracks)
        if reduced_motion or not self._tracks:
            self._started = None
            self._apply_all(1.0)
            return
        self._started = now
        self.advance(now)

    def stop(self) -> None:
        """Stop moving; what is shown stays as it is."""
        self._started = None

    def clear(self) -> None:
        """Forget every track (the slide is dropped: its functions go with it)."""
        self.stop()
        self._tracks.clear()
        self._last.clear()

    def advance(self, now: float) -> bool:
        """Apply the progress of every track at ``now``; False once all are done."""
        if self._started is None:
            return False
        elapsed = now - self._started
        for n, (track, apply) in enumerate(self._tracks):
            value = track.at(elapsed)
            if value != self._last[n]:  # only what moves is touched
                self._last[n] = value
                apply(value)
        if elapsed >= self.end:
            self._started = None
            return False
        return True

    def _apply_all(self, value: float) -> None:
        for n, (_, apply) in enumerate(self._tracks):
            self._last[n] = value
            apply(value)
