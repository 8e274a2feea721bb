"""Burn-in protection: a slow walk of the picture around a small circle."""

from __future__ import annotations

from kiosk.app.controllers import OnTick, Ticker
from kiosk.app.show import Show
from kiosk.play.clock import Clock
from kiosk.play.sync import shift_at
from kiosk.show.stage import Stage


class BurnIn(OnTick):
    """Moves the stage's picture as ``display.shift`` says, on each tick."""

    def __init__(self, show: Show, stage: Stage, clock: Clock, ticker: Ticker) -> None:
        super().__init__(show, clock, ticker)
        self.stage = stage

    def on_tick(self) -> None:
        display = self.show.config.display
        if display.shift > 0:
            self.stage.set_shift(*shift_at(self.clock.wall(), display.shift,
                                           display.shift_every))
