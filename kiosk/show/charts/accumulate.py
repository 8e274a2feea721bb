"""Marks that only ever add up during an entry (nodes appearing, links drawing).

Drawing all of them again every frame costs as much as there are; this item keeps
what it has drawn in an image at the screen's resolution and adds only the new ones,
so a frame costs one blit plus the few marks that arrived. Painters that are not the
screen's (PDF export) get every mark drawn as vectors.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.show.guard import guarded


@dataclasses.dataclass(frozen=True)
class Dot:
    centre: QPointF
    radius: float
    colour: QColor


@dataclasses.dataclass(frozen=True)
class Line:
    line: QLineF
    width: float
    colour: QColor


Shape = Dot | Line


def _bounds(shapes: list[Shape]) -> QRectF:
    """The rectangle every shape lies in (with its radius or line width)."""
    if not shapes:
        return QRectF()
    lefts, tops, rights, bottoms = [], [], [], []
    for shape in shapes:
        if isinstance(shape, Dot):
            r = shape.radius + 1
            x, y = shape.centre.x(), shape.centre.y()
            lefts.append(x - r)
            rights.append(x + r)
            tops.append(y - r)
            bottoms.append(y + r)
        else:
            w, line = shape.width, shape.line
            x1, x2, y1, y2 = line.x1(), line.x2(), line.y1(), line.y2()
            lefts.append(min(x1, x2) - w)
            rights.append(max(x1, x2) + w)
            tops.append(min(y1, y2) - w)
            bottoms.append(max(y1, y2) + w)
    left, top = min(lefts), min(tops)
    return QRectF(left, top, max(rights) - left, max(bottoms) - top)


class Accumulated(QGraphicsItem):
    """The first ``count`` of a fixed list of shapes, drawn incrementally."""

    def __init__(self, shapes: list[Shape], parent: QGraphicsItem | None = None, *,
                 bounds: QRectF | None = None) -> None:
        """``bounds``: where every shape lies, when the caller knows it already."""
        super().__init__(parent)
        self.shapes = shapes
        self.count = len(shapes)
        self._bounds = bounds if bounds is not None else _bounds(shapes)
        self._image: QImage | None = None
        self._key: float | None = None
        self._drawn = 0

    def set_count(self, count: int) -> None:
        """Show the first ``count`` shapes."""
        count = max(0, min(count, len(self.shapes)))
        if count < self._drawn and self._image is not None:
            self._image.fill(Qt.GlobalColor.transparent)  # here, not in the next frame
            self._drawn = 0
        if count != self.count:
            self.count = count
            self.update()


    def boundingRect(self) -> QRectF:
        return self._bounds

    def release(self) -> None:
        """Drop the drawn image (off screen); it is drawn again when next shown."""
        self._image, self._key, self._drawn = None, None, 0

    def _draw(self, painter: QPainter, shapes: list[Shape]) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for shape in shapes:
            if isinstance(shape, Dot):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(shape.colour)
                painter.drawEllipse(shape.centre, shape.radius, shape.radius)
            else:
                painter.setPen(QPen(shape.colour, shape.width))
                painter.drawLine(shape.line)

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        engine = painter.paintEngine()
        transform = painter.worldTransform()
        if (engine is None or engine.type() != QPaintEngine.Type.Raster
                or transform.isRotating() or self._bounds.isEmpty()):
            self._draw(painter, self.shapes[: self.count])
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
            self._draw(inner, self.shapes[self._drawn : self.count])
            inner.end()
            self._drawn = self.count
        painter.save()
        painter.resetTransform()
        painter.drawImage(QPoint(round(origin.x()), round(origin.y())), self._image)
        painter.restore()
