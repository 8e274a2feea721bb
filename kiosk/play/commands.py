"""What the show can be told to do: every input (keys, touch, buttons, the overview, the
keypad, timers, opening hours, clock sync, new content, the presenter) becomes one of
these, and one place carries them out (``kiosk.app.show.Show.apply``)."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any


class Action(enum.Enum):
    """Something the show does."""

    NEXT = "next"
    PREVIOUS = "previous"
    FIRST = "first"
    LAST = "last"
    JUMP = "jump"
    """To slide ``number`` (1-based)."""
    BLACK = "black"
    WHITE = "white"
    LANGUAGE = "language"
    """The next offered language, or ``text``'s."""
    OVERVIEW = "overview"
    """Open the overview, or close it."""
    LEAVE_FULL_SCREEN = "leave-full-screen"
    QUIT = "quit"
    HOME = "home"
    """A visitor left: the home slide in the default language, anything open closed."""
    SLEEP = "sleep"
    """Closed: black, or slide ``number``."""
    WAKE = "wake"
    """Open again; to the home slide when ``number`` is 1."""
    CONTENT = "content"
    """New content (``payload``, a checked update) waits for the next move."""
    KEYPAD = "keypad"
    """Open the operator's keypad (``number``: 1), or close it (0)."""
    EXIT = "exit"
    """The operator leaves the locked show."""
    ZOOM = "zoom"
    """Look closer at the picture on screen, or move it: ``payload``, a ``Zoom``."""


KEY_ACTIONS = (Action.NEXT, Action.PREVIOUS, Action.FIRST, Action.LAST, Action.BLACK,
               Action.WHITE, Action.LANGUAGE, Action.OVERVIEW, Action.LEAVE_FULL_SCREEN,
               Action.QUIT)
"""What a key may be given to do."""
MOVES = (Action.NEXT, Action.PREVIOUS, Action.FIRST, Action.LAST, Action.JUMP)


@dataclasses.dataclass(frozen=True)
class Zoom:
    """Two fingers pinched or moved, a drag, a wheel turned, a double tap: in design
    pixels."""

    factor: float = 1.0
    """How much closer (2: twice as close; 1: as close as it is)."""
    x: float = 0.0
    y: float = 0.0
    """The point that stays under the fingers."""
    dx: float = 0.0
    dy: float = 0.0
    """How far the picture moves."""
    reset: bool = False
    """Back to the whole picture (the rest is not looked at)."""


@dataclasses.dataclass(frozen=True)
class Command:
    """An action, with what it needs: a slide number, a language, new content."""

    action: Action
    number: int | None = None
    text: str | None = None
    payload: Any = dataclasses.field(default=None, compare=False)
