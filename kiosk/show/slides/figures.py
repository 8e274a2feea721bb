"""A group of key figures in a grid, and short points under them."""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
)

from kiosk.deck.model import FiguresSlide
from kiosk.show.context import OPTICAL_MIDDLE
from kiosk.show.figure import add_figure, common_size, label_size, numbers_height
from kiosk.show.slides.base import SlideView


def grid(count: int, portrait: bool) -> tuple[int, int]:
    """Columns and rows for ``count`` figures: on a portrait screen one under another
    up to five (a 2 x 2 grid of small numbers left half a totem empty)."""
    if portrait:
        columns = 1 if count <= 5 else 2
    else:
        columns = count if count <= 4 else math.ceil(count / 2)
    return columns, math.ceil(count / columns)


TWO_ROWS_GAIN = 1.25
"""Four figures go in two rows where their numbers are this much larger so..."""
TWO_ROWS_ROOM = 0.9
"""...the two rows taking at most this share of the room."""

UNITS_BESIDE = 0.9
"""...or where in two rows their units stand beside them, under them in one, and their
numbers are at least this share of the row's size."""

COLUMN_LARGEST = 1.4
"""Figures one under another are set up to this much larger than figures in a row."""


class FiguresView(SlideView):
    """Title, then the figures in rows, each a cell with a thin accent rule, and the
    slide's points in a band at the foot."""

    slide: FiguresSlide
    REGRIDS = True

    def build(self) -> None:
        ctx, area, s = self.ctx, self.ctx.content, self.slide
        top = self.header(s.title, s.subtitle)
        bottom = area.bottom()
        if s.points:
            bottom -= self._points(area) + ctx.size("body") * 1.2
        columns, rows = self._grid(bottom - max(top, self.lowest_header(s.title,
                                                                         s.subtitle)))
        # (one grid in every language: under a title a line longer in English, four
        # figures were a row of four, two rows of two in Chinese, trial 27)
        gap = ctx.width * 0.025
        cell_w = (area.width() - gap * (columns - 1)) / columns
        size = self._two_rows_size(bottom - top) if (columns, rows) == (2, 2) else \
            self._column_size(bottom - top, rows) if columns == 1 and rows > 1 else \
            self._size(columns, rows)
        if s.points:  # (the figures have the room they would have had with fewer points)
            ctx.needs(bottom - top, (size * 1.4 + ctx.size("label") * 2.6) * rows)
        cell_h = (bottom - top) / rows
        # The figures go into one block, a row of them after another, placed a little
        # above the middle of the space under the header.
        block = QGraphicsRectItem(self)
        block.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        lines = [QGraphicsRectItem(block) for _ in range(rows)]
        row_heights = [0.0] * rows
        pad = ctx.size("label") * 0.6
        size, stack = common_size(s.figures, ctx, cell_w * 0.95, size)
        tallest = [numbers_height(s.figures[row * columns:(row + 1) * columns], ctx,
                                  cell_w * 0.95, size, stack) for row in range(rows)]
        labels = [label_size(s.figures[row * columns:(row + 1) * columns], ctx,
                             cell_w * 0.95) for row in range(rows)]
        for n, figure in enumerate(s.figures):
            row, col = divmod(n, columns)
            line = lines[row]
            line.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
            x = area.left() + col * (cell_w + gap)
            if row or columns > 1 or rows == 1:  # (figures one under another: a rule
                rule = QGraphicsLineItem(x, 0, x + cell_w * 0.25, 0, line)  # between
                rule.setPen(QPen(ctx.palette.accent2, max(2.0, ctx.height * 0.002)))
                # two; over the first, under the title's, it read as a double rule)
            rect = QRectF(x, pad, cell_w * 0.95, cell_h - pad)
            used, number = add_figure(line, figure, ctx, rect, size=size, stack=stack,
                                      roomy=True, number_h=tallest[row], labels=labels[row])
            if number.counts:
                self.timeline.add(number.track(n), number.set_progress)
            row_heights[row] = max(row_heights[row], used + pad)
        least = ctx.size("label") * 0.9  # (a row's rule clear of the notes above it)
        between = max(least, min(size * 0.6, cell_h - max(row_heights)))
        advances = [height + between for height in row_heights]
        if sum(advances) - between > bottom - top:  # rows taller than the room: smaller
            ctx.needs(bottom - top, sum(advances) - between)  # type; at the smallest, each
            advances = [min(a, cell_h) for a in advances]  # row keeps to its share
        y = 0.0
        for line, advance in zip(lines, advances, strict=True):
            line.setPos(0, y)
            y += advance
        used = y - advances[-1] + row_heights[-1]
        if ctx.portrait and s.points:  # (on a totem the points follow the figures, the
            taken = area.bottom() - self.notes.y()  # two a group in the room: pinned to
            gap = ctx.size("body") * 2  # the foot, they left a hole between)
            start = top + max(0.0, (area.bottom() - top - used - gap - taken) * OPTICAL_MIDDLE)
            block.setPos(0, start)
            self.notes.setY(start + used + gap)
            return
        block.setPos(0, top + max(0.0, (bottom - top - used) * OPTICAL_MIDDLE))

    def _size(self, columns: int, rows: int) -> float:
        """The figures' size before they are fitted to their cells: smaller where
        several rows share the room (not two rows of two, made for their size)."""
        one = rows == 1 or (columns == 1 and rows <= 4) or (columns, rows) == (2, 2)
        return self.ctx.size("figure") * (1.0 if one else 0.8)

    def _grid(self, room: float) -> tuple[int, int]:
        """Columns and rows: ``grid``'s, or four figures in two rows of two where their
        numbers are a good deal larger so and the rows fit (four long English figures
        in a row were made small while their labels took the type scale), or where
        their units stand beside them so, under them in a row."""
        ctx, figures = self.ctx, self.slide.figures
        columns, rows = grid(len(figures), ctx.portrait)
        if ctx.portrait or len(figures) != 4:
            return columns, rows
        gap = ctx.width * 0.025

        def better(language: str) -> bool:
            said = dataclasses.replace(ctx, language=language)

            def fitted(across: int, size: float) -> tuple[float, bool]:
                cell = (ctx.content.width() - gap * (across - 1)) / across
                return common_size(figures, said, cell * 0.95, size)

            (two, under_two), (row, under_row) = fitted(2, self._two_rows_size(room)), \
                fitted(columns, self._size(columns, rows))
            return two > row * TWO_ROWS_GAIN or (
                under_row and not under_two and two >= row * UNITS_BESIDE)  # (or their
            # units beside them in two rows, under them in one, and a little smaller:
            # "about 1,794 / km", "over 560 million / tonnes" in a row of four, trial 31)

        languages = dict.fromkeys([ctx.language, *ctx.deck.languages])  # (one grid in
        two = any(better(language) for language in languages)  # each: a visitor who
        return (2, 2) if two else (columns, rows)  # switches sees the same)

    def _column_size(self, room: float, rows: int) -> float:
        """The size of figures one under another (on a totem): larger than in a row, as
        the room's height allows them some air (three figures of a totem's width were
        set at a wall's size, half the screen left empty under them)."""
        ctx = self.ctx
        airy = (room * TWO_ROWS_ROOM / rows - ctx.size("label") * 2.6) / 1.6
        return max(self._size(1, rows), min(self._size(1, rows) * COLUMN_LARGEST, airy))

    def _two_rows_size(self, room: float) -> float:
        """The size of four figures in two rows of two: as large as leaves the rows
        some air in ``room``."""
        ctx = self.ctx
        airy = (room * TWO_ROWS_ROOM / 2 - ctx.size("label") * 2.6) / 1.6
        return min(self._size(2, 2), airy)

    def _points(self, area: QRectF) -> float:
        """The points, a dot and a line or two each, down one or two columns at the foot
        of ``area`` (``notes``): the height they take."""
        ctx, points = self.ctx, self.slide.points
        self.notes = QGraphicsRectItem(self)
        self.notes.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        columns = 1 if ctx.portrait or len(points) <= 2 else 2
        gap = ctx.width * 0.025
        col_w = (area.width() - gap * (columns - 1)) / columns
        size = ctx.size("body")
        indent = size * 1.1
        boxes = [ctx.box(self.notes, ctx.text(point), QRectF(0, 0, col_w - indent, size * 4.2),
                         "body", max_lines=3, line_height=1.3) for point in points]
        for box in boxes:  # (beside its dot: a 《 hung into the margin ran into it)
            box.hangs = False
        down = math.ceil(len(boxes) / columns)  # read down the first column, then on
        rows = [boxes[n::down] for n in range(down)]
        heights = [max(box.text_height for box in row) for row in rows]
        taken = sum(heights) + size * 0.6 * (len(rows) - 1)
        self.notes.setY(area.bottom() - taken)
        y = 0.0
        for row, height in zip(rows, heights, strict=True):
            for col, box in enumerate(row):
                x = area.left() + col * (col_w + gap)
                box.setPos(x + indent, y)
                r = size * 0.16
                dot = QGraphicsEllipseItem(x + size * 0.2, y + size * 0.65 - r, 2 * r, 2 * r,
                                           self.notes)
                dot.setBrush(ctx.palette.accent)
                dot.setPen(Qt.PenStyle.NoPen)
            y += height + size * 0.6
        return taken
