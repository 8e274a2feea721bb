"""Opening hours on a running show: it sleeps when closed, wakes when open, and plays
the day's deck."""

from __future__ import annotations

import logging

from kiosk.app.controllers import OnTick, Ticker
from kiosk.app.controllers.content import Content
from kiosk.app.hours import OpeningHours
from kiosk.app.show import Show
from kiosk.config import Config
from kiosk.play.clock import Clock
from kiosk.play.commands import Action, Command

log = logging.getLogger(__name__)


class Hours(OnTick):
    """On each tick: the day's deck (through ``content``), then sleep or wake as the
    schedule says. A new schedule taken live replaces the old (whose hooks end)."""

    def __init__(self, show: Show, clock: Clock, ticker: Ticker, content: Content) -> None:
        super().__init__(show, clock, ticker)
        self.content = content
        schedule = show.config.schedule
        self.hours = OpeningHours(schedule) if schedule else None

    def bind(self) -> None:
        super().bind()
        self.show.config_changed.connect(self._config)
        self.show.session_ended.connect(self.on_tick)  # closed: asleep before going home

    def unbind(self) -> None:
        super().unbind()
        self.show.config_changed.disconnect(self._config)
        self.show.session_ended.disconnect(self.on_tick)

    def close(self) -> None:
        """The show ends: so do the display hooks still running."""
        if self.hours is not None:
            self.hours.close()

    def _config(self, config: Config) -> None:
        if self.hours is not None and self.hours.config == config.schedule:
            return
        if self.hours is None and config.schedule is None:
            return
        if self.hours is not None:
            self.hours.close()
            if self.show.asleep:
                self.show.apply(Command(Action.WAKE, 0), "schedule")
        self.hours = OpeningHours(config.schedule) if config.schedule else None
        log.info("opening hours %s", "updated" if self.hours else "removed: always open")

    def on_tick(self) -> None:
        hours, show = self.hours, self.show
        if hours is None:
            return
        wall = self.clock.wall()
        if self.content.reloader is not None:
            changed, deck = hours.day_deck(wall)
            update = self.content.switch(deck) if changed else None
            if update is not None:  # the day's deck, at once and from its first slide
                show.apply(Command(Action.CONTENT, payload=update), "schedule")
                if not show.attract.visitor and not show.asleep:
                    show.apply(Command(Action.JUMP, 1), "schedule")
        outside = hours.config.outside
        slide = None if outside == "black" else int(outside)
        decided = hours.decide(wall, self.clock.now(), visitor=show.attract.visitor)
        if decided == "sleep":
            show.apply(Command(Action.SLEEP, slide), "closed")
        elif decided == "wake":
            show.apply(Command(Action.WAKE, int(hours.open_at(wall))), "open")
        elif hours.asleep and show.pending is not None and slide is not None:
            show.apply(Command(Action.SLEEP, slide), "closed")  # new content, closed as it is
