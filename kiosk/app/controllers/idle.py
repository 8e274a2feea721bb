"""The attract loop and the idle return: on with the next slide when its time is up,
home when the visitor has walked away."""

from __future__ import annotations

from kiosk.app.controllers import OnTick
from kiosk.play.attract import Due
from kiosk.play.commands import Action, Command


class Idle(OnTick):
    """Asks the show's attract policy on each tick (not while it sleeps, nor where the
    wall clock leads the loop)."""

    def on_tick(self) -> None:
        show = self.show
        if show.asleep or (show.config.kiosk.sync == "clock" and not show.attract.visitor):
            return
        due = show.attract.due(self.clock.now())
        if due is Due.NEXT:
            show.apply(Command(Action.NEXT), "loop")
        elif due is Due.HOME:
            show.left()
            show.apply(Command(Action.HOME), "idle")
