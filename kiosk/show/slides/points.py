"""A titled set of short points, as cards."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from kiosk.deck.model import PointsSlide
from kiosk.show.motifs import Motif
from kiosk.show.slides.base import SlideView


class PointsView(SlideView):
    """Header, then one card per point: an optional motif, a heading and a detail."""

    slide: PointsSlide

    def build(self) -> None:
        ctx, area, s = self.ctx, self.ctx.content, self.slide
        top = self.header(s.title, s.subtitle)
        count = len(s.points)
        columns = 1 if ctx.portrait or count <= 2 else 2 if count <= 4 else 3
        if count == 3 and not ctx.portrait:
            columns = 3
        rows = math.ceil(count / columns)
        gap = ctx.width * 0.018
        cell_w = (area.width() - gap * (columns - 1)) / columns
        cell_h = (area.bottom() - top - gap * (rows - 1)) / rows
        border = QColor(ctx.palette.muted)
        border.setAlphaF(0.25)
        for n, point in enumerate(s.points):
            row, col = divmod(n, columns)
            cell = QRectF(area.left() + col * (cell_w + gap), top + row * (cell_h + gap),
                          cell_w, cell_h)
            card = QGraphicsRectItem(cell, self)
            card.setBrush(ctx.palette.surface)
            card.setPen(QPen(border, 1.5))
            accent = QGraphicsRectItem(cell.left(), cell.top(), ctx.width * 0.004,
                                       cell.height(), self)
            accent.setBrush(ctx.palette.accent)
            accent.setPen(Qt.PenStyle.NoPen)
            pad = ctx.size("heading") * 0.7
            inner = cell.adjusted(pad * 1.3, pad, -pad, -pad)
            if point.icon:
                side = min(inner.height(), ctx.size("heading") * 2.6)
                motif = Motif(point.icon, side, side, ctx.palette, self)
                motif.setPos(inner.right() - side, inner.top())
                inner.setRight(inner.right() - side - pad)
            heading = ctx.box(self, ctx.text(point.heading), QRectF(inner.left(), inner.top(),
                              inner.width(), ctx.size("heading") * 2.6), "heading", bold=True,
                              max_lines=2, line_height=1.2)
            y = inner.top() + heading.text_height + ctx.size("detail") * 0.6
            if point.detail:
                ctx.box(self, ctx.text(point.detail), QRectF(inner.left(), y, inner.width(),
                        cell.bottom() - pad - y), "detail",
                        color=ctx.palette.muted, line_height=1.5)
