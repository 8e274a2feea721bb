"""Hide the mouse cursor after a few seconds without movement."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from kiosk.app.controllers import Ticker
from kiosk.play.clock import Clock


class Cursor(QObject):
    """Shows the cursor on movement over ``widget``, hides it ``delay`` seconds later
    (by the clock, looked at on each tick)."""

    def __init__(self, widget: QWidget, clock: Clock, ticker: Ticker, delay: float) -> None:
        super().__init__(widget)
        self.widget, self.clock, self.ticker, self.delay = widget, clock, ticker, delay
        self._last = clock.now()
        self.hidden = False

    def bind(self) -> None:
        self.widget.setMouseTracking(True)
        self.widget.installEventFilter(self)
        self.ticker.ticked.connect(self._tick)

    def unbind(self) -> None:
        self.widget.removeEventFilter(self)
        self.ticker.ticked.disconnect(self._tick)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove:
            self._last = self.clock.now()
            if self.hidden:
                self.hidden = False
                self.widget.unsetCursor()
        return False

    def _tick(self) -> None:
        if not self.hidden and self.clock.now() - self._last >= self.delay:
            self.hidden = True
            self.widget.setCursor(Qt.CursorShape.BlankCursor)
