"""The overview: every slide as a thumbnail in a grid over the show, to jump to one."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.show import fonts
from kiosk.show.guard import guarded
from kiosk.show.theme import Palette


class Overview(QGraphicsItem):
    """A grid of slide pictures with one selected; ``at`` says which one is under a point."""

    def __init__(self, width: float, height: float, pictures: list[QPixmap], current: int,
                 palette: Palette, slides: list[int] | None = None) -> None:
        super().__init__()
        self._w, self._h = width, height
        self.pictures, self.palette = pictures, palette
        self.slides = slides if slides is not None else list(range(len(pictures)))
        """The slide each tile stands for (a home menu shows only some)."""
        self.selected = self.slides.index(current) if current in self.slides else 0
        count = len(pictures)
        aspect = width / height
        self.columns = count if count <= 4 else max(1, math.ceil(math.sqrt(count)))
        self.rows = math.ceil(count / self.columns)
        margin = min(width, height) * 0.06
        gap = min(width, height) * 0.02
        cell_w = (width - 2 * margin - gap * (self.columns - 1)) / self.columns
        cell_h = (height - 2 * margin - gap * (self.rows - 1)) / self.rows
        thumb_w = min(cell_w, cell_h * aspect)
        thumb_h = thumb_w / aspect
        left = (width - (thumb_w * self.columns + gap * (self.columns - 1))) / 2
        top = (height - (thumb_h * self.rows + gap * (self.rows - 1))) / 2
        self.cells = [QRectF(left + (n % self.columns) * (thumb_w + gap),
                             top + (n // self.columns) * (thumb_h + gap), thumb_w, thumb_h)
                      for n in range(count)]
        self.setZValue(140)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def at(self, point: QPointF) -> int | None:
        """The slide whose thumbnail is under ``point``."""
        for n, cell in enumerate(self.cells):
            if cell.contains(point):
                return self.slides[n]
        return None

    @property
    def chosen(self) -> int:
        """The selected tile's slide."""
        return self.slides[self.selected]

    def move(self, dx: int, dy: int) -> None:
        """Move the selection by columns and rows (arrow keys), staying in the grid."""
        row, col = divmod(self.selected, self.columns)
        row = min(max(row + dy, 0), self.rows - 1)
        col = min(max(col + dx, 0), self.columns - 1)
        self.selected = min(row * self.columns + col, len(self.cells) - 1)
        self.update()

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        painter.fillRect(self.boundingRect(), QColor(5, 10, 20, 235))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        number_font = fonts.font(max(14.0, self.cells[0].height() * 0.12), bold=True)
        for n, (cell, picture) in enumerate(zip(self.cells, self.pictures, strict=True)):
            painter.drawPixmap(cell, picture, QRectF(picture.rect()))
            selected = n == self.selected
            pen = QPen(self.palette.accent if selected else QColor(255, 255, 255, 60),
                       6 if selected else 1.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            side = cell.height() * 0.22
            badge = QRectF(cell.right() - side * 1.5, cell.bottom() - side, side * 1.5, side)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.palette.accent if selected else QColor(0, 0, 0, 170))
            painter.drawRect(badge)
            painter.setFont(number_font)
            painter.setPen(self.palette.background if selected else self.palette.text)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(self.slides[n] + 1))
