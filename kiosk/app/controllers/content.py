"""New content on a running show: files watched on the show's clock, each update
checked whole, then handed to the show (which takes it at the next move)."""

from __future__ import annotations

from pathlib import Path

from kiosk.app.controllers import OnTick, Ticker
from kiosk.app.reload import Reloader, Update
from kiosk.app.show import Show
from kiosk.config import Installation
from kiosk.play.clock import Clock
from kiosk.play.commands import Action, Command
from kiosk.show.stage import Stage


class Content(OnTick):
    """Polls a ``Reloader`` on each tick, once ``watch`` has been called. Another deck
    (the config's ``deck:`` changed) comes at once from its first slide when no visitor
    is there and the show is open; an author's window takes each save at once."""

    def __init__(self, show: Show, stage: Stage, clock: Clock, ticker: Ticker) -> None:
        super().__init__(show, clock, ticker)
        self.stage = stage
        self.reloader: Reloader | None = None
        self.banner = False
        self.at_once = False

    def watch(self, installation: Installation, deck_path: Path, *, banner: bool,
              at_once: bool = False) -> None:
        """Take new content as it arrives (``at_once``: on the same slide, looking every
        0.3 s, for an author's window; ``banner``: say what was refused over the show)."""
        timing = {"interval": 0.3, "settle": 0.3} if at_once else {}
        self.reloader = Reloader(installation, deck_path, now=self.clock.now(),
                                 refs=self.stage.loaded.assets, **timing)
        self.banner, self.at_once = banner, at_once

    def switch(self, deck: str | None) -> Update | None:
        """Play another deck of the installation (the schedule's; None: the config's
        own), checked like any update."""
        return self.reloader.switch(deck) if self.reloader is not None else None

    def on_tick(self) -> None:
        if self.reloader is None:
            return
        update = self.reloader.poll(self.clock.now())
        show = self.show
        if update is not None:
            show.apply(Command(Action.CONTENT, payload=update), "reload")
            if update.other_deck and not show.attract.visitor and not show.asleep:
                show.apply(Command(Action.JUMP, 1), "reload")  # a new show: from 1
            elif self.at_once:
                show.apply(Command(Action.JUMP, show.index + 1), "reload")
        if self.banner:
            self.stage.set_banner(self.reloader.last_error)
