"""Opening hours on a running show: sleep when closed, wake when open, run the hooks."""

from __future__ import annotations

import datetime as dt
import logging
import shlex
import subprocess
from typing import TYPE_CHECKING

from kiosk.config import ScheduleConfig
from kiosk.play.schedule import Schedule

if TYPE_CHECKING:
    from kiosk.app.player import Player
    from kiosk.app.reload import Reloader, Update

log = logging.getLogger(__name__)


class OpeningHours:
    """Says when to sleep and wake; runs the display hooks without waiting for them."""

    def __init__(self, config: ScheduleConfig) -> None:
        self.config = config
        self.schedule: Schedule = config.to_schedule()
        self.asleep = False
        self.hook: subprocess.Popen[bytes] | None = None
        self._day_deck: str | None = None

    def open_at(self, wall: float) -> bool:
        return self.schedule.is_open(dt.datetime.fromtimestamp(wall))

    def deck_at(self, wall: float) -> str | None:
        return self.schedule.deck_for(dt.datetime.fromtimestamp(wall).date())

    def step(self, player: Player, wall: float, reloader: Reloader | None) -> Update | None:
        """Sleep or wake ``player`` as the hours say at ``wall``; a scheduled deck's
        update when the day's deck changes."""
        is_open = self.open_at(wall)
        visitor = player.attract.visitor
        if not is_open and not self.asleep and not visitor:
            self.sleep()
            player.sleep(self.config.outside)
        elif self.asleep and (is_open or visitor):
            self.wake()
            player.wake(go_home=is_open)
        deck = self.deck_at(wall)
        if deck != self._day_deck and reloader is not None:
            self._day_deck = deck
            return reloader.switch(deck)
        return None

    def sleep(self) -> None:
        self.asleep = True
        log.info("closed: the show sleeps")
        self._run(self.config.display_off)

    def wake(self) -> None:
        self.asleep = False
        log.info("open: the show wakes")
        self._run(self.config.display_on)

    def _run(self, command: str | None) -> None:
        if not command:
            return
        try:
            self.hook = subprocess.Popen(shlex.split(command), stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL)
        except OSError as exc:
            log.warning("display command %r failed: %s", command, exc)
