"""The show's controllers: each turns one source of change into commands for the
``Show`` (or makes one view follow it), is made with what it needs, connects in
``bind`` and disconnects in ``unbind``, so it can be tested alone or left out.

| controller | source | commands |
| --- | --- | --- |
| ``keyboard.Keyboard`` | keys, clickers | the key table's (``play/keys.py``) |
| ``pointer.Pointer`` | mouse, touch: taps, swipes, buttons | moves, language, overview |
| ``presence.Presence`` | any input | (the visitor is here: the loop waits) |
| ``overview.OverviewGrid`` | the overview's keys and taps | jump, close |
| ``operator.Operator`` | close requests, exit chord, corner, keypad | keypad, exit |
| ``idle.Idle`` | the loop and idle timers | next, home |
| ``hours.Hours`` | opening hours, the day's deck | sleep, wake, content |
| ``sync.ClockSync`` | the wall clock (``kiosk.sync: clock``) | jump |
| ``content.Content`` | files changed on disk | content |
| ``burnin.BurnIn``, ``cursor.Cursor``, ``frames.Frames`` | time | (the picture) |
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QPointF, Signal

if TYPE_CHECKING:
    from kiosk.app.show import Show
    from kiosk.play.clock import Clock


class Controller(Protocol):
    """A part of the show that connects to it in ``bind`` and lets go in ``unbind``."""

    def bind(self) -> None: ...

    def unbind(self) -> None: ...


class Overlay(Protocol):
    """Something open over the show that takes taps and swipes before it."""

    def tap(self, point: QPointF) -> bool:
        """Take a tap at ``point`` (design pixels); False when not open."""
        ...

    def swipe(self, direction: int) -> bool:
        """Take a sideways swipe; False when not open."""
        ...


class Ticker(QObject):
    """The show's housekeeping beat (a timer's, or a test's): what happens by itself
    is looked at on each tick."""

    ticked = Signal()

    def tick(self) -> None:
        self.ticked.emit()


class OnTick(QObject):
    """A controller that looks at the show on each tick of ``ticker`` (``on_tick``)."""

    def __init__(self, show: Show, clock: Clock, ticker: Ticker) -> None:
        super().__init__(show)
        self.show, self.clock, self.ticker = show, clock, ticker

    def bind(self) -> None:
        self.ticker.ticked.connect(self.on_tick)

    def unbind(self) -> None:
        self.ticker.ticked.disconnect(self.on_tick)

    def on_tick(self) -> None:
        raise NotImplementedError
