"""Kiosks that show the same slide at the same moment: the loop position follows the
wall clock (``kiosk.sync: clock``) while no visitor is there."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.app.controllers import Ticker
from kiosk.app.show import Show
from kiosk.play.clock import Clock
from kiosk.play.commands import Action, Command
from kiosk.play.sync import clock_position


class ClockSync(QObject):
    """On each tick, the slide the wall clock says."""

    def __init__(self, show: Show, clock: Clock, ticker: Ticker) -> None:
        super().__init__(show)
        self.show, self.clock, self.ticker = show, clock, ticker

    def bind(self) -> None:
        self.ticker.ticked.connect(self._tick)

    def unbind(self) -> None:
        self.ticker.ticked.disconnect(self._tick)

    def _tick(self) -> None:
        show = self.show
        if show.asleep or show.config.kiosk.sync != "clock" or show.attract.visitor:
            return
        deck = show.deck
        index = clock_position([deck.slide_duration(s) for s in deck.slides], self.clock.wall())
        if index != show.index:
            show.apply(Command(Action.JUMP, index + 1), "sync")
