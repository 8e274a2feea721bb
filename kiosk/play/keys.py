"""What keyboard and clicker keys mean: one table, by key name, without Qt.

Presentation clickers are keyboards: most send PageDown/PageUp (or Right/Left), F5 or
Shift+F5 for "start show" and Escape or "." / B for "blank". Typing a slide number and
Enter jumps there, as in PowerPoint. The show's keys are the defaults below, changed by
the config's ``keys:`` (a key or chord to a command, or to ``none``); the overview and
the operator's keypad have tables of their own.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from kiosk.play.commands import KEY_ACTIONS, Action, Command

NAMED_KEYS = ("Right", "Left", "Up", "Down", "PageDown", "PageUp", "Space", "Return", "Enter",
              "Backspace", "Home", "End", "Period", "Comma", "Escape", "Tab",
              *(f"F{n}" for n in range(1, 13)))
KEY_NAMES = frozenset([*NAMED_KEYS, *string.ascii_uppercase, *string.digits])
"""Every key the show knows by name (letters upper case)."""
MODIFIERS = ("Ctrl", "Alt", "Shift", "Meta")
SHORTCUT_MODIFIERS = frozenset({"Ctrl", "Alt", "Meta"})
"""Held, these make a key a shortcut (Shift alone does not: it types)."""
COMMANDS = tuple(a.value for a in KEY_ACTIONS)
"""What a key may be given to do (``none``: nothing)."""

DEFAULT_KEYS: dict[str, Action | None] = {
    **dict.fromkeys(["Right", "Down", "PageDown", "Space", "N", "Return", "Enter"], Action.NEXT),
    **dict.fromkeys(["Left", "Up", "PageUp", "Backspace", "P"], Action.PREVIOUS),
    "Home": Action.FIRST, "End": Action.LAST,
    "B": Action.BLACK, "Period": Action.BLACK, "W": Action.WHITE,
    "L": Action.LANGUAGE, "O": Action.OVERVIEW,
    "Escape": Action.LEAVE_FULL_SCREEN, "Q": Action.QUIT,
    "F5": None, "Shift+F5": None, "Tab": None,  # clickers' "start show": it is running
}
OVERVIEW_KEYS: dict[str, str] = {
    "Left": "left", "Right": "right", "Up": "up", "Down": "down",
    "PageUp": "page-back", "PageDown": "page-on",
    "Return": "choose", "Enter": "choose", "Space": "choose",
    "Escape": "close", "O": "close",
}
"""Keys while the overview is open: they move in its grid."""
KEYPAD_KEYS: dict[str, str] = {
    **{d: d for d in string.digits}, "Backspace": "←", "Return": "OK", "Enter": "OK",
    "Escape": "×",
}
"""Keys while the operator's keypad is open: they press its buttons."""
DIGIT_TIMEOUT = 3.0


def chord(text: str) -> str:
    """A key or chord in its one spelling (``ctrl+shift+x`` is ``Ctrl+Shift+X``);
    ValueError, in words, for what names no key."""
    *held, key = text.strip().split("+")
    named = {name.lower(): name for name in KEY_NAMES}
    if key.lower() not in named:
        raise ValueError(f"'{text}' is not a key: name one such as PageDown, F5 or B, or a "
                         "chord such as Ctrl+Alt+X")
    mods = {m.lower(): m for m in MODIFIERS}
    if any(m.lower() not in mods for m in held) or len({m.lower() for m in held}) != len(held):
        raise ValueError(f"'{text}': a chord holds Ctrl, Alt, Shift or Meta, each once, "
                         "then one key, e.g. Ctrl+Alt+X")
    order = [m for m in MODIFIERS if m.lower() in {h.lower() for h in held}]
    return "+".join([*order, named[key.lower()]])


def chord_of(key: str, modifiers: frozenset[str]) -> str:
    """The spelling of ``key`` pressed with ``modifiers`` held."""
    return "+".join([*(m for m in MODIFIERS if m in modifiers), key])


class Keymap:
    """Which key or chord gives which action: the defaults, then the config's."""

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        self.table = dict(DEFAULT_KEYS)
        for key, command in (overrides or {}).items():
            self.table[chord(key)] = None if command == "none" else Action(command)

    def action(self, key: str, modifiers: frozenset[str] = frozenset()) -> Action | None:
        """The action of ``key`` pressed with ``modifiers``: a chord as the table says;
        Shift alone, when the table has no such chord, as the key itself."""
        pressed = chord_of(key, modifiers)
        if pressed in self.table:
            return self.table[pressed]
        if modifiers <= {"Shift"}:
            return self.table.get(key)
        return None


class KeyInterpreter:
    """Turns key names (Qt's, without the ``Key_`` prefix) into commands.

    Digits collect a slide number that Enter jumps to; the number is forgotten after
    a few seconds without another digit, or at any other key.
    """

    def __init__(self, keymap: Keymap | None = None) -> None:
        self.keymap = keymap or Keymap()
        self.digits = ""
        self._last_digit = 0.0

    def press(self, key: str, now: float, *, modifiers: frozenset[str] = frozenset()
              ) -> Command | None:
        """The command for one key press at time ``now``, if any."""
        if self.digits and now - self._last_digit > DIGIT_TIMEOUT:
            self.digits = ""
        if len(key) == 1 and key.isdigit() and not modifiers & SHORTCUT_MODIFIERS:
            self.digits = (self.digits + key)[-4:]
            self._last_digit = now
            return None
        pending, self.digits = self.digits, ""
        if key in ("Return", "Enter") and pending and not modifiers:
            return Command(Action.JUMP, int(pending))
        action = self.keymap.action(key, modifiers)
        return Command(action) if action is not None else None
