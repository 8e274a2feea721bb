"""What keyboard and clicker keys mean, by key name, without Qt.

Presentation clickers are keyboards: most send PageDown/PageUp (or Right/Left), F5 or
Shift+F5 for "start show" and Escape or "." / B for "blank". Typing a slide number and
Enter jumps there, as in PowerPoint.
"""

from __future__ import annotations

import dataclasses
import enum


class Action(enum.Enum):
    """Something the show does in answer to input."""

    NEXT = "next"
    PREVIOUS = "previous"
    FIRST = "first"
    LAST = "last"
    JUMP = "jump"
    BLACK = "black"
    WHITE = "white"
    LANGUAGE = "language"
    OVERVIEW = "overview"
    LEAVE_FULL_SCREEN = "leave-full-screen"
    QUIT = "quit"


@dataclasses.dataclass(frozen=True)
class Command:
    """An action, with the slide number for JUMP."""

    action: Action
    number: int | None = None


NEXT_KEYS = {"Right", "Down", "PageDown", "Space", "N", "Return", "Enter"}
PREVIOUS_KEYS = {"Left", "Up", "PageUp", "Backspace", "P"}
SIMPLE = {
    "Home": Action.FIRST,
    "End": Action.LAST,
    "B": Action.BLACK,
    "Period": Action.BLACK,
    "W": Action.WHITE,
    "L": Action.LANGUAGE,
    "O": Action.OVERVIEW,
    "Escape": Action.LEAVE_FULL_SCREEN,
    "Q": Action.QUIT,
}
HARMLESS = {"F5", "Tab"}  # clickers' "start show": the show is already running
DIGIT_TIMEOUT = 3.0


class KeyInterpreter:
    """Turns key names (Qt's, without the ``Key_`` prefix) into commands.

    Digits collect a slide number that Enter jumps to; the number is forgotten after
    a few seconds without another digit, or at any other key.
    """

    def __init__(self) -> None:
        self.digits = ""
        self._last_digit = 0.0

    def press(self, key: str, now: float, *, modifiers: frozenset[str] = frozenset()
              ) -> Command | None:
        """The command for one key press at time ``now``, if any."""
        if self.digits and now - self._last_digit > DIGIT_TIMEOUT:
            self.digits = ""
        if modifiers & {"Ctrl", "Alt", "Meta"}:
            self.digits = ""
            return None
        if len(key) == 1 and key.isdigit():
            self.digits = (self.digits + key)[-4:]
            self._last_digit = now
            return None
        pending, self.digits = self.digits, ""
        if key in ("Return", "Enter") and pending:
            return Command(Action.JUMP, int(pending))
        if key in HARMLESS:
            return None
        if key in NEXT_KEYS:
            return Command(Action.NEXT)
        if key in PREVIOUS_KEYS:
            return Command(Action.PREVIOUS)
        if key in SIMPLE:
            return Command(SIMPLE[key])
        return None
