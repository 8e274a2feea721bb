"""Keys and clickers to commands, by the key table (``play/keys.py``) and the config's
``keys:``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from kiosk.app.input import key_name, modifiers
from kiosk.app.show import Show
from kiosk.config import Config
from kiosk.play.clock import Clock
from kiosk.play.keys import KeyInterpreter


class Keyboard(QObject):
    """Takes the key presses of ``widget`` (and its viewport), and hands the show the
    command each one means. Overlays and the kiosk lock filter keys before it."""

    def __init__(self, show: Show, widget: QWidget, clock: Clock) -> None:
        super().__init__(show)
        self.show, self.widget, self.clock = show, widget, clock
        self.keys = KeyInterpreter(show.keymap)

    def bind(self) -> None:
        self.widget.installEventFilter(self)
        self.show.config_changed.connect(self._config)

    def unbind(self) -> None:
        self.widget.removeEventFilter(self)
        self.show.config_changed.disconnect(self._config)

    def _config(self, config: Config) -> None:
        if self.keys.keymap is not self.show.keymap:  # new keys: a new interpreter
            self.keys = KeyInterpreter(self.show.keymap)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        name = key_name(event)
        if name is None:
            return False
        command = self.keys.press(name, self.clock.now(), modifiers=modifiers(event))
        if command is not None:
            self.show.apply(command, "key")
        return True
