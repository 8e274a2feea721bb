"""Bars that grow across, their names in a column at their left: the bar chart a
designer draws when the names are long (museums, districts, products) or the screen is
narrow, where names under upright bars would be broken into pieces or cut short.

The choice is made for each screen (``reads_better_across``): the same deck may draw
upright bars on a landscape wall and bars across on a portrait totem.
"""

from __future__ import annotations

import dataclasses
import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem

from kiosk.deck.charts import SeriesChart
from kiosk.show import fonts
from kiosk.show.charts.base import ChartView, CountLabel, legend, staggered
from kiosk.show.charts.scale import ticks
from kiosk.show.charts.series import SeriesView, category_numbers, value_room
from kiosk.show.context import OPTICAL_MIDDLE, SlideContext
from kiosk.show.textbox import TextBox

NAMES_SHARE = 0.38
"""The names' column takes at most this share of the chart's width (then they wrap)."""
NAME_LINES = 3
"""A name takes up to this many lines in its column."""
STACKED_BELOW = 40
"""A chart narrower than this many label sizes writes each name above its bars."""
ROWS_SHARE = 0.95
"""Bars go across only where a row for each category (a line of its name, 1.25 lines
high) fits in this share of the content's height: fourteen two-bar rows on a wall do."""
THICKEST = 2.0
"""A bar is at most this many label sizes thick (three bars on a tall screen are not
slabs)."""
BREATHE = 1.4
"""Where the room allows, a row is up to this many times the height its name and bars
need: five rows on a totem filled half of it, bunched in the middle."""


def _upright_name_fits(text: str, ctx: SlideContext, room: float) -> bool:
    """Whether ``text`` is read whole under an upright bar: in two lines of ``room``,
    at its full size, no word cut."""
    size = ctx.size("label")
    box = TextBox(text, room, ctx.room("label", 2, 1.15), size=size, color=QColor(),
                  max_lines=2, line_height=1.15, smallest=size)
    return not box.elided and len(box.lines) <= 2


def reads_better_across(chart: SeriesChart, ctx: SlideContext, rect: QRectF) -> bool:
    """Whether a bar chart is read better with its bars across than upright, in any of
    the deck's languages (a visitor who switches language sees the same chart): a name
    would not fit under its bar in two lines, or the values (``labels``) not above
    their bars; and across there is room for a row per category."""
    if chart.kind != "bar" or _over_years(chart):
        return False  # (years run left to right: 2019 … 2024 upright, as on a totem)
    ctx = dataclasses.replace(ctx, theme=ctx.configured or ctx.theme, steady=None)
    # (made at the configured type and the content's height, which every language
    # shares: a title of two lines in one language does not turn the bars)
    default = dataclasses.replace(ctx, theme=ctx.theme.model_copy(update={
        "type_scale": min(ctx.theme.type_scale, 1.0)}))  # (a larger type scale gives way
    least = max(default.room("label", 1) * 1.25,  # to the default's where rows need it)
                default.size("label") * 0.5 * len(chart.series))
    if least * len(chart.categories) > ctx.content.height() * ROWS_SHARE:
        return False  # (many categories or series on a low screen: upright)
    languages = dict.fromkeys([ctx.language, *ctx.deck.languages])
    return any(_upright_cramped(chart, dataclasses.replace(ctx, language=language), rect)
               for language in languages)


def _over_years(chart: SeriesChart) -> bool:
    """Whether a chart's categories are years, rising (2019, 2020 …; the same in every
    language): time, which reads from left to right."""
    found = category_numbers(chart)
    return found is not None and len(found) > 1 and all(
        year.is_integer() and 1000 <= year <= 9999 for year in found)


def _upright_cramped(chart: SeriesChart, ctx: SlideContext, rect: QRectF) -> bool:
    """Whether upright bars would cut or break their names, or leave out their values."""
    slot = rect.width() * 0.85 / len(chart.categories)
    gap = ctx.size("label") * 0.6
    if not all(_upright_name_fits(ctx.text(c), ctx, slot - gap) for c in chart.categories):
        return True
    if chart.labels:
        probe = SeriesView.__new__(SeriesView)
        ChartView.__init__(probe, chart, ctx, QRectF(rect))
        probe._numbers()
        width = probe.widest_value(ctx.smallest("label"))
        legend_h = ctx.room("label", 1) * 1.3 if len(chart.series) > 1 else 0.0
        row = (rect.height() - legend_h - ctx.room("note", 2)) / len(chart.categories)
        # (the plot's height across: the chart's, less its legend and its axis)
        return (width > value_room(slot, len(chart.series)) and width < rect.width() * 0.4
                and _value_pitch(row, len(chart.series)) >= _label_height(ctx))
    return False


def _label_height(ctx: SlideContext, size: float | None = None) -> float:
    """The height a value written at ``size`` (by default the smallest read at 2 m)
    needs, one above another: its letters (a line's box less the room it keeps above
    and below them, as the layout audit reads it) and a tenth of the size between. Two
    series' values beside six rows' bars were left out for a line's full box."""
    size = size or ctx.smallest("label")
    line = QFontMetricsF(fonts.font(size, bold=True)).height()
    return line - 2 * min(size * fonts.INK_INSET, line * 0.25) + size * 0.1


def _value_pitch(row: float, series: int) -> float:
    """How far apart the values written past the bars' ends are, one above another:
    a row's height for one series (a value beside its bar has the row's room, not the
    bar's thickness), a bar's thickness for several."""
    return row if series == 1 else row * 0.7 / series


class BarsAcross(SeriesView):
    """Bars from a zero line across a gridded value axis, one row per category."""

    def __init__(self, chart: SeriesChart, ctx: SlideContext, rect: QRectF,
                 parent: QGraphicsItem | None = None) -> None:
        ChartView.__init__(self, chart, ctx, rect, parent)
        values, step = self._numbers()
        self.unit_above = False  # (its unit said under the last number written)
        self.category_lines = NAME_LINES
        legend_h = 0.0
        if len(chart.series) > 1:
            legend_h = legend(self, [(ctx.palette.fill(n), ctx.text(row.name))
                                     for n, row in enumerate(chart.series)],
                              rect.left(), rect.top(), rect.width())
        marks = ticks(self.low, self.high, step)
        self.stacked = rect.width() < ctx.size("label") * STACKED_BELOW
        """A narrow screen: each name above its bars, which take the whole width."""
        self.names_w = rect.width() if self.stacked else self._names_width(
            rect.width() * NAMES_SHARE)
        numbers = self._tick_labels(marks, unit_at_top=False)
        metrics = QFontMetricsF(fonts.font(ctx.size("note"), tabular=True))
        half = max(metrics.horizontalAdvance(t) for t in numbers) / 2
        left = rect.left() + (half if self.stacked else self.names_w + ctx.size("label") * 0.6)
        axis_h = ctx.room("note", 1) * (2 if ctx.text(chart.unit) else 1) + ctx.size("note") * 0.3
        self.plot = QRectF(left, rect.top() + legend_h, max(1.0, rect.right() - half - left),
                           max(1.0, rect.height() - legend_h - axis_h))
        self._fit_rows()
        if chart.labels:
            pitch = _value_pitch(self.plot.height() / len(chart.categories), len(chart.series))
            self.value_size = self._value_size(pitch)
            self.labelled = self._labels_fit(self.plot.width() * 0.4 if self.value_size
                                             else 0.0)
            if self.labelled:
                self._room_across(min(values), max(values))
                marks = self.to_ticks(step)
                numbers = self._tick_labels(marks, unit_at_top=False)
        self._names()
        self._axis_across(marks, numbers)
        self._bars_across()

    def _value_size(self, pitch: float) -> float:
        """The size the values past the bars' ends are written at: the label size, or
        smaller (never below the size read at 2 m) where one above another would touch;
        0 where even that would."""
        ctx = self.ctx
        size = ctx.size("label")
        while size > ctx.smallest("label") and _label_height(ctx, size) > pitch:
            size = max(ctx.smallest("label"), size - 1)
        return size if _label_height(ctx, size) <= pitch else 0.0

    def _names_width(self, most: float) -> float:
        """The names' column: as wide as the widest name on one line, up to ``most``."""
        metrics = QFontMetricsF(fonts.font(self.ctx.size("label")))
        return min(most, max(metrics.horizontalAdvance(self.ctx.text(c)) + 2
                             for c in self.chart.categories))

    def name_box(self, n: int) -> QRectF:
        """Where category ``n``'s name is written: its row, in the names' column (on a
        narrow screen, the top of its row, above its bars)."""
        slot = self.plot.height() / len(self.chart.categories)
        if self.stacked:  # (from where the bars start, not the axis's first number)
            left = self.plot.left() if self.low >= 0 else self.rect().left()
            return QRectF(left, self.plot.top() + slot * n + self._air(slot),
                          self.rect().right() - left, self.name_h)
        return QRectF(self.rect().left(), self.plot.top() + slot * n, self.names_w, slot)

    def _fit_rows(self) -> None:
        """Rows as tall as a name and its bars need and some air (up to ``BREATHE``
        times that), the group a little above the middle of the room (a tall screen and
        few categories: not stretched)."""
        ctx, chart = self.ctx, self.chart
        count, rows = len(chart.series), len(chart.categories)
        slot = self.plot.height() / rows
        metrics = QFontMetricsF(fonts.font(ctx.size("label")))
        tallest = max(math.ceil(metrics.horizontalAdvance(ctx.text(c)) / self.names_w)
                      for c in chart.categories)
        name_h = ctx.room("label", min(NAME_LINES, tallest), 1.15)
        self.name_h = name_h if self.stacked else 0.0
        """Above the bars, the height of a row's name (on a narrow screen)."""
        self.thickness = min(max(0.0, slot - self.name_h) * 0.7 / count,  # (under its
                             ctx.size("label") * THICKEST)  # name: 14 rows on a totem
        # had bars as thick as a whole row's, the names' letters on their tops)
        needed = self.thickness * count / 0.65 + self.name_h if self.stacked else max(
            self.thickness * count / 0.65, name_h + ctx.size("label") * 0.8)
        self.row_need = needed
        """The height a row's name and bars take, without air."""
        if needed < slot:
            needed = min(slot, needed * BREATHE)
            free = (slot - needed) * rows
            self.plot = QRectF(self.plot.left(), self.plot.top() + free * OPTICAL_MIDDLE,
                               self.plot.width(), needed * rows)
        else:  # (rows of the room there is: too little where a bar would be thinner
            bars = ctx.size("label") * 0.5 * count / 0.7  # than half a letter, or a name
            ctx.needs(slot, bars + self.name_h if self.stacked else max(  # would touch
                bars, name_h + ctx.size("label") * 0.25))  # the next)

    def _air(self, slot: float) -> float:
        """Above a row's name and bars, half the air of its row: a name stays right above
        its own bars."""
        return max(0.0, slot - self.row_need) / 2

    def x_of_value(self, value: float) -> float:
        """Design-pixel x of a value."""
        share = (value - self.low) / (self.high - self.low)
        return self.plot.left() + share * self.plot.width()

    def y_of_bar(self, n: int, s: int) -> float:
        """Design-pixel y of the middle of series ``s``'s bar in category ``n``."""
        slot = self.plot.height() / len(self.chart.categories)
        held = min(slot, self.row_need)
        count = len(self.chart.series)
        if self.stacked:  # (right under its name, a little clear of its letters; the
            spare = max(0.0, held - self.name_h - self.thickness * count)  # row's room to
            gap = min(spare / 3, self.ctx.size("label") * 0.2)  # spare under the bars: a
            return self.plot.top() + slot * n + self._air(slot) + self.name_h + gap + \
                self.thickness * (s + 0.5)  # name as near the bars above it as its own
            # read as theirs, trial 18)
        middle = self.plot.top() + slot * n + self._air(slot) + self.name_h + (
            held - self.name_h) / 2
        return middle + self.thickness * (s - (count - 1) / 2)

    def tick_room(self) -> float:
        """Ticks across stand a number's width apart at least."""
        return self.ctx.size("note") * 3.5

    def tick_length(self) -> float:
        return self.plot.width()

    def _room_across(self, lowest: float, highest: float) -> None:
        """Stretch the scale (not its ticks) so that each value, written past its bar's
        end, stays inside the plot."""
        label = self.widest_value(self.ctx.size("label"), self.label_unit) + \
            self.ctx.size("note") * 0.8
        if self.plot.width() > label * 1.5:
            self.stretch(lowest, highest, label, self.plot.width())

    def _axis_across(self, values: list[float], numbers: list[str]) -> None:
        """Upright grid lines, their numbers under the plot (every second one where
        they would touch), the unit under the last number written."""
        ctx = self.ctx
        grid = QColor(ctx.palette.muted)
        grid.setAlphaF(0.25)
        metrics = QFontMetricsF(fonts.font(ctx.size("note"), tabular=True))
        widest = max(metrics.horizontalAdvance(t) for t in numbers) + ctx.size("note")
        pitch = abs(self.x_of_value(values[1]) - self.x_of_value(values[0])) if len(
            values) > 1 else widest
        every = max(1, math.ceil(widest / max(pitch, 1.0)))
        zero = next((n for n, value in enumerate(values) if value == 0), 0)
        top = self.plot.bottom() + ctx.size("note") * 0.3
        self.grid_lines = []
        for n, (value, text) in enumerate(zip(values, numbers, strict=True)):
            x = self.x_of_value(value)
            for start, end in self._grid_spans(x):
                line = QGraphicsLineItem(x, start, x, end, self)
                line.setPen(QPen(grid, 1.5))
                self.grid_lines.append(line)
            if (n - zero) % every:  # (from the zero line: 0, 50, 100, not 25, 75, 125;
                continue  # −50, 0, 50, not −50, 50, 150: zero unsaid, trial 18)
            ctx.box(self, text, QRectF(x - widest / 2, top, widest, ctx.room("note", 1)),
                    "note", color=ctx.palette.muted, align="center", max_lines=1,
                    tabular=True)
        unit = self.unit_said
        if unit:
            last = zero + (len(values) - 1 - zero) // every * every  # (the last said)
            right = self.x_of_value(values[last]) + widest / 2
            ctx.box(self, unit, QRectF(self.plot.left(), top + ctx.room(
                "note", 1), right - self.plot.left(), ctx.room("note", 1)),
                "note", color=ctx.palette.muted, align="right", max_lines=1)

    def _grid_spans(self, x: float) -> list[tuple[float, float]]:
        """Where the grid line at ``x`` runs: the plot's height, broken on a narrow
        screen only where a name above its bars is written across it (a line cut at
        every row read as a fault)."""
        if not self.stacked:
            return [(self.plot.top(), self.plot.bottom())]
        gap = self.ctx.size("label") * 0.25
        spans, start = [], self.plot.top()
        for ink in self.name_inks:
            if ink.left() - gap <= x <= ink.right() + gap:
                if ink.top() - gap > start:
                    spans.append((start, ink.top() - gap))
                start = max(start, ink.bottom() + gap)
        spans.append((start, self.plot.bottom()))
        return spans

    def _names(self) -> None:
        ctx = self.ctx
        self.name_inks: list[QRectF] = []
        """Where each name's letters are, in the chart's coordinates."""
        for n, category in enumerate(self.chart.categories):
            box = ctx.box(self, ctx.text(category), self.name_box(n), "label",
                          align="left" if self.stacked else "right",
                          valign="bottom" if self.stacked else "center",
                          max_lines=NAME_LINES, line_height=1.15)
            self.name_inks.append(self.mapRectFromScene(box.ink_rect()))

    def _bars_across(self) -> None:
        ctx, chart = self.ctx, self.chart
        base = self.x_of_value(max(self.low, 0.0))
        room = ctx.size("note") * 0.8  # between a bar's end and its value
        for s, row in enumerate(chart.series):
            ys = [self.y_of_bar(n, s) for n in range(len(row.values))]
            lengths = [self.x_of_value(v) - base for v in row.values]  # negative: leftwards
            bars = pg.BarGraphItem(x0=[base] * len(ys), y=ys, height=self.thickness * 0.9,
                                   width=lengths, **self.fills(s, row.values),
                                   pen=pg.mkPen(None))
            bars.setParentItem(self)
            self.bars.append(bars)
            labels: list[CountLabel] = []
            for n, (y, w, value) in enumerate(zip(ys, lengths, row.values, strict=True)):
                self.mark_bar(QRectF(min(base, base + w), y - self.thickness * 0.45, abs(w),
                                     self.thickness * 0.9), s, n)
                if self.labelled:
                    label = self.value_label(value, "left" if w >= 0 else "right")
                    label.shrink_to(self.value_size)
                    label.setPos(base + w + (room if w >= 0 else -room), y)
                    labels.append(label)
            self._clear_of(labels)

            def grow(p: float, bars: pg.BarGraphItem = bars, lengths: list[float] = lengths,
                     labels: list[CountLabel] = labels) -> None:
                count = len(lengths)
                now = [w * staggered(p, n, count) for n, w in enumerate(lengths)]
                bars.setOpts(width=now)
                for label, w, final in zip(labels, now, lengths, strict=False):
                    label.setX(base + w + (room if final >= 0 else -room))
                    label.set_progress(abs(w) / abs(final) if final else 1.0)

            self.track(grow)


def series_view(chart: SeriesChart, ctx: SlideContext, rect: QRectF,
                parent: QGraphicsItem | None = None) -> SeriesView:
    """The view of a bar or line chart: bars across where they read better."""
    if reads_better_across(chart, ctx, rect):
        return BarsAcross(chart, ctx, rect, parent)
    return SeriesView(chart, ctx, rect, parent)
