"""A group of key figures in a grid."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem

from kiosk.deck.model import FiguresSlide
from kiosk.show.figure import add_figure
from kiosk.show.slides.base import SlideView


def grid(count: int, portrait: bool) -> tuple[int, int]:
    """Columns and rows for ``count`` figures."""
    if portrait:
        columns = 1 if count <= 3 else 2
    else:
        columns = count if count <= 4 else math.ceil(count / 2)
    return columns, math.ceil(count / columns)


class FiguresView(SlideView):
    """Title, then the figures in rows, each a cell with a thin accent rule."""

    slide: FiguresSlide

    def build(self) -> None:
        ctx, area, s = self.ctx, self.ctx.content, self.slide
        top = self.header(s.title, s.subtitle)
        columns, rows = grid(len(s.figures), ctx.portrait)
        gap = ctx.width * 0.025
        cell_w = (area.width() - gap * (columns - 1)) / columns
        cell_h = (area.bottom() - top) / rows
        size = ctx.size("figure") * (1.0 if rows == 1 else 0.8)
        # The figures go into one block, centred in the space under the header.
        block = QGraphicsRectItem(self)
        block.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        row_heights = [0.0] * rows
        pad = ctx.size("label") * 0.6
        for n, figure in enumerate(s.figures):
            row, col = divmod(n, columns)
            x = area.left() + col * (cell_w + gap)
            y = row * cell_h
            rule = QGraphicsLineItem(x, y, x + cell_w * 0.25, y, block)
            rule.setPen(QPen(ctx.palette.accent2, max(2.0, ctx.height * 0.002)))
            rect = QRectF(x, y + pad, cell_w * 0.95, cell_h - pad)
            used, number = add_figure(block, figure, ctx, rect, size=size)
            if number.counts:
                self.timeline.add(number.track(n), number.set_progress)
            row_heights[row] = max(row_heights[row], used + pad)
        used = (rows - 1) * cell_h + row_heights[-1]
        block.setPos(0, top + max(0.0, (area.bottom() - top - used) / 2.4))
