"""Before/after pairs: two bars per measure, on one scale per unit (said when there are two).

Where the source gives only the later value, only that bar is drawn, with the note
that says how it grew: no earlier value is ever made up. A single value in a unit no
other row has is written without a bar (on a scale of its own, any such value would be
the longest bar).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem

from kiosk.deck.charts import CompareChart, ComparePair
from kiosk.deck.numbers import Alike, alike, english_magnitude, magnitude
from kiosk.deck.timing import ROW_STAGGER
from kiosk.show import fonts
from kiosk.show.charts.base import (
    ChartView,
    CountLabel,
    Mark,
    factor,
    legend,
    shown,
    value_text,
)
from kiosk.show.context import OPTICAL_MIDDLE, SlideContext

SCALES_NOTE = {"zh": "不同单位的数据各按其单位的比例绘制",
               "en": "Each unit is drawn to a scale of its own"}
"""Said where the rows are drawn to more than one scale, one per unit."""
ROWS_NOTE = {"zh": "各行不按同一比例绘制：请比较同一行的两个数值",
             "en": "Rows are drawn to scales of their own: compare a row's two bars"}
"""...and where two scales' units read alike in the language shown (36万只 and 2,896只
are both "birds" in English: "Each unit…" was not so, trial 29)."""


def _unit_key(item: ComparePair) -> str:
    """What makes two rows' values comparable: the same unit, as written."""
    return item.unit.get_text("zh", "zh") if item.unit else ""


def _scales(items: list[ComparePair]) -> dict[str, tuple[float, float]]:
    scales: dict[str, tuple[float, float]] = {}
    for item in items:
        values = [v for v in (item.before, item.after) if v is not None]
        low, high = scales.get(_unit_key(item), (0.0, 0.0))
        scales[_unit_key(item)] = (min(low, *values), max(high, *values))
    for key, (low, high) in scales.items():  # (a share drawn against its whole: 75.8 %
        if key.strip() in ("%", "％") and 0 < high <= 100:  # as long as a row's 162,000
            scales[key] = (low, 100.0)  # km read as all of it, trial 28)
    return scales


NEGATIVE_SHARE = 0.4
"""Where values fall below zero and others rise, the falling side takes at most this
share of the bars' track (the bars of that unit drawn shorter to fit it)."""
ROOMY_ROW = 6.0
"""A row is at most this many label sizes tall: two bars, their values and a note."""

NOTE_ROOM = 0.9
"""A row with a note is this many of the note's lines taller: the note stood as close to
the next row as to its own, and read as that row's heading."""


class CompareView(ChartView):
    """A legend, then one row per item: label, the earlier and the later bar, values."""

    chart: CompareChart

    def __init__(self, chart: CompareChart, ctx: SlideContext, rect: QRectF,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(chart, ctx, rect, parent)
        self.rows_written = [self._written(item) for item in chart.items]
        """Per row, ``_written``'s answer: worked out once, asked for each value."""
        self.bars: list[list[QGraphicsRectItem]] = []
        """Per row, the earlier (if known) and the later bar."""
        legend_h = legend(self, [(self._before_colour(), ctx.text(chart.before_label)),
                                 (ctx.palette.accent, ctx.text(chart.after_label))],
                          rect.left(), rect.top(), rect.width())
        self.scales = _scales(chart.items)
        """Per unit, the lowest and highest value of its rows: one scale per unit."""
        self.alone = _alone(chart.items) if len(self.scales) > 1 else set()
        """The rows of a single value in a unit no other row has: a bar of a scale of
        its own would be as long as any other row's longest, whatever the value (290
        caves as long as 1,280 m²); such a value is written without a bar."""
        if len(_scales([item for n, item in enumerate(chart.items)
                        if n not in self.alone])) > 1:  # a second scale of bars: said so
            base = magnitude if ctx.language.startswith("zh") else english_magnitude
            shown_units = {key: {base(ctx.text(item.unit))[1].strip() for item in
                                 chart.items if _unit_key(item) == key}
                           for key in self.scales}  # (万只 and 只: birds both)
            alike = len({unit for units in shown_units.values() for unit in units}) < sum(
                map(len, shown_units.values()))  # (a unit said alike for two scales)
            said = ROWS_NOTE if alike else SCALES_NOTE
            note = ctx.box(self, said.get(ctx.language[:2], said["en"]),
                           QRectF(rect.left(), rect.top() + legend_h, rect.width(),
                                  ctx.size("note") * 1.6), "note", color=ctx.palette.muted,
                           max_lines=1)
            legend_h += note.boundingRect().height() + ctx.size("label") * 0.5  # (clear
            # of the first row's name: it touched it at 1.3 and on a totem, trial 34)
        self.negative = any(v is not None and v < 0 for item in chart.items
                            for v in (item.before, item.after))
        """Whether a value falls below zero (room is kept left of the bars too)."""
        self.stacked = rect.width() < ctx.size("label") * 40
        """A narrow screen: each row's name above its bars, which take the whole width."""
        # The values' room beside the bars: at most a share of what the names leave (on
        # a narrow screen the names stand above the bars: the bars leave the values more,
        # and at least 30 % of the width is kept for the bars themselves).
        self.value_w = self._value_room(rect.width() * (
            0.45 if self.stacked else 0.7 * (0.3 if self.negative else 0.45)))
        self.left_w = self._value_room(rect.width() * (0.25 if self.stacked else 0.3),
                                       falling=True) if self.negative else 0.0
        """Room left of the zero line's reach for the values of bars that fall below it."""
        shares = [-low / (high - low) for low, high in self.scales.values() if low < 0]
        rising = any(high > 0 for _, high in self.scales.values())
        self.zero_share = min(max(shares, default=0.0), NEGATIVE_SHARE if rising else 1.0)
        """Where zero is along the bars' track, alike for every unit: one zero line (at
        most NEGATIVE_SHARE in, where other bars rise from it)."""
        rows = len(chart.items)
        noted = ctx.room("note", 1) * NOTE_ROOM  # (a row's note, under its bars, further
        notes = noted * sum(1 for item in chart.items if item.note)  # from the next row
        row_h = ctx.needs((rect.height() - legend_h - notes) / rows,  # than from its own)
                          ctx.size("label") * 2.6)
        row_h = min(row_h, ctx.size("label") * (ROOMY_ROW + 1.5 * self.stacked))
        self.zero_x = rect.left()
        y = rect.top() + legend_h
        for n, item in enumerate(chart.items):
            self._row(n, item, QRectF(rect.left(), y, rect.width(), row_h))
            y += row_h + (noted if item.note else 0.0)
        free = rect.bottom() - y  # (a tall screen, few rows): the
        if free > 1.0:  # chart a little above the middle of its room, not stretched
            shift = free * OPTICAL_MIDDLE
            for child in self.childItems():
                child.moveBy(0, shift)
            for mark in self.marks:
                mark.rect.translate(0, shift)

    def _value_room(self, most: float, *, falling: bool = False) -> float:
        """Room right of the longest bar for the widest value label (left of the longest
        falling bar for the widest negative one), at its size (the bars are shortened for
        it, not the label shrunk), up to ``most``."""
        ctx, chart = self.ctx, self.chart
        metrics = QFontMetricsF(fonts.font(ctx.size("label"), bold=True, tabular=True))
        widest = 0.0
        for n, item in enumerate(chart.items):
            for value in (item.before, item.after):
                if value is not None and (value < 0 or not falling):
                    widest = max(widest, metrics.horizontalAdvance(self._said(n, value)))
        return min(most, widest + ctx.size("label") * 0.8)

    def _zero_line(self, top: float, bottom: float) -> None:
        """The line bars grow from, where some fall below nothing."""
        line = QGraphicsLineItem(self.zero_x, top, self.zero_x, bottom, self)
        colour = QColor(self.ctx.palette.muted)
        colour.setAlphaF(0.6)
        line.setPen(QPen(colour, max(1.5, self.ctx.height * 0.0015)))

    def _before_colour(self) -> QColor:
        c = QColor(self.ctx.palette.muted)
        c.setAlphaF(0.7)
        return c

    def _row(self, n: int, item: ComparePair, rect: QRectF) -> None:
        ctx = self.ctx
        if self.stacked:  # the name above the bars
            label_w = 0.0
            name = ctx.box(self, ctx.text(item.label), QRectF(rect.left(), rect.top(),
                           rect.width(), ctx.room("label", 2, 1.2)), "label", bold=True,
                           max_lines=2, line_height=1.2)
            name_h = name.text_height + ctx.size("label") * 0.35
            rect = QRectF(rect.left(), rect.top() + name_h, rect.width(),
                          rect.height() - name_h)
        else:
            label_w = rect.width() * 0.3
            ctx.box(self, ctx.text(item.label), QRectF(rect.left(), rect.top(),
                    label_w * 0.95, rect.height() * 0.8), "label", bold=True,
                    valign="center", max_lines=4, line_height=1.2)
        pairs = [(v, c) for v, c in ((item.before, self._before_colour()),
                                     (item.after, ctx.palette.accent)) if v is not None]
        bar_h = min(rect.height() * 0.26, ctx.size("label") * 1.6)
        pitch = min(max(bar_h * 1.2, ctx.size("label") * 1.1),  # (a value's letters clear
                    rect.height() * 0.42)  # of the bar under it, in the row's room)
        value_w = self.value_w
        # The scale of the row's unit runs from the lowest value of that unit's rows (or
        # 0) to their highest (or 0): a negative value is a bar left of the zero line,
        # its value left of its end (room kept for it, as for the values on the right).
        low, high = self.scales[_unit_key(item)]
        left_room = self.left_w
        track = rect.width() - label_w - value_w - left_room
        below, above = track * self.zero_share, track * (1 - self.zero_share)
        per_unit = min(above / high if high > 0 else math.inf,  # (every unit's zero at one
                       below / -low if low < 0 else math.inf)   # place, each unit's bars
        per_unit = per_unit if per_unit < math.inf else 1.0     # as long as they can be)
        zero = rect.left() + label_w + left_room + below
        self.zero_x = zero
        unit = ctx.text(item.unit)
        by, written, decimals = self.rows_written[n]
        gap = ctx.size("label") * 0.4
        ys, widths, labels = [], [], []
        row_bars: list[QGraphicsRectItem] = []
        y = rect.top() + rect.height() * 0.4 - pitch + bar_h * 0.1
        if len(pairs) == 1:
            y += bar_h * 0.6
        if self.stacked:  # (right under the name)
            y = rect.top() + bar_h * 0.1
        if n in self.alone:  # (a value of a unit of its own: no bar to measure it by)
            said = self._value_alone(item, pairs[0][0], by, zero, y + bar_h / 2, rect, n)
            y = max(y + pitch, said.bottom())  # (its note under it)
            pairs = []
        for k, (value, color) in enumerate(pairs):
            later = k == len(pairs) - 1  # (the row's qualifier is its later value's: "超142颗"
            # for the earlier one claimed what the source says only of now, trial 17)
            width = value * per_unit
            if abs(width) < 2.0:
                width = 2.0 if value >= 0 else -2.0  # every value a visible mark
            ys.append(y + bar_h / 2)
            widths.append(width)
            bar = QGraphicsRectItem(_span(zero, width, y, bar_h), self)
            bar.setBrush(color)
            bar.setPen(Qt.PenStyle.NoPen)
            row_bars.append(bar)
            end = max(zero, zero + width) + gap if width >= 0 else zero + width - gap
            label = CountLabel(shown(value, by), ctx, unit=unit,
                               qualifier=item.qualifier if later else None,
                               decimals=decimals, among=written.among, step=written.step,
                               align="left" if width >= 0 else "right",  # at the bar's tip
                               max_width=rect.right() - end if width >= 0
                               else end - rect.left() - label_w, parent=self)
            label.setPos(end, y + bar_h / 2)
            labels.append(label)
            y += pitch
        self.bars.append(row_bars)
        if self.negative and ys:  # the line the bars grow from, by the bars (not through the
            self._zero_line(ys[0] - bar_h * 0.7, ys[-1] + bar_h * 0.7)  # name nor note)
        for k, ((value, _), width, yc) in enumerate(zip(pairs, widths, ys, strict=True)):
            self.marks.append(Mark(_span(zero, width, yc - bar_h / 2, bar_h),
                                   ctx.text(item.label),
                                   self._said(n, value, later=k == len(pairs) - 1)))
        if item.note:
            ctx.box(self, ctx.text(item.note), QRectF(rect.left() + label_w, y + bar_h * 0.05,
                    rect.width() - label_w, ctx.room("note", 2)), "note",
                    color=ctx.palette.accent2, max_lines=2)

        def grow(p: float) -> None:
            for bar, width in zip(row_bars, widths, strict=True):
                bar.setRect(_span(zero, width * p, bar.rect().top(), bar_h))
            for label, width in zip(labels, widths, strict=True):
                label.setX(zero + width * p + gap if width >= 0 else zero + width * p - gap)
                label.set_progress(p)

        self.track(grow, offset=ROW_STAGGER * n, share=1.0)


    def _written(self, item: ComparePair) -> tuple[float, Alike, int | None]:
        """What a row's values are multiplied by, how the pair is written (in one
        magnitude: 0.85亿 beside 1.52亿, not 8500万; 85 million beside 1,520 million,
        not 1.52 billion: digits a visitor compares) and with how many decimals (the
        row's own: 0.85 in one row does not write 48.00 in another)."""
        ctx = self.ctx
        by = factor(item.scale, ctx.language) if item.scale else self.factor
        values = [shown(v, by) for v in (item.before, item.after) if v is not None]
        return (by, alike(values, ctx.text(item.unit), ctx.language),
                self.decimals_for(values, by, item.decimals))

    def _said(self, n: int, value: float, *, later: bool = True) -> str:
        """How a value of row ``n`` is written, in full (its qualifier, the ``later``
        value's)."""
        item = self.chart.items[n]
        by, written, decimals = self.rows_written[n]
        return value_text(shown(value, by), self.ctx, self.ctx.text(item.unit),
                          item.qualifier if later else None, decimals, written.step,
                          among=written.among)

    def _value_alone(self, item: ComparePair, value: float, by: float, x: float, y: float,
                     rect: QRectF, n: int) -> QRectF:
        """A row's only value, of a unit no other row has, written where its bar would
        start, counting up with the bars; where it is written."""
        ctx = self.ctx
        unit = ctx.text(item.unit)
        label = CountLabel(shown(value, by), ctx, unit=unit, qualifier=item.qualifier,
                           decimals=self.rows_written[n][2], role="heading",
                           color=ctx.palette.accent, max_width=rect.right() - x, parent=self)
        label.setPos(x, y)
        said = label.mapRectToParent(label.boundingRect())
        self.marks.append(Mark(said, ctx.text(item.label), self._said(n, value)))
        self.track(label.set_progress, offset=ROW_STAGGER * n, share=1.0)
        return said


def _alone(items: list[ComparePair]) -> set[int]:
    """The rows of one value whose unit no other row has."""
    units = [_unit_key(item) for item in items]
    return {n for n, item in enumerate(items) if units.count(units[n]) == 1
            and (item.before is None) != (item.after is None)}


def _span(zero: float, width: float, top: float, height: float) -> QRectF:
    """A bar from the zero line, ``width`` long (to the left when negative)."""
    return QRectF(min(zero, zero + width), top, abs(width), height)
