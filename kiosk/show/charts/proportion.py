"""Parts of a whole: a donut whose arcs sweep in, or a waffle of one cell per unit."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from kiosk.deck.charts import Part, ProportionChart, waffle_cells
from kiosk.deck.numbers import held_with_number
from kiosk.deck.text import Text, is_han
from kiosk.show import fonts
from kiosk.show.charts.base import (
    ChartView,
    CountLabel,
    Mark,
    bracketed,
    shown,
    value_text,
)
from kiosk.show.context import SlideContext
from kiosk.show.guard import guarded
from kiosk.show.textbox import TextBox


class Donut(QGraphicsItem):
    """A ring: the whole in a faint track, each part an arc in its colour."""

    def __init__(self, centre: QPointF, radius: float, thickness: float,
                 shares: list[float], fills: list[QBrush], colours: list[QColor],
                 track: QColor, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.centre, self.radius, self.thickness = centre, radius, thickness
        self.shares, self.fills, self.track = shares, fills, track
        self.colours = colours
        """Each part's colour (its fill may add a pattern over it)."""
        self.progress = 1.0

    def set_progress(self, progress: float) -> None:
        self.progress = progress
        self.update()

    def spans(self) -> list[tuple[float, float]]:
        """Start and sweep, in degrees clockwise from 12 o'clock, of each part as drawn."""
        out, start = [], 0.0
        for share in self.shares:
            sweep = 360.0 * share * self.progress
            out.append((start, sweep))
            start += sweep
        return out

    def boundingRect(self) -> QRectF:
        r = self.radius + self.thickness
        return QRectF(self.centre.x() - r, self.centre.y() - r, 2 * r, 2 * r)

    @property
    def hole(self) -> float:
        """The radius of the ring's inside."""
        return self.radius - self.thickness / 2

    def chord(self, far: float, pad: float) -> float:
        """How wide the hole is ``far`` above or below its centre, ``pad`` kept clear of
        the ring each side (0: not so far in)."""
        inner = self.hole - pad
        return 2 * math.sqrt(inner * inner - far * far) if abs(far) < inner else 0.0

    def holds(self, rect: QRectF) -> bool:
        """Whether ``rect`` (in its coordinates) lies inside the hole, clear of the ring."""
        return all(math.dist((corner.x(), corner.y()), (self.centre.x(), self.centre.y()))
                   <= self.hole for corner in (rect.topLeft(), rect.topRight(),
                                               rect.bottomLeft(), rect.bottomRight()))

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.centre.x() - self.radius, self.centre.y() - self.radius,
                     2 * self.radius, 2 * self.radius)
        pen = QPen(self.track, self.thickness)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawEllipse(box)
        for (start, sweep), fill in zip(self.spans(), self.fills, strict=True):
            pen.setBrush(fill)
            painter.setPen(pen)
            # Qt counts 1/16 degrees anticlockwise from 3 o'clock.
            painter.drawArc(box, int((90 - start) * 16), int(-sweep * 16))


SHAPES = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0)
"""The shapes (width / height) a waffle's grid is made for: the area's nearest, so that a
title a line longer in one language does not give the grid another column."""

INSIDE = 1.3
"""A donut's total is at most this many times the ring's radius wide (its corners clear
the ring's inside; at 1.5 "1050平方公里" touched it)."""
NUMBER_IN_HOLE = 0.5
"""A donut's total is drawn no larger than this share of its hole's radius."""
TOTAL_SMALLEST = 0.7
"""A donut's total on one line drawn smaller than this share of the title size sets a
unit of words on a line of its own under its number."""


def _cell_pieces(total: float, parts: list[float], per_cell: int, cells: int
                 ) -> list[list[tuple[int, float, float]]]:
    """What each cell of a waffle holds, as (part, from, to) shares of its width across:
    the units from the first part's on, ``per_cell`` to a cell, the rest (part -1) after
    the parts; a cell where one part ends and the next begins is shared (95 at 2 a cell
    is 47 cells and a half, not 48), and the whole ends where it ends (the last cell of
    1,234 at 4 a cell is half a cell)."""
    bounds, at = [], 0.0
    for n, value in enumerate(parts):
        bounds.append((n, at, at + value))
        at += value
    if at < total:
        bounds.append((-1, at, total))
    found = []
    for k in range(cells):
        low, high = k * per_cell, (k + 1) * per_cell
        pieces = [(n, (max(a, low) - low) / per_cell, (min(b, high) - low) / per_cell)
                  for n, a, b in bounds if a < high and b > low]
        found.append([(n, a, b) for n, a, b in pieces if b - a > 1e-9] or [(-1, 0.0, 0.0)])
    return found


def _columns(cells: int, shape: float) -> int:
    """Columns for ``cells`` in an area of ``shape`` (width / height, taken to the
    nearest of SHAPES): full rows where a number of columns near that shape divides them
    (400 in 20 rows of 20, not 17 rows of 24 and a stub), else as near it as can be."""
    if cells == 100:
        return 10  # (a hundred is read as per cent: ten by ten, counted by its rows; in
        # rows of 15 on a wall 96, 2 and 2 could not be counted, trial 22)
    shape = min(SHAPES, key=lambda s: abs(math.log(s / max(shape, 1e-6))))
    ideal = max(1.0, math.sqrt(cells * shape))
    whole = [c for c in range(1, cells + 1) if cells % c == 0
             and 0.75 <= c / ideal <= 1.35]
    if whole:
        return min(whole, key=lambda c: abs(c - ideal))
    near = range(max(1, math.floor(ideal * 0.8)), math.ceil(ideal * 1.25) + 1)
    return min(near, key=lambda c: (_last_row_short(cells, c), c % 10 != 0, c % 5 != 0,
                                    abs(c - ideal)))  # (67 in rows of 10 and a last row
    # of 7, not rows of 11 and one cell alone on the last; rows of tens, or fives, to
    # count by: 313 in rows of 20, not of 21, trial 25)


def _last_row_short(cells: int, columns: int) -> bool:
    """Whether the last row of ``cells`` in ``columns`` is less than half full."""
    last = cells % columns
    return 0 < last < columns / 2


def _shares(values: list[float], total: float) -> list[str]:
    """Each value's share of ``total`` to its nearest whole percent, as a visitor who
    checks it finds it (1430 of 3720 is 38%: made 39% so that all added up to 100, it
    read as wrong; rounded shares may add up to 99 or 101, as they do in print); under
    one "<1%" (not 0.1% for 0.046 %, nor 0%, nor 1% for 0.7 %, trial 26)."""
    shares = []
    for value in values:
        exact = value / (total or 1.0) * 100
        whole = int(Decimal(repr(exact)).quantize(Decimal(1), ROUND_HALF_UP))
        shares.append("<1%" if 0 < exact < 1 else f"{whole}%")
    return shares


CELL_NOTE = {"zh": "（每格代表{count}）", "en": " (one square: {count})"}
"""What a waffle's square stands for, where more than one (as a network's dot says it: a
cell: 2 was terse, trial 19)."""
REST = Text({"zh": "其余", "en": "The rest"})
"""What a donut's parts leave of its whole (its grey arc), in its legend."""


ENTRIES_APART = 1.0
"""Between a legend's entries, a value over its label, this many label sizes where the
room holds them so."""
LEGEND_GAP = 2.0
"""Between a waffle's grid and its legend beside it, in label sizes (beside the label's
own gap before the legend's swatches)."""


class ProportionView(ChartView):
    """The total in the middle (or on top), the parts around it, a legend beside."""

    chart: ProportionChart

    def __init__(self, chart: ProportionChart, ctx: SlideContext, rect: QRectF,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(chart, ctx, rect, parent)
        p = ctx.palette
        self.colours = [p.series(n) for n in range(len(chart.parts))]
        self.fills = [p.fill(n) for n in range(len(chart.parts))]
        total = chart.total.value or 1.0
        self.shares = [part.value / total for part in chart.parts]
        self.per_cell = 1
        stacked = rect.width() < rect.height() * 1.3  # a portrait screen, a story's visual:
        legend_w = rect.width() * 0.42 if not stacked else 0.0  # the legend under it
        figure = QRectF(rect.left(), rect.top(), rect.width() - legend_w, rect.height())
        if stacked:  # (the figure gives the legend under it the rows it needs)
            rows = len(chart.parts) + (chart.rest > 0) + (chart.style == "waffle")
            legend_h = rows * (ctx.room("heading", 1) + ctx.room("label", 1) + ctx.size(
                "label") * ENTRIES_APART) + ctx.size("label")  # (a value over its label
            # each: as a row beside, the grid left them no room apart, trial 32)
            figure.setHeight(max(rect.height() * 0.45, min(rect.height() * 0.6,
                                                           rect.height() - legend_h)))
        unit = ctx.text(chart.unit) or ctx.text(self._whole_unit())  # a part's, when it has
        self.written = self.written_alike(
            [(shown(part.value, self.factor), ctx.text(part.unit) or unit)
             for part in [chart.total, *chart.parts]]
            + [(shown(chart.rest, self.factor), ctx.text(self._whole_unit()) or unit)])
        """How the total and the parts are written, for each of their units (0.9万吨
        beside 1.6万吨)."""
        self.drawn_right = figure.right()
        """Where the figure drawn ends on the right (a waffle's grid, narrower than its
        room: the legend beside it, not 420 px away at the edge, trial 28)."""
        drawn = self._donut(figure, unit) if chart.style == "donut" else self._waffle(figure)
        under = drawn + ctx.size("label")  # (the legend right under what was drawn)
        beside = min(figure.right(), self.drawn_right + ctx.size("label") * LEGEND_GAP)
        self._legend(QRectF(beside + ctx.size("label"), rect.top(),
                            rect.right() - beside - ctx.size("label"), rect.height())
                     if not stacked
                     else QRectF(rect.left(), under, rect.width(), rect.bottom() - under),
                     unit, from_top=stacked)

    def _donut(self, area: QRectF, unit: str) -> float:
        """The ring and its total in the middle of ``area``; returns the y under it."""
        ctx = self.ctx
        side = min(area.width(), area.height())
        thickness = side * 0.12
        radius = side / 2 - thickness
        centre = area.center()
        faint = QColor(ctx.palette.muted)
        faint.setAlphaF(0.3)
        self.donut = Donut(centre, radius, thickness, self.shares,
                           self.fills[: len(self.shares)], self.colours[: len(self.shares)],
                           faint, self)
        self.track(self.donut.set_progress)
        total_unit = ctx.text(self.chart.total.unit) or unit
        value = shown(self.chart.total.value, self.factor)
        alike = self.written[total_unit]

        def label(unit: str, parent: QGraphicsItem | None) -> CountLabel:
            return CountLabel(value, ctx, unit=unit, role="title", color=ctx.palette.text,
                              align="center", max_width=radius * INSIDE, among=alike.among,
                              step=alike.step, parent=parent)

        held, words = held_with_number(total_unit)
        if not words or (len(words) == 1 and is_han(words)) or label(  # (one character
                total_unit, None).font_size >= ctx.size("title") * TOTAL_SMALLEST:  # is
            # no line of its own: 2078.7亿 / 元 at 1.3, trial 32)
            words = ""  # (on one line where it reads so; else a unit of words on a line of
        total = label(held if words else total_unit, self)  # its own: "1,040 million
        # cubic metres" was half the size of its Chinese, trial 15; in the magnitude of
        # its parts, not "1.04 billion" beside "520 million", trial 28)
        total.shrink_to(self.donut.hole * NUMBER_IN_HOLE)  # (in a small ring, the words
        # under it in the hole too: "越冬水鸟" ran over the ring at 1.3, trial 29)
        total.setPos(centre.x(), centre.y() - ctx.size("label") * (1.2 if words else 0.6))
        self.track(total.set_progress)
        under = total.mapRectToParent(total.boundingRect()).bottom()
        if words:
            under += self._in_hole(words, under, 1, color=ctx.palette.text,
                                   bold=True).text_height
        self._in_hole(ctx.text(self.chart.total.label), under, 2, color=ctx.palette.muted)
        start = 0.0
        for part, share in zip(self.chart.parts, self.shares, strict=True):
            middle = math.radians(90 - (start + share * 180))
            point = QPointF(centre.x() + radius * math.cos(middle),
                            centre.y() - radius * math.sin(middle))
            self.marks.append(Mark(QRectF(point.x() - thickness / 2,  # (its middle: the
                                          point.y() - thickness / 2,  # tap is found on the
                                          thickness, thickness),  # ring, ``hit``)
                                   ctx.text(part.label),
                                   self._said(part, unit)))
            start += share * 360
        return centre.y() + radius + thickness / 2

    def _in_hole(self, text: str, top: float, lines: int, **kw: Any) -> TextBox:
        """``text`` in the donut's hole from ``top``, centred, in up to ``lines``: no wider
        than the hole is where its lines are (at a larger type "越冬水鸟" under the total
        ran over the ring, trial 29); on one line set smaller, as small as may be read,
        before it takes two (which reach further down, where the hole is narrower)."""
        ctx, donut = self.ctx, self.donut
        pad = ctx.size("label") * 0.3
        found: QRectF | None = None
        for count in range(1, lines + 1):
            width = donut.radius * INSIDE
            for _ in range(4):
                rect = QRectF(donut.centre.x() - width / 2, top, width,
                              ctx.room("label", count))
                box = ctx.box(None, text, rect, "label", align="center", max_lines=count,
                              **kw)
                far = max(abs(top - donut.centre.y()),
                          abs(top + box.text_height - donut.centre.y()))
                room = donut.chord(far, pad)
                if box.text_width <= room + 0.5 and not box.elided:
                    found = rect
                    break
                if room < ctx.size("label") * 2:
                    break
                width = room
            if found is not None:
                break
        return ctx.box(self, text, found or rect, "label", align="center",
                       max_lines=lines if found is None else count, **kw)

    def _said(self, part: Part, unit: str) -> str:
        """A part's value as the legend writes it (in the magnitude of its fellows)."""
        unit = self.ctx.text(part.unit) or unit
        written = self.written[unit]
        return value_text(shown(part.value, self.factor), self.ctx, unit,
                          among=written.among, step=written.step)

    def hit(self, point: QPointF) -> Mark | None:
        """On a donut, the part whose arc is under the tap (on the ring, a finger's width
        either side): a box around each arc took taps in its hole, or under the legend,
        for the largest part."""
        donut = getattr(self, "donut", None)
        if donut is None:
            return super().hit(point)
        local = self.mapFromScene(point)
        dx, dy = local.x() - donut.centre.x(), local.y() - donut.centre.y()
        reach = donut.thickness / 2 + self.ctx.size("label") * 0.5
        if abs(math.hypot(dx, dy) - donut.radius) > reach:
            return None
        turned = (math.degrees(math.atan2(dx, -dy)) % 360) / 360  # (from 12 o'clock)
        start = 0.0
        for mark, share in zip(self.marks, self.shares, strict=False):
            if start <= turned < start + share:
                return mark
            start += share
        return None

    def _waffle(self, area: QRectF) -> float:
        """The grid of cells at the top left of ``area``; returns the y under it."""
        ctx = self.ctx
        per_cell, cells, _counts = waffle_cells(self.chart.total.value,
                                                [part.value for part in self.chart.parts])
        columns = _columns(cells, max(area.width(), 1.0) / max(area.height(), 1.0))
        rows = math.ceil(cells / columns)
        side = min(area.width() / columns, area.height() / rows)
        faint = QColor(ctx.palette.muted)
        faint.setAlphaF(0.35)
        left = area.left() - side * 0.1  # (its first cells flush with the chart's title
        # and legend: centred, the grid stood 120 px in from them, trial 23)
        self.cells: list[QGraphicsRectItem] = []
        for n, pieces in enumerate(_cell_pieces(self.chart.total.value, [
                part.value for part in self.chart.parts], per_cell, cells)):
            row, col = divmod(n, columns)
            x, y, inner = left + col * side + side * 0.1, area.top() + row * side + side * 0.1, \
                side * 0.8
            cell: QGraphicsRectItem | None = None
            for part, start, end in pieces:  # (a cell shared by two parts: split across,
                brush = self.fills[part] if part >= 0 else QBrush(faint)  # in proportion)
                piece = QGraphicsRectItem(x + inner * start, y, inner * (end - start), inner,
                                          self if cell is None else cell)
                if cell is not None:
                    piece.setPos(-cell.pos())
                piece.setBrush(brush)
                piece.setPen(Qt.PenStyle.NoPen)
                cell = cell or piece
            assert cell is not None
            cell.setVisible(False)
            self.cells.append(cell)
        self.per_cell = per_cell

        def fill(p: float) -> None:
            visible = round(p * len(self.cells))
            for n, cell in enumerate(self.cells):
                cell.setVisible(n < visible)

        self.track(fill)
        self.drawn_right = left + columns * side
        return area.top() + rows * side

    def _whole_unit(self) -> Text | None:
        """The unit of the whole and what its parts leave of it: the total's, else the
        one its parts share (a rest of "9.0" beside parts of "22.5 t", trial 26)."""
        chart = self.chart
        if chart.total.unit is not None:
            return chart.total.unit
        units = {part.unit for part in chart.parts}
        return units.pop() if len(units) == 1 else None

    def _legend(self, rect: QRectF, unit: str, from_top: bool = False) -> None:
        """The parts, each with its colour and unit. The total is the donut's centre; a
        waffle says it above its parts, with what a cell stands for. Beside the figure,
        the rows in the middle of ``rect``; under it (``from_top``), from its top."""
        ctx = self.ctx
        rows: list[tuple[Part, QBrush | None]] = list(
            zip(self.chart.parts, self.fills, strict=True))
        if self.chart.style == "waffle":
            rows.insert(0, (self.chart.total, None))
        rest = self.chart.rest
        if rest > 0:  # the grey of the ring or of the cells, said
            faint = QColor(ctx.palette.muted)
            faint.setAlphaF(0.3 if self.chart.style == "donut" else 0.35)
            rows.append((Part(label=REST, value=rest, unit=self._whole_unit()),
                         QBrush(faint)))
        two_lines = ctx.size("heading") * 2.4  # the value, the label under it
        one_line = ctx.room("heading", 1) * 1.15  # the label beside the value
        step = min(rect.height() / len(rows), ctx.size("heading") * 3.4)
        beside = step < two_lines
        if beside:
            step = ctx.needs(step, one_line)
        swatch = ctx.size("label") * (0.8 if not beside else 0.7)
        shown_parts = [shown(p.value, self.factor) for p, c in rows if c is not None]
        labels: list[str] = []
        shares = _shares([part.value for part, _ in rows], self.chart.total.value)
        for part, colour in rows:
            label = ctx.text(part.label)
            if colour is None and self.per_cell > 1:
                label += CELL_NOTE.get(ctx.language[:2], CELL_NOTE["en"]).format(
                    count=value_text(shown(self.per_cell, self.factor), ctx, unit))
            elif colour is not None and self.chart.style == "donut" and "%" not in (
                    ctx.text(part.unit) or unit):
                label = bracketed(label, shares[len(labels)], ctx.language.startswith("zh"))
            labels.append(label)
        steps = [step] * len(rows)
        names_at = 0.0
        if beside:  # (a long label in two lines beside its value, where the rows fit)
            value_w = max(QFontMetricsF(fonts.font(ctx.size("heading"), bold=True,
                                                   tabular=True)).horizontalAdvance(
                self._said(part, unit)) for part, _ in rows)
            names_at = min(value_w, (rect.width() - swatch * 1.8) * 0.5)
            width = rect.width() - swatch * 1.8 - min(value_w, (rect.width() - swatch * 1.8)
                                                      * 0.5) - swatch * 0.6
            needed = [max(step, ctx.room("label", min(2, ctx.lines(label, width, "label")))
                          + ctx.size("label") * 0.3) for label in labels]
            if sum(needed) <= rect.height():
                steps = needed
        if not beside:  # (a row as tall as its label's lines: the total's note takes two)
            width = rect.width() - swatch * 1.8
            above = swatch * 0.85 + QFontMetricsF(fonts.font(
                ctx.size("heading"), bold=True)).height() / 2  # (the value, over the label)
            for apart in (ENTRIES_APART, 0.6):  # (entries an em apart where the room
                needed = [above + ctx.room(  # holds them so: at 0.6 a part's label read
                    "label", min(2, ctx.lines(label, width, "label")), 1.3)  # as the
                    + ctx.size("label") * apart for label in labels]  # heading of the
                if sum(needed) <= rect.height():  # next, trial 32)
                    break
            if sum(needed) <= rect.height():  # (as airy as before, where there is room)
                spare = max(0.0, step * len(rows) - sum(needed)) / len(rows)
                steps = [n + spare for n in needed]
        y = rect.top() + (0.0 if from_top else (rect.height() - sum(steps)) / 2)
        for (part, colour), label, step in zip(rows, labels, steps, strict=True):
            middle = y + (swatch * 0.85 if not beside else min(step, one_line) / 2)
            if colour is not None:
                box = QGraphicsRectItem(rect.left(), middle - swatch / 2, swatch, swatch, self)
                box.setBrush(colour)
                box.setPen(Qt.PenStyle.NoPen)
            written = self.written[ctx.text(part.unit) or unit]
            value = CountLabel(shown(part.value, self.factor), ctx,
                               unit=ctx.text(part.unit) or unit,
                               role="heading", color=ctx.palette.accent,
                               max_width=(rect.width() - swatch * 1.8) * (0.5 if beside else 1),
                               decimals=self.decimals_for(shown_parts, source=part.value)
                               if colour is not None else None,
                               among=written.among, step=written.step,
                               parent=self)  # (one magnitude: 0.08万件 is 800件 beside
            # 2,010件 where 800 is not a tenth of a 万)
            value.setPos(rect.left() + swatch * 1.8, middle)
            self.track(value.set_progress)
            if beside:  # (the names in one column, after the widest value: after each
                left = rect.left() + swatch * 1.8 + max(  # its own, 22 江苏 and 8 山东
                    value.boundingRect().width(), names_at) + swatch * 0.6  # began apart,
                # trial 23)
                first = (min(step, one_line) - ctx.room("label", 1)) / 2  # (its first line
                ctx.box(self, label, QRectF(left, y + first, rect.right() - left,  # by the
                        step - first), "label", color=ctx.palette.muted,  # value)
                        max_lines=2 if step > one_line else 1)
            else:
                under = middle + value.boundingRect().height() / 2
                ctx.box(self, label, QRectF(rect.left() + swatch * 1.8, under,
                        rect.width() - swatch * 1.8, y + step - under), "label",
                        color=ctx.palette.muted, max_lines=2)
            y += step
