"""When the show moves by itself: the attract loop, and the return after a visitor leaves.

With nobody at the kiosk, each slide stays for its duration and the show loops. The
first touch or key makes it a visitor's show: the loop waits for them. After
``idle_timeout`` seconds without input the show goes back to its home slide and
default language and loops again. (reveal.js never resumes its auto-slide after input;
PowerPoint's kiosk restart counts from the show's start, not from the last touch.)
"""

from __future__ import annotations

import enum


class Due(enum.Enum):
    """What the show should do by itself now."""

    NEXT = "next"
    HOME = "home"


class Attract:
    """The attract-loop and idle-return policy, driven by the one clock."""

    def __init__(self, *, loop: bool, idle_timeout: float | None, now: float) -> None:
        self.loop = loop
        self.idle_timeout = idle_timeout
        self.visitor = False
        self.last_input = now
        self.slide_since = now
        self.slide_duration = float("inf")

    def configure(self, *, loop: bool, idle_timeout: float | None) -> None:
        """New settings (a config taken live)."""
        self.loop, self.idle_timeout = loop, idle_timeout

    def slide_shown(self, now: float, duration: float) -> None:
        """A slide came on screen and would stay ``duration`` seconds in the loop."""
        self.slide_since = now
        self.slide_duration = duration

    def touched(self, now: float) -> None:
        """A visitor or presenter did something: the loop waits."""
        self.visitor = True
        self.last_input = now

    def due(self, now: float) -> Due | None:
        """What to do at ``now``, if anything (ask often; it is cheap)."""
        if self.visitor:
            if self.idle_timeout is not None and now - self.last_input >= self.idle_timeout:
                self.visitor = False
                return Due.HOME
            return None
        if self.loop and now - self.slide_since >= self.slide_duration:
            return Due.NEXT
        return None

    def seconds_to_next(self, now: float) -> float:
        """How long until ``due`` may say something (for a timer)."""
        if self.visitor:
            if self.idle_timeout is None:
                return float("inf")
            return max(0.0, self.last_input + self.idle_timeout - now)
        if not self.loop:
            return float("inf")
        return max(0.0, self.slide_since + self.slide_duration - now)
