"""Marks that only ever add up during an entry (nodes appearing, links drawing).

Drawing all of them again every frame costs as much as there are; this item keeps
what it has drawn in an image at the screen's resolution and adds only the new ones,
so a frame costs one blit plus the few marks that arrived. Painters that are not the
screen's (PDF export) get every mark drawn as vectors.

The marks are kept as plain lists of numbers, not an object each: a network of 600
dots and 1,200 links is a few lists, which the garbage collector does not walk through
(thousands of small objects per slide made its full passes take a tenth of a second).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.show.guard import guarded

SHAPES = ("disc", "ring", "square", "diamond")
"""How a dot may be drawn: past the colours every visitor tells apart, a group's dots
differ in shape too (as bars do in pattern)."""


def draw_dot(painter: QPainter, centre: QPointF, radius: float, colour: QColor,
             shape: str = "disc") -> None:
    """One dot of ``shape`` around ``centre``, ``radius`` to its edge."""
    r = radius
    if shape == "ring":  # (a thick ring: its colour still reads at a dot's size)
        painter.setPen(QPen(colour, r * 0.55))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, r * 0.72, r * 0.72)
        return
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    if shape == "square":
        side = r * 0.86
        painter.drawRect(QRectF(centre.x() - side, centre.y() - side, 2 * side, 2 * side))
    elif shape == "diamond":
        x, y = centre.x(), centre.y()
        painter.drawPolygon([QPointF(x, y - r * 1.1), QPointF(x + r * 1.1, y),
                             QPointF(x, y + r * 1.1), QPointF(x - r * 1.1, y)])
    else:
        painter.drawEllipse(centre, r, r)


@dataclasses.dataclass
class Dots:
    """Dots of one radius: centres and, per dot, the index of its colour; per colour,
    its shape (``SHAPES``: a disc unless told)."""

    xs: list[float]
    ys: list[float]
    radius: float
    colour_of: list[int]
    colours: list[QColor]
    shapes: list[str] | None = None

    def __len__(self) -> int:
        return len(self.xs)

    def draw(self, painter: QPainter, start: int, end: int) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        current = -1
        shape = "disc"
        r = self.radius
        for n in range(start, end):
            if self.colour_of[n] != current:
                current = self.colour_of[n]
                shape = self.shapes[current] if self.shapes else "disc"
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self.colours[current])
            if shape == "disc":  # (most dots: the pen and brush set once a colour)
                painter.drawEllipse(QPointF(self.xs[n], self.ys[n]), r, r)
            else:
                draw_dot(painter, QPointF(self.xs[n], self.ys[n]), r, self.colours[current],
                         shape)
                current = -1  # (it set its own pen: set them again for the next)

    def bounds(self) -> QRectF:
        r = self.radius + 1
        left, top = min(self.xs), min(self.ys)
        return QRectF(left - r, top - r, max(self.xs) - left + 2 * r,
                      max(self.ys) - top + 2 * r)


@dataclasses.dataclass
class Lines:
    """Straight lines of one width and colour: x1, y1, x2, y2 of each, one after another,
    or the function that works them out (called when first needed, or when the slide
    is got ready ahead: see ``Accumulated.warm``)."""

    source: list[float] | Callable[[], list[float]]
    width: float
    colour: QColor

    @property
    def ends(self) -> list[float]:
        if callable(self.source):
            self.source = self.source()
        return self.source

    def __len__(self) -> int:
        return len(self.ends) // 4

    def draw(self, painter: QPainter, start: int, end: int) -> None:
        e = self.ends
        painter.setPen(QPen(self.colour, self.width))
        painter.drawLines([QLineF(e[4 * n], e[4 * n + 1], e[4 * n + 2], e[4 * n + 3])
                           for n in range(start, end)])

    def bounds(self) -> QRectF:
        xs, ys = self.ends[0::2], self.ends[1::2]
        w = self.width
        left, top = min(xs), min(ys)
        return QRectF(left - w, top - w, max(xs) - left + 2 * w, max(ys) - top + 2 * w)


Marks = Dots | Lines


class Accumulated(QGraphicsItem):
    """The first ``count`` of a fixed set of marks, drawn incrementally."""

    def __init__(self, marks: Marks, parent: QGraphicsItem | None = None, *,
                 bounds: QRectF | None = None) -> None:
        """``bounds``: where every mark lies, when the caller knows it already."""
        super().__init__(parent)
        self.marks = marks
        self._bounds = bounds if bounds is not None else (
            marks.bounds() if len(marks) else QRectF())
        self._image: QImage | None = None
        self._key: float | None = None
        self._drawn = 0
        self._count: int | None = None  # all of them (worked out when first needed)

    @property
    def total(self) -> int:
        """How many marks there are in all."""
        return len(self.marks)

    @property
    def count(self) -> int:
        """How many marks are shown."""
        return self.total if self._count is None else self._count

    @guarded
    def warm(self, painter: QPainter) -> None:
        """Work the marks out now, while the show is idle (see Stage.prebuild)."""
        len(self.marks)

    def set_count(self, count: int) -> None:
        """Show the first ``count`` marks."""
        count = 0 if count <= 0 else min(count, self.total)  # none: nothing worked out yet
        if count < self._drawn and self._image is not None:
            self._image.fill(Qt.GlobalColor.transparent)  # here, not in the next frame
            self._drawn = 0
        if count != self._count:
            self._count = count
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def release(self) -> None:
        """Drop the drawn image (off screen); it is drawn again when next shown."""
        self._image, self._key, self._drawn = None, None, 0

    def _draw(self, painter: QPainter, start: int, end: int) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if end > start:
            self.marks.draw(painter, start, end)

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        engine = painter.paintEngine()
        transform = painter.worldTransform()
        if (engine is None or engine.type() != QPaintEngine.Type.Raster
                or transform.isRotating() or self._bounds.isEmpty()):
            self._draw(painter, 0, self.count)
            return
        scale = round(transform.m11(), 4)
        origin = transform.map(self._bounds.topLeft())
        if self._image is None or self._key != scale:
            size = self._bounds.size() * scale
            self._image = QImage(max(1, int(size.width()) + 2), max(1, int(size.height()) + 2),
                                 QImage.Format.Format_ARGB32_Premultiplied)
            self._image.fill(Qt.GlobalColor.transparent)
            self._key, self._drawn = scale, 0
        elif self._drawn > self.count:
            self._image.fill(Qt.GlobalColor.transparent)
            self._drawn = 0
        if self._drawn < self.count:
            inner = QPainter(self._image)
            inner.scale(scale, scale)
            inner.translate(-self._bounds.topLeft())
            self._draw(inner, self._drawn, self.count)
            inner.end()
            self._drawn = self.count
        painter.save()
        painter.resetTransform()
        painter.drawImage(QPoint(round(origin.x()), round(origin.y())), self._image)
        painter.restore()
