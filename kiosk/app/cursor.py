"""Hide the mouse cursor after a few seconds without movement."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.play.clock import Clock


class CursorHider:
    """Shows the cursor on movement, hides it ``delay`` seconds later (by the clock)."""

    def __init__(self, widget: QWidget, clock: Clock, delay: float) -> None:
        self.widget, self.clock, self.delay = widget, clock, delay
        self._last = clock.now()
        self.hidden = False

    def moved(self) -> None:
        self._last = self.clock.now()
        if self.hidden:
            self.hidden = False
            self.widget.unsetCursor()

    def check(self) -> None:
        if not self.hidden and self.clock.now() - self._last >= self.delay:
            self.hidden = True
            self.widget.setCursor(Qt.CursorShape.BlankCursor)
