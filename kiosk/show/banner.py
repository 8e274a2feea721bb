"""A line over the top of the stage in an author's window: what was refused, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsRectItem

from kiosk.show.textbox import TextBox
from kiosk.show.theme import Palette

HEIGHT = 72


class Banner(QGraphicsRectItem):
    """``text`` on the theme's warning colour, across the stage's ``width``."""

    def __init__(self, text: str, width: float, palette: Palette) -> None:
        super().__init__(0, 0, width, HEIGHT)
        self.text = text
        self.setBrush(palette.warning)
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(120)
        line = TextBox(text, width - 40, HEIGHT - 12, size=22, color=palette.background,
                       max_lines=2, valign="center", parent=self)
        line.setPos(20, 6)
