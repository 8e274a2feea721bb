"""The player: the stage, the show's state, and the controllers that drive it, made and
bound in one place.

A key press becomes a slide change so: ``controllers/keyboard.py`` looks the key up in
``play/keys.py``'s table and hands the command to ``Show.apply`` (``app/show.py``),
which moves the navigator and tells the stage. A new source of input is a controller
made and bound here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kiosk.app.controllers import Controller, Ticker
from kiosk.app.controllers.burnin import BurnIn
from kiosk.app.controllers.content import Content
from kiosk.app.controllers.cursor import Cursor
from kiosk.app.controllers.frames import Frames
from kiosk.app.controllers.hours import Hours
from kiosk.app.controllers.idle import Idle
from kiosk.app.controllers.keyboard import Keyboard
from kiosk.app.controllers.operator import Operator
from kiosk.app.controllers.overview import OverviewGrid
from kiosk.app.controllers.pointer import Pointer
from kiosk.app.controllers.presence import Presence
from kiosk.app.controllers.sync import ClockSync
from kiosk.app.controllers.window import Window
from kiosk.app.show import Show
from kiosk.config import Config, Installation, home_language
from kiosk.deck.load import LoadedDeck
from kiosk.play.clock import Clock
from kiosk.play.commands import Command
from kiosk.show.stage import Stage

HOUSEKEEPING_MS = 250


class Player(QObject):
    """A show on a stage, driven by keys, clickers, touch, timers and new content."""

    def __init__(self, loaded: LoadedDeck, config: Config, clock: Clock, *,
                 locked: bool = False, authoring: bool = False,
                 lock_state: Path | None = None,
                 adjust: Callable[[Config], Config] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.stage = Stage(loaded, config, clock, authoring=authoring,
                           language=home_language(config, loaded.deck))
        self.show = Show(self.stage, config, clock, locked=locked, adjust=adjust, parent=self)
        self.ticker = Ticker(self)
        self.housekeeping = QTimer(self)
        self.housekeeping.setInterval(HOUSEKEEPING_MS)
        self.housekeeping.timeout.connect(self.ticker.tick)
        show, stage, ticker = self.show, self.stage, self.ticker
        self.content = Content(show, stage, clock, ticker)
        self.overview = OverviewGrid(show, stage)
        self.operator = Operator(show, stage, clock, ticker, state=lock_state)
        self.frames = Frames(show, stage)
        self.hours = Hours(show, clock, ticker, self.content)
        self.pointer = Pointer(show, stage, clock, [self.operator, self.overview])
        self.controllers: list[Controller] = [  # in this order: the filters bound last
            Cursor(stage.viewport(), clock, ticker, config.display.cursor_hide),  # see
            self.content, BurnIn(show, stage, clock, ticker), self.hours,  # events first,
            ClockSync(show, clock, ticker), Idle(show, clock, ticker),  # and the ticks
            Keyboard(show, stage, clock), self.overview,  # come in this order
            self.pointer, self.operator,
            self.frames, Window(show, stage), Presence(show, [stage, stage.viewport()])]
        self.bind()
        self.housekeeping.start()

    def bind(self) -> None:
        """Connect every controller to the show."""
        for controller in self.controllers:
            controller.bind()

    def unbind(self) -> None:
        """Let every controller go (the show stands still)."""
        for controller in reversed(self.controllers):
            controller.unbind()
        self.housekeeping.stop()

    def poll(self) -> None:
        """One housekeeping beat now: the loop, the idle return, the cursor, new content,
        opening hours, the operator's corner."""
        self.ticker.tick()

    def command(self, command: Command, cause: str) -> None:
        """Hand the show a command (as an input source would)."""
        self.show.apply(command, cause)

    def watch_content(self, installation: Installation, deck_path: Path, *,
                      banner: bool, at_once: bool = False) -> None:
        """Take new content as it arrives (see ``Content.watch``)."""
        self.content.watch(installation, deck_path, banner=banner, at_once=at_once)

    def close(self) -> None:
        """The show ends: the display hooks still running end, the window may close."""
        self.hours.close()
        self.operator.release()

    @property
    def config(self) -> Config:
        return self.show.config

    @property
    def asleep(self) -> bool:
        return self.show.asleep
