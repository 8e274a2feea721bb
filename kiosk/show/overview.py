"""The overview: the slides as thumbnails in a grid over the show, to jump to one.

A deck of thousands of slides shows a page of the grid at a time; only the pictures of
that page are asked for (``picture``), and one not made yet is a numbered tile until it
is. Arrows move the selection, and the page with it; PageUp and PageDown, or a sideways
swipe, turn a page.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.show import fonts
from kiosk.show.guard import guarded
from kiosk.show.theme import Palette

MAX_COLUMNS = {False: 6, True: 4}  # landscape, portrait
MAX_ROWS = {False: 4, True: 6}


class Overview(QGraphicsItem):
    """A page of slide pictures with one selected; ``at`` says which one is under a point.

    ``picture(slide)`` gives a slide's picture, or None while it is not made yet; the
    owner calls ``update`` when more pictures are ready.
    """

    def __init__(self, width: float, height: float, slides: list[int], current: int,
                 palette: Palette, picture: Callable[[int], QPixmap | None]) -> None:
        super().__init__()
        self._w, self._h = width, height
        self.palette, self.picture = palette, picture
        self.slides = slides
        """The slide each tile stands for (a home menu shows only some)."""
        self.selected = slides.index(current) if current in slides else 0
        count = len(slides)
        portrait = height > width
        aspect = width / height
        self.columns = count if count <= 4 else min(MAX_COLUMNS[portrait],
                                                    math.ceil(math.sqrt(count)))
        self.rows = min(MAX_ROWS[portrait], math.ceil(count / self.columns))
        margin = min(width, height) * 0.06
        gap = min(width, height) * 0.02
        cell_w = (width - 2 * margin - gap * (self.columns - 1)) / self.columns
        cell_h = (height - 2 * margin - gap * (self.rows - 1)) / self.rows
        thumb_w = min(cell_w, cell_h * aspect)
        thumb_h = thumb_w / aspect
        left = (width - (thumb_w * self.columns + gap * (self.columns - 1))) / 2
        top = (height - (thumb_h * self.rows + gap * (self.rows - 1))) / 2
        self._grid = [QRectF(left + (n % self.columns) * (thumb_w + gap),
                             top + (n // self.columns) * (thumb_h + gap), thumb_w, thumb_h)
                      for n in range(self.columns * self.rows)]
        self.setZValue(140)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def page(self) -> int:
        """The page the selection is on (0-based)."""
        return self.selected // self.per_page

    @property
    def pages(self) -> int:
        return math.ceil(len(self.slides) / self.per_page)

    @property
    def visible(self) -> list[int]:
        """The slides of the page on screen, in grid order."""
        first = self.page * self.per_page
        return self.slides[first : first + self.per_page]

    @property
    def cells(self) -> list[QRectF]:
        """Where the tiles of the page on screen are."""
        return self._grid[: len(self.visible)]

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def at(self, point: QPointF) -> int | None:
        """The slide whose thumbnail is under ``point``."""
        for slide, cell in zip(self.visible, self.cells, strict=True):
            if cell.contains(point):
                return slide
        return None

    @property
    def chosen(self) -> int:
        """The selected tile's slide."""
        return self.slides[self.selected]

    def move(self, dx: int, dy: int) -> None:
        """Move the selection by columns and rows (arrow keys); past the page's edge to
        the next or previous page."""
        target = self.selected + dx + dy * self.columns
        if dx and (target // self.columns != self.selected // self.columns):
            target = self.selected  # left and right stay in the row
        self.selected = min(max(target, 0), len(self.slides) - 1)
        self.update()

    def turn(self, pages: int) -> None:
        """Turn ``pages`` pages (PageDown, a swipe), keeping the place on the page."""
        place = self.selected % self.per_page
        page = min(max(self.page + pages, 0), self.pages - 1)
        self.selected = min(page * self.per_page + place, len(self.slides) - 1)
        self.update()

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        p = self.palette
        painter.fillRect(self.boundingRect(), p.background)  # (opaque: at 0.92 a light
        # photo's caption read through between the rows, trial 17)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        number_font = fonts.font(max(14.0, self.cells[0].height() * 0.12), bold=True)
        first = self.page * self.per_page
        for n, (slide, cell) in enumerate(zip(self.visible, self.cells, strict=True)):
            picture = self.picture(slide)
            if picture is not None:
                painter.drawPixmap(cell, picture, QRectF(picture.rect()))
            else:
                painter.fillRect(cell, p.surface)
            selected = first + n == self.selected
            pen = QPen(p.accent if selected else p.faint(0.24),
                       6 if selected else 1.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            side = cell.height() * 0.22
            badge = QRectF(cell.right() - side * 1.5, cell.bottom() - side, side * 1.5, side)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(p.accent if selected else p.scrim(0.67))
            painter.drawRect(badge)
            painter.setFont(number_font)
            painter.setPen(p.background if selected else p.text)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(slide + 1))
        if self.pages > 1:
            painter.setFont(fonts.font(max(14.0, self._h * 0.022)))
            painter.setPen(p.muted)
            painter.drawText(QRectF(0, self._h * 0.955, self._w, self._h * 0.04),
                             Qt.AlignmentFlag.AlignCenter, f"{self.page + 1} / {self.pages}")
