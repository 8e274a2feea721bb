"""Burn-in protection: a slow walk of the picture around a small circle."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.app.controllers import Ticker
from kiosk.app.show import Show
from kiosk.play.clock import Clock
from kiosk.play.sync import shift_at
from kiosk.show.stage import Stage


class BurnIn(QObject):
    """Moves the stage's picture as ``display.shift`` says, on each tick."""

    def __init__(self, show: Show, stage: Stage, clock: Clock, ticker: Ticker) -> None:
        super().__init__(show)
        self.show, self.stage, self.clock, self.ticker = show, stage, clock, ticker

    def bind(self) -> None:
        self.ticker.ticked.connect(self._tick)

    def unbind(self) -> None:
        self.ticker.ticked.disconnect(self._tick)

    def _tick(self) -> None:
        display = self.show.config.display
        if display.shift > 0:
            self.stage.set_shift(*shift_at(self.clock.wall(), display.shift,
                                           display.shift_every))
