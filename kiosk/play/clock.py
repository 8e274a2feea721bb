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
    """The machine's monotonic clock."""

    def now(self) -> float:
        return time.monotonic()

    def wall(self) -> float:
        return time.time()


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
