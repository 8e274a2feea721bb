"""The show's window follows the show: it leaves full screen when asked, and stays on
top of every other window while the kiosk is locked."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from kiosk.app.show import Show


class Window(QObject):
    """Applies the show's window requests to ``widget``."""

    def __init__(self, show: Show, widget: QWidget) -> None:
        super().__init__(show)
        self.show, self.widget = show, widget
        widget.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, show.locked)

    def bind(self) -> None:
        self.show.full_screen_left.connect(self._leave_full_screen)
        self.show.locked_changed.connect(self._stay_on_top)

    def unbind(self) -> None:
        self.show.full_screen_left.disconnect(self._leave_full_screen)
        self.show.locked_changed.disconnect(self._stay_on_top)

    def _leave_full_screen(self) -> None:
        if self.widget.isFullScreen():
            self.widget.showNormal()

    def _stay_on_top(self, locked: bool) -> None:
        widget = self.widget
        full_screen, visible = widget.isFullScreen(), widget.isVisible()
        widget.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, locked)  # (hides it)
        if visible:
            widget.showFullScreen() if full_screen else widget.show()
