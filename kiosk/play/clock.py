"""The one clock everything that moves reads: real in the show, fake in tests."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Seconds on a monotonic scale (only differences mean anything), and the wall time."""

    def now(self) -> float:
        """The current time in seconds, for everything that moves."""
        ...

    def wall(self) -> float:
        """Seconds since the epoch, for opening hours, clock sync and the visitor log."""
        ...


class MonotonicClock:
    """The machine's monotonic clock; its wall time starts at ``wall_at`` (seconds since
    the epoch) when given, to try opening hours and schedules without waiting for them."""

    def __init__(self, wall_at: float | None = None) -> None:
        self._offset = 0.0 if wall_at is None else wall_at - time.time()

    def now(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time() + self._offset


class FakeClock:
    """A clock that moves only when told to, for tests and benchmarks."""

    def __init__(self, start: float = 1000.0, wall: float = 1_780_000_000.0) -> None:
        self._now = start
        self._wall_offset = wall - start

    def wall(self) -> float:
        return self._now + self._wall_offset

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> float:
        """Move time forward and return the new time."""
        if seconds < 0:
            raise ValueError("time does not run backwards")
        self._now += seconds
        return self._now
