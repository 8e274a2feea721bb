"""The attract loop and the idle return: on with the next slide when its time is up,
home when the visitor has walked away."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.app.controllers import Ticker
from kiosk.app.show import Show
from kiosk.play.attract import Due
from kiosk.play.clock import Clock
from kiosk.play.commands import Action, Command


class Idle(QObject):
    """Asks the show's attract policy on each tick (not while it sleeps, nor where the
    wall clock leads the loop)."""

    def __init__(self, show: Show, clock: Clock, ticker: Ticker) -> None:
        super().__init__(show)
        self.show, self.clock, self.ticker = show, clock, ticker

    def bind(self) -> None:
        self.ticker.ticked.connect(self._tick)

    def unbind(self) -> None:
        self.ticker.ticked.disconnect(self._tick)

    def _tick(self) -> None:
        show = self.show
        if show.asleep or (show.config.kiosk.sync == "clock" and not show.attract.visitor):
            return
        due = show.attract.due(self.clock.now())
        if due is Due.NEXT:
            show.apply(Command(Action.NEXT), "loop")
        elif due is Due.HOME:
            show.left()
            show.apply(Command(Action.HOME), "idle")
