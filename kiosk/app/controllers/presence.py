"""Any input means someone is there: the attract loop waits, a visit starts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from kiosk.app.show import Show

INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
         QEvent.Type.Wheel)


class Presence(QObject):
    """Tells the show of every key, click, touch or wheel on its widgets (first of all
    filters: it sees what the others take)."""

    def __init__(self, show: Show, widgets: list[QWidget]) -> None:
        super().__init__(show)
        self.show, self.widgets = show, widgets

    def bind(self) -> None:
        for widget in self.widgets:
            widget.installEventFilter(self)

    def unbind(self) -> None:
        for widget in self.widgets:
            widget.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT:
            self.show.touched()
        return False
