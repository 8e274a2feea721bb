"""Qt input to the show's terms: key names for the key interpreter, touches to gestures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

_NAMED = {
    Qt.Key.Key_Right: "Right", Qt.Key.Key_Left: "Left", Qt.Key.Key_Up: "Up",
    Qt.Key.Key_Down: "Down", Qt.Key.Key_PageDown: "PageDown", Qt.Key.Key_PageUp: "PageUp",
    Qt.Key.Key_Space: "Space", Qt.Key.Key_Return: "Return", Qt.Key.Key_Enter: "Enter",
    Qt.Key.Key_Backspace: "Backspace", Qt.Key.Key_Home: "Home", Qt.Key.Key_End: "End",
    Qt.Key.Key_Period: "Period", Qt.Key.Key_Escape: "Escape", Qt.Key.Key_F5: "F5",
    Qt.Key.Key_Tab: "Tab", Qt.Key.Key_Backtab: "Tab", Qt.Key.Key_Comma: "Comma",
    **{Qt.Key(Qt.Key.Key_F1.value + n): f"F{n + 1}" for n in range(12)},
}
_MODIFIERS = {
    Qt.KeyboardModifier.ControlModifier: "Ctrl", Qt.KeyboardModifier.AltModifier: "Alt",
    Qt.KeyboardModifier.MetaModifier: "Meta", Qt.KeyboardModifier.ShiftModifier: "Shift",
}


def key_name(event: QKeyEvent) -> str | None:
    """The key's name as the key interpreter knows it (letters upper case, digits)."""
    key = Qt.Key(event.key())
    if key in _NAMED:
        return _NAMED[key]
    if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
        return chr(key.value)
    if Qt.Key.Key_A <= key <= Qt.Key.Key_Z:
        return chr(key.value)
    return None


def modifiers(event: QKeyEvent) -> frozenset[str]:
    """Names of the modifiers held, keypad excluded."""
    held = event.modifiers()
    return frozenset(name for flag, name in _MODIFIERS.items() if held & flag)
