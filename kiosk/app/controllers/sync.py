"""Kiosks that show the same slide at the same moment: the loop position follows the
wall clock (``kiosk.sync: clock``) while no visitor is there."""

from __future__ import annotations

from kiosk.app.controllers import OnTick
from kiosk.play.commands import Action, Command
from kiosk.play.sync import clock_position


class ClockSync(OnTick):
    """On each tick, the slide the wall clock says."""

    def on_tick(self) -> None:
        show = self.show
        if show.asleep or show.config.kiosk.sync != "clock" or show.attract.visitor:
            return
        deck = show.deck
        index = clock_position([deck.slide_duration(s) for s in deck.slides], self.clock.wall())
        if index != show.index:
            show.apply(Command(Action.JUMP, index + 1), "sync")
