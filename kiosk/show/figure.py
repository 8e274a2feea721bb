"""A key figure as drawn: qualifier, big number and unit on one baseline, with its label."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.deck.model import Figure
from kiosk.deck.numbers import FigureText, figure_text
from kiosk.show import fonts
from kiosk.show.context import SlideContext


class FigureNumber(QGraphicsItem):
    """The number line of a figure, shrunk as a whole if it is wider than its box."""

    def __init__(self, figure: Figure, ctx: SlideContext, width: float, size: float,
                 align: str = "left", parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.ctx = ctx
        self._width = width
        self._align = align
        self.parts: FigureText = figure_text(figure, ctx.language, ctx.deck.default_language)
        self.size = self.nominal = size
        small = size * 0.36
        while self._natural_width(size, small) > width and size > 12:
            size *= 0.94
            small = size * 0.36
        self.size, self.small = size, small
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _fonts(self, size: float, small: float) -> tuple[QFont, QFont, QFont]:
        return (fonts.font(small, bold=True), fonts.font(size, bold=True, tabular=True),
                fonts.font(small, bold=True))

    def _natural_width(self, size: float, small: float) -> float:
        texts = (self.parts.before, self.parts.number, self.parts.after)
        gap = small * 0.15
        return sum(QFontMetricsF(f).horizontalAdvance(t) + (gap if t else 0)
                   for f, t in zip(self._fonts(size, small), texts, strict=True))

    @property
    def height(self) -> float:
        """Line height at the nominal size, so that shrunk figures keep the baseline."""
        return QFontMetricsF(fonts.font(self.nominal, bold=True)).height()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, self.height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        p = self.ctx.palette
        before_font, number_font, after_font = self._fonts(self.size, self.small)
        baseline = QFontMetricsF(fonts.font(self.nominal, bold=True)).ascent()
        total = self._natural_width(self.size, self.small)
        x = {"left": 0.0, "center": (self._width - total) / 2,
             "right": self._width - total}[self._align]
        gap = self.small * 0.15
        for font, text, color in ((before_font, self.parts.before, p.accent2),
                                  (number_font, self.parts.number, p.accent),
                                  (after_font, self.parts.after, p.accent2)):
            if not text:
                continue
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(QPointF(x, baseline), text)
            x += QFontMetricsF(font).horizontalAdvance(text) + gap


def add_figure(parent: QGraphicsItem, figure: Figure, ctx: SlideContext, rect: QRectF,
               *, size: float | None = None, align: str = "left") -> float:
    """A figure (number, label, note) inside ``rect``; returns the height it took."""
    size = size or ctx.size("figure")
    number = FigureNumber(figure, ctx, rect.width(), size, align, parent)
    number.setPos(rect.topLeft())
    y = rect.top() + number.height + ctx.size("label") * 0.1
    label = ctx.box(parent, ctx.text(figure.label), QRectF(rect.left(), y, rect.width(),
                    ctx.size("label") * 2.7), "label", align=align, max_lines=2)
    y += label.text_height + ctx.size("note") * 0.4
    if figure.note:
        note = ctx.box(parent, ctx.text(figure.note), QRectF(rect.left(), y, rect.width(),
                       ctx.size("note") * 2.7), "note", color=ctx.palette.muted, align=align,
                       max_lines=2)
        y += note.text_height
    return y - rect.top()
