"""Opening hours on a running show: sleep when closed, wake when open, run the hooks."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shlex
import signal
import subprocess

from kiosk.config.schedule import HOOK_TIMEOUT, ScheduleConfig
from kiosk.play.schedule import Schedule

log = logging.getLogger(__name__)


class OpeningHours:
    """Says when to sleep and wake; runs the display hooks without waiting for them,
    reaps them, and ends one that runs longer than HOOK_TIMEOUT (and all with the show)."""

    def __init__(self, config: ScheduleConfig) -> None:
        self.config = config
        self.schedule: Schedule = config.to_schedule()
        self.asleep = False
        self.hook: subprocess.Popen[bytes] | None = None
        """The hook started last."""
        self._running: list[tuple[subprocess.Popen[bytes], float]] = []
        self._day_deck: str | None = None
        """The day's deck (None: the config's own)."""
        self._now = 0.0

    def open_at(self, wall: float) -> bool:
        return self.schedule.is_open(dt.datetime.fromtimestamp(wall))

    def deck_at(self, wall: float) -> str | None:
        return self.schedule.deck_for(dt.datetime.fromtimestamp(wall).date())

    def day_deck(self, wall: float) -> tuple[bool, str | None]:
        """Whether the day's deck changed at ``wall``, and which it is now (None: the
        config's own)."""
        deck = self.deck_at(wall)
        changed, self._day_deck = deck != self._day_deck, deck
        return changed, deck

    def decide(self, wall: float, now: float, *, visitor: bool) -> str | None:
        """"sleep" or "wake" when the hours say so at ``wall`` (a visitor keeps the show
        awake, and wakes it), running the hooks; None otherwise."""
        self._now = now
        self.reap(now)
        is_open = self.open_at(wall)
        if not is_open and not self.asleep and not visitor:
            self.sleep()
            return "sleep"
        if self.asleep and (is_open or visitor):
            self.wake("open: the show wakes" if is_open else "a visitor wakes the closed show")
            return "wake"
        return None

    def sleep(self) -> None:
        self.asleep = True
        log.info("closed: the show sleeps")
        self._run(self.config.display_off)

    def wake(self, why: str = "open: the show wakes") -> None:
        self.asleep = False
        log.info("%s", why)
        self._run(self.config.display_on)

    def _run(self, command: str | None) -> None:
        if not command:
            return
        try:
            self.hook = subprocess.Popen(shlex.split(command), stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL,
                                         start_new_session=hasattr(os, "killpg"))
        except (OSError, ValueError) as exc:
            log.warning("display command %r failed: %s", command, exc)
            return
        self._running.append((self.hook, self._now))

    def reap(self, now: float) -> None:
        """Collect hooks that ended; end those past HOOK_TIMEOUT seconds."""
        still = []
        for process, started in self._running:
            status = process.poll()
            if status is not None:
                if status:
                    log.warning("display command %r exited with status %d", process.args,
                                status)
            elif now - started > HOOK_TIMEOUT:
                log.warning("display command %r still running after %.0f s: ended",
                            process.args, HOOK_TIMEOUT)
                _end(process)
            else:
                still.append((process, started))
        self._running = still

    def close(self) -> None:
        """The show ends: so do its hooks."""
        for process, _ in self._running:
            if process.poll() is None:
                _end(process)
        self._running = []


def _end(process: subprocess.Popen[bytes]) -> None:
    """Stop a hook and what it started (its process group), and reap it."""
    with contextlib.suppress(OSError):
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=5)
