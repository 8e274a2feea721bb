"""Values over categories (usually years): bars that grow, or a line that draws itself.

The axis is drawn once at its final extent, so nothing jumps while the data moves.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QLinearGradient, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem

from kiosk.deck.charts import SeriesChart
from kiosk.deck.numbers import (
    alike,
    compact_step,
    format_number,
    magnitude,
    quantity,
    regrouped,
    short,
    year_number,
)
from kiosk.deck.precision import decimals_of
from kiosk.show import fonts
from kiosk.show.charts.base import (
    ChartView,
    CountLabel,
    Mark,
    legend,
    shown,
    staggered,
    value_text,
)
from kiosk.show.charts.scale import coarser_step, finer_step, nice_range, ticks
from kiosk.show.context import OPTICAL_MIDDLE, SlideContext
from kiosk.show.textbox import TextBox

pg.setConfigOptions(antialias=True)


AREA_TINT = 0.38
"""A line's area, right under the line: its colour at this alpha (fading to the axis)."""
TALLEST = 1.1
"""A chart of values over categories is at most this much taller than it is wide."""

FLATTEST = 0.35
"""...and its plot at least this share of the screen's reference side high, or its
slide is set in smaller type (at 1.3, two lines of title and three of citation left a
bar chart 300 px, its bars slivers, where 1 drew it 540: trial 40)."""


MOST_TICKS = 8
"""Steps between ticks at most, on a scale stretched for its values' words."""
OVERSHOOT = 0.25
"""A scale stretched this share of a step below its lowest tick, or less, ends there
without a tick; further, it takes the next tick..."""
FINER_SAVES = 0.9
"""A scale stretched for its values takes the next finer step where its length is then
under this share of what its own step makes it (−150 for −130 by 50, not −200 by 100)."""
BAND_MOST = 1.2
"""...unless the band under the tick is this many of the notes' size or less (−200 for
−59.6 left a third of a plot empty, trial 35; a band of 55 px under −30 at 1.3 read as
the years hung far below the plot, trial 32)."""
DODGE_MOST = 2.0
"""A year on a time axis moves aside from its point at most this share of its width
(further, the years take more lines)."""
DODGE_SHORT = 0.6
"""As far as a year moves aside where some years are left unsaid (a short leader: a
long one fanning to a year far from its point reads worse than its tick unsaid)."""
YEAR_LINES_MOST = 4
"""A time axis's years take up to this many lines rather than leave one out."""
YEAR_GAP = 0.45
"""The least room between two years on one line of a time axis, in label sizes."""

UNEVEN = 0.02
"""Years further from even spacing than this share of their span are drawn on a time
axis."""


def value_room(slot: float, series: int) -> float:
    """How wide a value over an upright bar may be: its bar's width where bars stand side
    by side, nearly its category's where the bar stands alone (+133.2% over a narrow
    bar, clear of its neighbours' values)."""
    return slot * 0.9 if series == 1 else slot * 0.7 / series


def category_numbers(chart: SeriesChart) -> list[float] | None:
    """The chart's categories as numbers (years: 2019, 2020 …; 1293年, 前486年 and 486 BC,
    as readers write them: evenly apart, 2,500 years drew false slopes, trial 23), where
    each is one and the same in every language, and they rise; else None."""
    found: list[float] = []
    for category in chart.categories:
        said = {year_number(text) for text in category.all_strings()}
        year = said.pop() if len(said) == 1 else None
        if year is None:
            return None
        found.append(year)
    return None if any(b <= a for a, b in itertools.pairwise(found)) else found


def timeline(chart: SeriesChart) -> list[float] | None:
    """The years of a line's categories (in every language the same numbers, rising),
    when they are unevenly apart (1949, 1978, 1990, ...): a line drawn evenly through them
    would make 29 years look as long as 4; or the places the chart gives them (``at``:
    540 Ma … Today); else None."""
    found = list(chart.at) if chart.at is not None else category_numbers(chart)
    if found is None or len(found) < 3:
        return None
    span = found[-1] - found[0]
    even = [found[0] + span * n / (len(found) - 1) for n in range(len(found))]
    return found if max(abs(a - b) for a, b in zip(found, even, strict=True)) > span * \
        UNEVEN else None


def _roundness(year: float) -> int:
    """How round a year is: 100 for 1900, 10 for 2010, 5 for 2015, 1 for 2023."""
    return next((k for k in (100, 50, 10, 5, 2) if year % k == 0), 1)


def counted_back(first: int, last: int, every: int) -> list[int]:
    """Which of the evenly spaced years ``first`` … ``last`` (indices) are said when only
    every ``every``-th has room: counted back from the last, so that the latest year is
    always said (2020 2022 2024, not 2019 2021 2023 with 2024 a bare point)."""
    return list(range(last, first - 1, -every))[::-1]


def _words(text: str) -> list[str]:
    """What a line may not break inside: words, and each Chinese character; a short
    label whole (1月, 2024年: never 1 / 月)."""
    if len(text) <= 4:
        return [text]
    return [part for word in text.split() for part in
            (list(word) if any("\u3400" <= c <= "\u9fff" for c in word) else [word])]


class SeriesView(ChartView):
    """Bars (grouped by category) or lines over a fixed, gridded value axis."""

    chart: SeriesChart
    unit_said: str
    """The unit said apart from the ticks (under bars across, or above the axis)."""

    def __init__(self, chart: SeriesChart, ctx: SlideContext, rect: QRectF,
                 parent: QGraphicsItem | None = None) -> None:
        tallest = rect.width() * TALLEST
        if rect.height() > tallest:  # a portrait screen: not a plot twice as tall as wide
            spare = rect.height() - tallest  # (slopes look twice as steep), a little above
            rect = QRectF(rect.left(), rect.top() + spare * OPTICAL_MIDDLE, rect.width(),
                          tallest)  # the middle of its room
        super().__init__(chart, ctx, rect, parent)
        self.positions = timeline(chart) if chart.kind == "line" else None
        """Where each category lies on a line's time axis (years 1949, 1978, ... 2024:
        apart as far as they are in time), or None: evenly, one slot each."""
        self.even_years = chart.kind == "line" and self.positions is None and \
            category_numbers(chart) is not None
        """Whether a line's categories are years evenly apart (2019, 2020 … 2024), which
        a reader counts from the ones said."""
        values, step = self._numbers()
        marks = ticks(self.low, self.high, step)
        self.unit_above = False  # (read by the ticks' labels, which it measures)
        self.unit_above = self._unit_too_wide(marks, rect.width() * 0.15)
        """Whether the unit is written on a line of its own above the axis (too long to
        be written with the top tick: "15 million cubic metres")."""
        said = self._ticks_magnitude(marks)
        if said and self.unit_said:  # (ticks of one magnitude: it is said once, with the
            self.unit_above = True  # unit above them, the numbers bare, as 6亿吨 over
            self.unit_said = str(quantity(said.strip(), self.unit_said, None,  # 4, 2, 0:
                                          ctx.language))  # "400 million" on every tick
            # narrowed the plot by 100 px, and a year it had room for in Chinese went
            # unsaid in English, trial 31)
        axis_w = self._axis_width(marks, rect.width() * 0.3)
        legend_h = names_w = 0.0
        self.named_at_ends = chart.kind == "line" and len(chart.series) > 1 and \
            rect.height() <= rect.width()
        """Whether each line's name is written at its end, in its colour: read without a
        legend (not on a screen taller than wide, where the names would take a third of
        the plot's width: a legend above it there)."""
        if self.named_at_ends:
            metrics = QFontMetricsF(fonts.font(ctx.size("label"), bold=True))
            names_w = min(rect.width() * 0.28, ctx.size("label") * 0.6 + max(
                metrics.horizontalAdvance(ctx.text(row.name)) for row in chart.series))
        elif len(chart.series) > 1:
            legend_h = legend(self, [(self._pen(n) if chart.kind == "line" else
                                      ctx.palette.fill(n), ctx.text(row.name))
                                     for n, row in enumerate(chart.series)],
                              rect.left() + axis_w, rect.top(), rect.width() - axis_w)
        above = legend_h + ctx.size("note")  # the top tick's label stays in the chart
        if self.unit_above:
            ctx.box(self, self.unit_said, QRectF(rect.left(), rect.top() + legend_h,
                    rect.width(), ctx.room("note", 1)), "note", color=ctx.palette.muted,
                    max_lines=1)
            above += ctx.room("note", 1)
        self.category_lines = next((n for n in (3, 2) if rect.height() - above - ctx.room(
            "label", n, 1.15) > rect.height() * 0.55), 1)  # (a short chart: one line)
        self.category_lines = min(self.category_lines, self._names_need(
            (rect.width() - axis_w - names_w) / len(chart.categories)))  # (2019 … 2024: a
        # line, not the room of three under them, a fifth of the chart at large type)
        if chart.kind == "line":
            self.category_lines = min(2, self.category_lines)
            if self.even_years:  # (one line: every second said where all have no room,
                self.category_lines = 1  # never stacked)
            if self.positions is not None:  # years close together: side by side, or on
                self.plot = QRectF(rect.left() + axis_w, rect.top(),  # as many lines as
                                   rect.width() - axis_w - names_w, 1.0)  # they need (3)
                lines = min(3, next((n for n in (3, 2) if rect.height() - above - ctx.room(
                    "label", n, 1.15) > rect.height() * 0.55), 1))
                self.year_centres = self._dodged_years()
                """Where the years said stand side by side (their x is the plot's to
                come)."""
                for every in (False, True):  # (crowded, 2020 … 2024: the roundest said,
                    if self.year_centres is None:  # the axis's ticks counting the others;
                        self.year_centres = self._round_years(every)  # where even those a
                        # reader cannot count have no room, the roundest of them too: each
                        # under its own tick, none moved far from it, trial 15)
                if self.year_centres is None:
                    placed = self._year_rows(lines)
                    if len(placed) < len(chart.categories):  # (a year would be left out:
                        placed = self._year_rows(YEAR_LINES_MOST)  # a line more, or, if
                    if len(placed) < len(chart.categories):  # even that leaves one out,
                        self.positions = None  # the years evenly apart, every one said)
                    else:
                        self.category_lines = 1 + max(row for _, row in placed)
                else:
                    self.category_lines = 1
        bottom_h = ctx.room("label", self.category_lines, 1.15) + ctx.size("label") * 0.4
        height = ctx.needs(rect.height() - above - bottom_h, max(
            rect.height() * 0.4, ctx.reference * FLATTEST))
        self.plot = QRectF(rect.left() + axis_w, rect.top() + above,
                           rect.width() - axis_w - names_w, max(1.0, height))
        if self.plot.height() > self.plot.width() * TALLEST:  # the plot itself, not only
            spare = self.plot.height() - self.plot.width() * TALLEST  # its box
            self.plot = QRectF(self.plot.left(), self.plot.top() + spare * OPTICAL_MIDDLE,
                               self.plot.width(), self.plot.width() * TALLEST)
        if chart.kind == "bar" and chart.labels:  # room on the scale for the values said
            self._room_for_labels(min(values), max(values))  # past the bars' ends
            marks = self.to_ticks(step)
            wider = self._axis_width(marks, rect.width() * 0.3)  # (a tick more, its
            if wider > axis_w:  # number as wide as it is: "10…" cut where the unit
                self.plot.setLeft(self.plot.left() + wider - axis_w)  # came with it)
        self._axis(marks)
        self._categories()
        if chart.kind == "bar":
            self._bars()
        else:
            self._lines()

    def _numbers(self) -> tuple[list[float], float]:
        """The chart's values, their shared decimals and the scale they are drawn on
        (``low``, ``high``); the values and the scale's step."""
        self.bars: list[pg.BarGraphItem] = []
        self.labelled = False
        """Whether the bars say their values at their ends (``labels``, where they fit)."""
        self.curves: list[pg.PlotCurveItem] = []
        values = [v for row in self.chart.series for v in row.values]
        self.written = alike([shown(v, self.factor) for v in values],
                             self.ctx.text(self.chart.unit), self.ctx.language)
        """How the bars' values are all written (0.9万吨 beside 1.6万吨)."""
        self.signed = min(values) < 0 < max(values) if self.chart.signs is None \
            else self.chart.signs
        """Whether values above nothing have their plus sign (changes: +11.7%, −59.6%)."""
        steps = [self._step(shown(v, self.factor)) for v in values]
        self.decimals = self.decimals_for([shown(v, self.factor) for v, step in zip(
            values, steps, strict=True) if step[0] == 1.0])  # (those written in full)
        self.low, self.high, step = nice_range(min(values), max(values))
        self.axis_largest = max(abs(shown(self.low, self.factor)),
                                abs(shown(self.high, self.factor)))
        self.axis_by, self.axis_unit = regrouped(
            self.axis_largest, self.ctx.text(self.chart.unit), self.ctx.language) if not \
            self.chart.labels else (1.0, self.ctx.text(self.chart.unit))
        """What the axis's numbers are multiplied by, and the unit it says: in Chinese,
        the magnitude of the unit that suits its numbers (25,000万吨: 2.5亿吨); the
        author's where the bars say their values (which may leave the unit to it)."""
        self.ticks_each = self.ctx.language.startswith("zh") and self.axis_by < 1.0 and any(
            0 < abs(shown(v, self.factor) * self.axis_by) < 1
            for v in ticks(self.low, self.high, step))
        """Whether its ticks are each in their own magnitude (2000万 … 1亿): the unit said
        apart from them is then the rest (人次)."""
        self.unit_said = magnitude(self.axis_unit)[1] if self.ticks_each else self.axis_unit
        return values, step

    def _unit_too_wide(self, values: list[float], most: float) -> bool:
        """Whether the top tick with the unit is wider than the axis may be."""
        if not self.ctx.text(self.chart.unit):
            return False
        metrics = QFontMetricsF(fonts.font(self.ctx.size("note"), tabular=True))
        widest = max(metrics.horizontalAdvance(label) for label in self._tick_labels(values))
        return widest + self.ctx.size("note") * 0.8 > most

    def _axis_width(self, values: list[float], most: float) -> float:
        """Room for the widest tick label (the top one carries the unit), and a gap."""
        ctx = self.ctx
        metrics = QFontMetricsF(fonts.font(ctx.size("note"), tabular=True))
        widest = max(metrics.horizontalAdvance(label) for label in self._tick_labels(
            values, unit_at_top=not self.unit_above))
        return min(most, max(ctx.size("note") * 3, widest + ctx.size("note") * 0.8))

    def _tick_labels(self, values: list[float], *, unit_at_top: bool = True) -> list[str]:
        """The ticks as written: large ones short (3亿, 300M), the unit at the top one
        (as a figure has it) unless told not to."""
        ctx = self.ctx
        by = self.axis_by
        if self.ticks_each:
            return self._ticks_each_in_its_magnitude(values, unit_at_top)
        largest = max((abs(shown(v, self.factor) * by) for v in values), default=0.0)
        divisor, suffix = compact_step(largest, ctx.language)
        numbers = [short(shown(v, self.factor) * by, divisor) for v in values]
        if suffix and not ctx.language.startswith("zh") and any(0 < abs(n) < 1
                                                                for n in numbers):
            steps = [compact_step(abs(shown(v, self.factor) * by), ctx.language)
                     for v in values]  # (each in its own magnitude: 200 billion … 1
            numbers = [short(shown(v, self.factor) * by, d)  # trillion, not 0.2 trillion:
                       for v, (d, _) in zip(values, steps, strict=True)]  # English does
            # (not write a value under 1 so, trial 18; and where some are then written
            # in full, all: 200,000 … 1,000,000, not 800,000 under "1 million", trial 27)
            if any(not s for (_, s), v in zip(steps, values, strict=True) if v):
                steps = [(1.0, "")] * len(values)
                numbers = [short(shown(v, self.factor) * by, 1.0) for v in values]
            suffixes = [s for _, s in steps]
        else:
            suffixes = [suffix] * len(numbers)
        unit = self.axis_unit if unit_at_top else ""
        if not unit_at_top and self.unit_above and self._ticks_magnitude(values):
            suffixes = [""] * len(numbers)  # (said above them, with the unit)
        group = any(abs(number) >= 10_000 for number in numbers)  # (10,000 over 5,000)
        labels = []
        for n, number in enumerate(numbers):  # (each its own decimals: 2.5 million, 5
            text = format_number(number, decimals_of(number), ctx.language,  # million,
                                 group=group)  # not 5.0 million beside it)
            if number and suffixes[n]:
                text += suffixes[n]
            top = unit if n == len(numbers) - 1 else ""
            labels.append(str(quantity(text, top, None, ctx.language)) if top else text)
        return labels

    def _ticks_magnitude(self, values: list[float]) -> str:
        """The word of magnitude every tick but zero would carry (" million", 亿), where
        all carry one and the same; else ""."""
        ctx = self.ctx
        if self.ticks_each:
            return ""
        by = self.axis_by
        largest = max((abs(shown(v, self.factor) * by) for v in values), default=0.0)
        divisor, suffix = compact_step(largest, ctx.language)
        if not suffix or any(0 < abs(short(shown(v, self.factor) * by, divisor)) < 1
                             for v in values):
            return ""  # (some in another magnitude: each says its own)
        return suffix

    def _ticks_each_in_its_magnitude(self, values: list[float], unit_at_top: bool
                                     ) -> list[str]:
        """Chinese ticks up to a larger magnitude than most of them reach, each in its
        own: 2000万 … 8000万, 1亿人次 (not 0.2 … 1.0亿人次, nor 10,000万人次)."""
        ctx, unit = self.ctx, self.ctx.text(self.chart.unit)
        rest = magnitude(self.axis_unit)[1]
        labels = []
        for n, value in enumerate(values):
            number = shown(value, self.factor)
            by, written = regrouped(number, unit, ctx.language)
            number = short(number * by, 1.0)
            text = format_number(number, decimals_of(number), ctx.language)
            if n < len(values) - 1 or not unit_at_top:
                written = written[: len(written) - len(rest)] if number else ""
            labels.append(str(quantity(text, written, None, ctx.language)))
        return labels

    def y_of(self, value: float) -> float:
        """Design-pixel y of a value."""
        share = (value - self.low) / (self.high - self.low)
        return self.plot.bottom() - share * self.plot.height()

    def x_of(self, index: int) -> float:
        """Design-pixel x of the centre of category ``index`` (of its year, on a time
        axis)."""
        slot = self.plot.width() / len(self.chart.categories)
        if self.positions is not None:
            first, last = self.positions[0], self.positions[-1]
            return self.plot.left() + slot / 2 + (self.positions[index] - first) / (
                last - first) * (self.plot.width() - slot)
        return self.plot.left() + slot * (index + 0.5)

    def _axis(self, values: list[float]) -> None:
        ctx = self.ctx
        grid = QColor(ctx.palette.muted)
        grid.setAlphaF(0.25)
        self.grid_lines: list[QGraphicsLineItem] = []
        for value, label in zip(values, self._tick_labels(
                values, unit_at_top=not self.unit_above), strict=True):
            y = self.y_of(value)
            line = QGraphicsLineItem(self.plot.left(), y, self.plot.right(), y, self)
            line.setPen(QPen(grid, 1.5))
            self.grid_lines.append(line)
            ctx.box(self, label, QRectF(self.rect().left(), y - ctx.size("note"),
                    self.plot.left() - self.rect().left() - ctx.size("note") * 0.5,
                    ctx.size("note") * 2), "note", color=ctx.palette.muted, align="right",
                    valign="center", max_lines=1, tabular=True)

    def _names_need(self, slot: float) -> int:
        """The lines the categories' names need under slots ``slot`` wide: as many as the
        longest takes, or (a word wider than a slot: every second name a line lower)
        three."""
        ctx = self.ctx
        texts = [ctx.text(c) for c in self.chart.categories]
        metrics = QFontMetricsF(fonts.font(ctx.size("label")))
        gap = ctx.size("label") * 0.6
        word = max((metrics.horizontalAdvance(w) for t in texts for w in _words(t)),
                   default=0.0)
        if word + gap > slot:
            return 3
        return max(1, max(ctx.lines(t, slot - gap, "label") for t in texts))

    def _categories(self) -> None:
        """The category under each slot, in two lines where it needs them; where even a
        word of them is wider than a slot (ten years on a narrow screen), every second
        (third...) one, centred under its own slot."""
        ctx = self.ctx
        slot = self.plot.width() / len(self.chart.categories)
        texts = [ctx.text(c) for c in self.chart.categories]
        metrics = QFontMetricsF(fonts.font(ctx.size("label")))
        gap = ctx.size("label") * 0.6
        word = max((metrics.horizontalAdvance(w) for t in texts for w in _words(t)),
                   default=0.0)
        if self.positions is not None:
            self._years()
            return
        staggered = word + gap > slot and self.category_lines >= 2 and len(texts) > 1 and \
            (self.chart.kind == "bar" or word + gap <= slot * 2) and not self.even_years
        every = max(1, math.ceil((word + gap) / slot)) \
            if self.chart.kind == "line" and not staggered else 1
        # (a bar's name is never left out; a line's names stand every second one a line
        # lower where that gives each room, and only where not even that, every second;
        # a line's years, every second, third … on one line, counted back from the last:
        # its dots and the axis's ticks say where the others are)
        # (a name wider than its bar's slot: every second name a line lower, each with
        # two slots' room, as a designer sets "Wudaoliang" under a narrow bar)
        top = self.plot.bottom() + ctx.size("label") * 0.3
        line = ctx.room("label", 1, 1.15)
        said = set(counted_back(0, len(texts) - 1, every) if self.even_years else
                   range(0, len(texts), every))
        if len(said) < len(texts):
            self._ticks(range(len(texts)))
        for n, text in enumerate(texts):
            if n not in said:
                continue
            if staggered:
                room, lower = slot * 2 - gap, n % 2
                if lower:  # (a hairline down to it: which bar it names)
                    self._hairline(n, top + line * 0.9)
                ctx.box(self, text, QRectF(self.x_of(n) - room / 2, top + lower * line, room,
                        line), "label", color=ctx.palette.muted, align="center", max_lines=1,
                        line_height=1.15)
                continue
            room = slot * every - gap
            ctx.box(self, text, QRectF(self.x_of(n) - room / 2, top, room,
                    ctx.room("label", self.category_lines, 1.15)), "label",
                    color=ctx.palette.muted, align="center", max_lines=self.category_lines,
                    line_height=1.15)

    def _year_rows(self, lines: int) -> list[tuple[int, int]]:
        """Which years of a time axis are said, and on which of ``lines`` lines: each on
        the first line where it does not touch the year before it there; where none
        has room, it is left out (never the last: those it would touch give way)."""
        texts = [self.ctx.text(c) for c in self.chart.categories]
        metrics = QFontMetricsF(fonts.font(self.ctx.size("label")))
        gap = self.ctx.size("label") * YEAR_GAP
        rows = [-math.inf] * lines  # where each line's last year ends
        placed: list[tuple[int, int]] = []
        for n, text in enumerate(texts):
            width = metrics.horizontalAdvance(text)
            left = self.x_of(n) - width / 2
            row = next((r for r in range(lines) if rows[r] + gap <= left), None)
            if row is None:
                if n != len(texts) - 1:
                    continue
                placed = [(m, r) for m, r in placed
                          if r or self.x_of(m) + metrics.horizontalAdvance(
                              texts[m]) / 2 + gap <= left]
                row = 0
            rows[row] = left + width
            placed.append((n, row))
        return placed

    def _dodged_years(self, said: list[int] | None = None, most: float = DODGE_MOST
                      ) -> dict[int, float] | None:
        """Where the years of a time axis (those ``said``: all by default) stand on one
        line, each moved aside from its point as little as keeps it from touching its
        neighbours (years a year apart, 2023 and 2024, side by side with a short leader
        each); None where one would move further than ``most`` of its width."""
        said = list(range(len(self.chart.categories))) if said is None else said
        texts = [self.ctx.text(self.chart.categories[n]) for n in said]
        metrics = QFontMetricsF(fonts.font(self.ctx.size("label")))
        widths = [metrics.horizontalAdvance(t) for t in texts]
        gap = self.ctx.size("label") * YEAR_GAP
        wanted = [self.x_of(n) for n in said]
        groups: list[list[int]] = []  # runs of years set edge to edge
        lefts: list[float] = []
        for n in range(len(texts)):
            groups.append([n])
            lefts.append(wanted[n] - widths[n] / 2)
            while len(groups) > 1:
                before = groups[-2]
                end = lefts[-2] + sum(widths[m] for m in before) + gap * len(before)
                if end <= lefts[-1]:
                    break
                merged = before + groups.pop()
                lefts.pop()
                offsets, at = [], 0.0  # (each year's centre from the run's left edge)
                for m in merged:
                    offsets.append(at + widths[m] / 2)
                    at += widths[m] + gap
                groups[-1] = merged
                lefts[-1] = sum(wanted[m] - o for m, o in zip(merged, offsets, strict=True)
                                ) / len(merged)  # (centred on where its years want to be)
        if texts:  # (the last year no further right than centred on its point: 2023 stood
            bound = wanted[-1] + widths[-1] / 2  # past the axis's end)
            while True:
                run = sum(widths[m] for m in groups[-1]) + gap * (len(groups[-1]) - 1)
                if lefts[-1] + run <= bound + 0.5:
                    break
                lefts[-1] = bound - run
                if len(groups) < 2:
                    break
                before = groups[-2]
                end = lefts[-2] + sum(widths[m] for m in before) + gap * len(before)
                if end <= lefts[-1]:
                    break
                groups[-2:] = [before + groups[-1]]  # (it reaches the run before: one run,
                lefts[-2:] = [lefts[-2]]  # ending at the bound)
        centres = [0.0] * len(texts)
        for group, left in zip(groups, lefts, strict=True):
            for m in group:
                centres[m] = left + widths[m] / 2
                left += widths[m] + gap
        if any(abs(c - w) > most * width for c, w, width in zip(
                centres, wanted, widths, strict=True)):
            return None
        unsaid = [self.x_of(n) for n in range(len(self.chart.categories))
                  if n not in said and not self._counted(n)]  # (2021 amid 2020 … 2022 is
        # read from its neighbours, whatever label is nearest it)
        others = [self.x_of(n) for n in range(len(self.chart.categories)) if n not in said]
        for c, w, width in zip(centres, wanted, widths, strict=True):
            nearer = [p for p in [*wanted, *unsaid] if abs(p - c) < abs(w - c) - 0.5]
            near_unsaid = any(abs(p - c) < abs(w - c) + width * 0.25 for p in unsaid) or \
                any(abs(p - c) < abs(w - c) - 0.5 for p in others)  # (nor nearer any
            # point unsaid, counted or not: "2020" over 2015's tick, trial 18)
            if near_unsaid or (nearer and abs(c - w) > width):  # (a point unsaid as near
                # as its own, or nearly: "2016" 53 px from both its tick and 2011's, trial 17)
                return None  # (nearer a point unsaid than its own, or moved off its own
                # and nearer another's: "2004" read under 1997's point, trial 16; years
                # side by side over their points, in order, stay)
        return dict(zip(said, centres, strict=True))

    def _counted(self, n: int) -> bool:
        """Whether year ``n`` of a time axis is one a reader counts from its neighbours:
        as far from the one before as from the one after (2021 between 2020 and 2022)."""
        years = self.positions or []
        return 0 < n < len(years) - 1 and math.isclose(
            years[n] - years[n - 1], years[n + 1] - years[n])

    def _round_years(self, droppable: bool) -> dict[int, float] | None:
        """Where the years said stand when only some have room, each moved aside a short
        way at most (DODGE_SHORT of its width): the last and the first, the years the
        slide's title names, every year a reader could not count from its neighbours,
        then of those they could (2021 between 2020 and 2022) the roundest (2010 before
        2015 before 2022, the latest first among equals); None where not even the first
        kind have room (``droppable``: the roundest of those too, only the first and the
        last always)."""
        years = self.positions or []
        counted = self._counted
        named = {n for n, category in enumerate(self.chart.categories)
                 if self.ctx.text(category) in self.ctx.headline}  # (what its title names)
        said: list[int] = []
        found: dict[int, float] | None = None
        for n in sorted(range(len(years)), key=lambda n: (
                n != len(years) - 1, n != 0, n not in named, counted(n) or droppable,
                -_roundness(years[n]), -n)):
            tried = self._dodged_years(sorted([*said, n]), DODGE_SHORT)
            if tried is not None:
                said, found = sorted([*said, n]), tried
            elif n in (0, len(years) - 1) or not (counted(n) or droppable):
                return None
        return found

    def _years(self) -> None:
        """The years of a time axis, each under its point: on one line where they do not
        touch, moved a little aside where two are close (a short leader to each point),
        else a year that would touch the one before it a line lower (with a hairline to
        its point, none through a year above it)."""
        ctx = self.ctx
        top = self.plot.bottom() + ctx.size("label") * 0.3
        line = ctx.room("label", 1, 1.15)
        metrics = QFontMetricsF(fonts.font(ctx.size("label")))
        centres = self.year_centres if self.category_lines == 1 else None
        if centres is not None:
            if len(centres) < len(self.chart.categories):
                self._ticks(range(len(self.chart.categories)))
            for n, centre in centres.items():
                text = ctx.text(self.chart.categories[n])
                room = metrics.horizontalAdvance(text) + ctx.size("label") * YEAR_GAP
                if abs(centre - self.x_of(n)) > 1.0:  # (a leader from its point to it)
                    self._leader(n, centre, top + ctx.size("label") * 0.15)
                ctx.box(self, text, QRectF(centre - room / 2, top + ctx.size("label") * 0.15,
                        room, line), "label", color=ctx.palette.muted, align="center",
                        max_lines=1)
            return
        placed = self._year_rows(self.category_lines)
        for n, row in placed:
            text = ctx.text(self.chart.categories[n])
            room = metrics.horizontalAdvance(text) + ctx.size("label") * YEAR_GAP
            x = self.x_of(n)
            if row and not any(r < row and abs(self.x_of(m) - x) < metrics.horizontalAdvance(
                    ctx.text(self.chart.categories[m])) / 2 + 2 for m, r in placed):
                self._hairline(n, top + line * (row - 0.1))  # (to its point: not through
                # a year above it, where "2023" would read "20|23")
            ctx.box(self, text, QRectF(self.x_of(n) - room / 2, top + row * line, room,
                    line), "label", color=ctx.palette.muted, align="center", max_lines=1)

    def _ticks(self, categories: range | list[int]) -> None:
        """A short tick under each of ``categories`` on the axis: where a year is not
        said, the tick counts it (2020 · 2022 · 2024 with a tick between each)."""
        faint = QColor(self.ctx.palette.muted)
        faint.setAlphaF(0.6)
        length = self.ctx.size("label") * 0.3
        for n in categories:
            tick = QGraphicsLineItem(self.x_of(n), self.plot.bottom(), self.x_of(n),
                                     self.plot.bottom() + length, self)
            tick.setPen(QPen(faint, 1.5))

    def _leader(self, n: int, x: float, bottom: float) -> None:
        """A faint line from category ``n``'s point on the axis to a year set aside."""
        tick = QGraphicsLineItem(self.x_of(n), self.plot.bottom() + 2, x, bottom, self)
        faint = QColor(self.ctx.palette.muted)
        faint.setAlphaF(0.4)
        tick.setPen(QPen(faint, 1.5))

    def _hairline(self, n: int, bottom: float) -> None:
        """A faint line from the plot down to ``bottom`` under category ``n``: to a name
        set a line lower, which it names."""
        tick = QGraphicsLineItem(self.x_of(n), self.plot.bottom() + 2, self.x_of(n), bottom,
                                 self)
        faint = QColor(self.ctx.palette.muted)
        faint.setAlphaF(0.4)
        tick.setPen(QPen(faint, 1.5))

    def fills(self, s: int, values: list[float]) -> dict[str, QBrush | list[QBrush]]:
        """How series ``s``'s bars are filled (a bar graph's options): in its colour, and
        where it is the chart's only series and falls as well as rises, its falls in the
        next colour (trial 13: a fall of 11.3 % in the gold of a rise; the minus and the
        side of the zero line say it too)."""
        own = self.ctx.palette.fill(s)
        if len(self.chart.series) > 1 or not (min(values) < 0 < max(values)):
            return {"brush": own}
        fall = self.ctx.palette.fill(s + 1)
        return {"brushes": [fall if value < 0 else own for value in values]}

    def _bars(self) -> None:
        ctx, chart = self.ctx, self.chart
        count = len(chart.series)
        slot = self.plot.width() / len(chart.categories)
        value_w = value_room(slot, count)
        self.labelled = chart.labels and self._labels_fit(value_w)
        width = slot * 0.7 / count
        base = self.y_of(max(self.low, 0.0))
        room = ctx.size("note") * 0.8  # between a bar's end and its value
        for s, row in enumerate(chart.series):
            xs = [self.x_of(n) - slot * 0.35 + width * (s + 0.5) for n in range(len(row.values))]
            heights = [self.y_of(v) - base for v in row.values]  # negative: upwards
            bars = pg.BarGraphItem(x=xs, y0=[base] * len(xs), width=width * 0.9,
                                   height=heights, **self.fills(s, row.values),
                                   pen=pg.mkPen(None))
            bars.setParentItem(self)
            self.bars.append(bars)
            labels: list[CountLabel] = []
            for n, (x, h, value) in enumerate(zip(xs, heights, row.values, strict=True)):
                top = min(base, base + h)
                self.mark_bar(QRectF(x - width * 0.45, top, width * 0.9, abs(h)), s, n)
                if self.labelled:
                    label = self.value_label(value, "center", value_w)
                    label.setPos(x, base + h - room if h <= 0 else base + h + room)  # where
                    labels.append(label)  # it ends (what the slide's layout measures)

            def grow(p: float, bars: pg.BarGraphItem = bars, heights: list[float] = heights,
                     labels: list[CountLabel] = labels) -> None:
                count = len(heights)
                now = [h * staggered(p, n, count) for n, h in enumerate(heights)]
                bars.setOpts(height=now)
                for label, h, final in zip(labels, now, heights, strict=False):
                    label.setY(base + h - room if h <= 0 else base + h + room)  # at its end
                    label.set_progress(abs(h) / abs(final) if final else 1.0)

            self.track(grow)
            self._clear_of(labels)

    def _clear_of(self, labels: list[CountLabel]) -> None:
        """Break the grid lines where a bar's value is written across them (−39.8 % under
        its bar was struck through by the −50 line, trial 28; −59.6 % by −75 across)."""
        gap = self.ctx.size("note") * 0.3
        for label in labels:
            box = label.mapRectToParent(label.boundingRect())
            inset = label.font_size * fonts.INK_INSET
            ink = box.adjusted(0, inset, 0, -inset)
            for line in list(self.grid_lines):
                at = line.line()
                upright = at.x1() == at.x2()  # (across: a line from top to bottom)
                across, start, end = (at.x1(), at.y1(), at.y2()) if upright else (
                    at.y1(), at.x1(), at.x2())
                low, high = (ink.left(), ink.right()) if upright else (ink.top(), ink.bottom())
                first, last = (box.top(), box.bottom()) if upright else (box.left(), box.right())
                if not low < across < high or last + gap <= start or first - gap >= end:
                    continue
                ends = [(start, max(start, first - gap))]
                if last + gap < end:
                    ends.append((last + gap, end))
                for n, (a, b) in enumerate(ends):
                    piece = line if n == 0 else QGraphicsLineItem(self)
                    if upright:
                        piece.setLine(across, a, across, b)
                    else:
                        piece.setLine(a, across, b, across)
                    if piece is not line:
                        piece.setPen(line.pen())
                        self.grid_lines.append(piece)

    def mark_bar(self, rect: QRectF, series: int, category: int) -> None:
        """What a tap on a bar says: its series, its category and its value."""
        ctx, chart = self.ctx, self.chart
        value = chart.series[series].values[category]
        self.marks.append(Mark(rect, f"{ctx.text(chart.series[series].name)} · "
                               f"{ctx.text(chart.categories[category])}",
                               self._said(value, ctx.text(chart.unit))))

    def value_label(self, value: float, align: str, max_width: float | None = None
                    ) -> CountLabel:
        """A bar's value, counting with it: in the magnitude all the bars' values are
        written in where it says its unit (0.9万吨 beside 1.6万吨; 700 beside 45,000公里,
        not 0.07万公里), else in the axis's (which then says the unit)."""
        return CountLabel(shown(value, self.factor), self.ctx, unit=self.label_unit,
                          role="label", decimals=self._decimals(value),
                          step=self._step(shown(value, self.factor)),
                          color=self.ctx.palette.text, align=align, max_width=max_width,
                          regroup=bool(self.label_unit), among=self.written.among,
                          signed=self.signed, parent=self)

    def _step(self, value: float) -> tuple[float, str]:
        """How a value is written short: as all the chart's values are (1.5亿 beside
        0.9亿), and never rounded to be (1,859,000 tonnes, not 1.86 million); where no one
        way writes them all, each its own (``alike``)."""
        return self.written.step or compact_step(value, self.ctx.language, axis=False)

    def _decimals(self, value: float) -> int | None:
        """A value's decimals: the chart's where it is written in full; where it is
        written short, None: its own (``value_text``, ``CountLabel``)."""
        return self.decimals if self._step(shown(value, self.factor))[0] == 1.0 else None

    def _said(self, value: float, unit: str) -> str:
        """A value as its label and its callout write it."""
        return value_text(shown(value, self.factor), self.ctx, unit,
                          decimals=self._decimals(value), step=self._step(
                              shown(value, self.factor)), among=self.written.among,
                          signed=self.signed)

    def _room_for_labels(self, lowest: float, highest: float) -> None:
        """Stretch the scale (not its ticks) so that a value written past the end of the
        longest bar, up or down, stays inside the plot: a falling bar's value clear of
        the category names under it, a rising one's clear of the legend."""
        label = self.ctx.room("label", 1) + self.ctx.size("note") * 0.8
        if self.plot.height() > label * 3:
            self.stretch(lowest, highest, label, self.plot.height())

    def to_ticks(self, step: float) -> list[float]:
        """The ticks of a scale stretched for the values said past the bars' ends: where
        it reaches well below its lowest tick, down to the next, so that the plot ends
        at a gridline over the names under it (at 1.3 a band of 55 px hung under −30,
        the years far below it, trial 32); a little below, it keeps its end. Above the
        highest it keeps its end: the band over it holds the tallest bar's value (a tick
        more there left a fifth of the plot empty, trial 33). Of its step and the next
        finer one, the one that stretches it least (−200 for −59.6 in steps of 100 left
        a third of the plot empty; in steps of 50, −150, trial 35), each step at least
        ``tick_room`` apart (nine ticks in 300 px at 1.3 stood on one another)."""
        low = self.low
        marks = self._ticks_by(step)
        coarse = self.low
        self.low = low
        finer = self._ticks_by(finer_step(step))
        if self.high - self.low < (self.high - coarse) * FINER_SAVES:
            return finer
        self.low = coarse  # (more ticks only where they save the plot a good part)
        return marks

    def _ticks_by(self, step: float) -> list[float]:
        """``to_ticks`` at ``step`` (or coarser, where it makes too many ticks or too
        close ones)."""
        room, low = self.tick_room(), self.low
        while True:
            first = math.ceil(low / step - 1e-9) * step  # (the last ticks inside it)
            last = math.floor(self.high / step + 1e-9) * step
            if first - low > step * OVERSHOOT and (first - low) / (self.high - low) * \
                    self.tick_length() > self.ctx.size("note") * BAND_MOST:
                first -= step  # (a narrow band under the lowest tick is kept: BAND_MOST)
            if round((last - first) / step) <= MOST_TICKS and not (room and step / (
                    self.high - min(first, low)) * self.tick_length() < room):
                break  # (stretched far, fewer ticks: not 14 of them, −100 … 140 by 20,
            step = coarser_step(step)  # at 1.3, trial 33)
        self.low = min(first, low)
        return ticks(first, last, step)

    def tick_room(self) -> float:
        """How far apart ticks stand at least along the scale, in pixels: their number's
        line and a half again."""
        return self.ctx.room("note", 1) * 1.5

    def tick_length(self) -> float:
        """The scale's length in pixels (upright: the plot's height)."""
        return self.plot.height()

    def stretch(self, lowest: float, highest: float, label: float, length: float) -> None:
        """Widen the scale so that ``label`` pixels past the ends of the lowest and the
        highest bar (of a plot ``length`` pixels along its values) stay inside it."""
        per_pixel = (self.high - self.low) / (length - label * ((lowest < 0) + (highest > 0)))
        if lowest < 0 and lowest - label * per_pixel < self.low:
            self.low = lowest - label * per_pixel
        if highest > 0 and highest + label * per_pixel > self.high:
            self.high = highest + label * per_pixel

    def widest_value(self, size: float, unit: str | None = None) -> float:
        """How wide the widest value is written, at ``size`` (with ``unit``; by default
        the chart's)."""
        unit = self.ctx.text(self.chart.unit) if unit is None else unit
        metrics = QFontMetricsF(fonts.font(size, bold=True, tabular=True))
        return max(metrics.horizontalAdvance(self._said(v, unit))
                   for row in self.chart.series for v in row.values)

    def _labels_fit(self, room: float) -> bool:
        """Whether every bar's value fits above it at a size read at 2 m; if not, the
        values are left to a tap (and said so: ``kiosk check`` warns)."""
        self.label_unit = "" if self._unit_said_once() else self.ctx.text(self.chart.unit)
        """The unit the values at the bars' ends are written with: none where the axis
        says it as they would, or where they fit only without it."""
        if self.widest_value(self.ctx.smallest("label"), self.label_unit) <= room:
            return True
        if self.label_unit and self.widest_value(self.ctx.smallest("label"), "") <= room:
            self.label_unit = ""
            return True
        self.ctx.remarks.append("the bars are too narrow for their values (labels: true) at a "
                           "size read at 2 m: they are left out, a tap shows them; fewer "
                           "series or categories make room")
        return False

    def _unit_said_once(self) -> bool:
        """Whether the bars' values leave their unit, a word, to the axis, which says it
        as they would be written with it (24, 11 … and 个属 once, not 24个属 on every
        bar); a sign (%) stays with each number."""
        unit = self.ctx.text(self.chart.unit)
        if not any(char.isalpha() for char in unit) or self.ticks_each or self.axis_by != 1.0:
            return False
        among, step = self.written.among, self.written.step
        by = regrouped(among, unit, self.ctx.language)[0] if among is not None else 1.0
        return by == 1.0 and (step is None or step[0] == 1.0) and self.axis_unit == unit

    def _lines(self) -> None:
        ctx, chart = self.ctx, self.chart
        unit = ctx.text(chart.unit)
        for s, row in enumerate(chart.series):
            color = ctx.palette.series(s)
            xs = np.array([self.x_of(n) for n in range(len(row.values))], dtype=float)
            ys = np.array([self.y_of(v) for v in row.values], dtype=float)
            curve = pg.PlotCurveItem(xs, ys, pen=self._pen(s), antialias=True)
            if chart.area:  # a tint of the line's colour, strongest under the line and
                base = self.y_of(max(self.low, 0.0))  # fading to the axis (a flat tint
                top = float(ys.min()) if len(ys) else base  # over the dark read grey)
                strong = AREA_TINT if len(chart.series) == 1 else AREA_TINT * 0.7
                gradient = QLinearGradient(0, top, 0, base)
                for stop, alpha in ((0.0, strong), (1.0, strong * 0.35)):
                    tint = QColor(color)
                    tint.setAlphaF(alpha)
                    gradient.setColorAt(stop, tint)
                curve.setFillLevel(base)
                curve.setBrush(QBrush(gradient))
            curve.setParentItem(self)
            sizes = self._dot_size(xs)
            dots = pg.ScatterPlotItem(xs, ys, size=sizes, pen=pg.mkPen(None),
                                      brush=pg.mkBrush(color), pxMode=False)
            dots.setParentItem(self)
            self.curves.append(curve)
            for n, value in enumerate(row.values):
                side = ctx.size("label")
                self.marks.append(Mark(QRectF(xs[n] - side / 2, ys[n] - side / 2, side, side),
                                       f"{ctx.text(row.name)} · {ctx.text(chart.categories[n])}",
                                       self._said(value, unit)))

            def draw(p: float, curve: pg.PlotCurveItem = curve, dots: pg.ScatterPlotItem = dots,
                     xs: np.ndarray = xs, ys: np.ndarray = ys, sizes: list[float] = sizes
                     ) -> None:
                # (drawn left to right at an even pace, however far apart its points)
                at = xs[-1] if p >= 1.0 else xs[0] + p * (xs[-1] - xs[0])  # (the last
                # point exactly: rounded below it, its dot was left out, trial 20)
                whole = min(len(xs) - 1, int(np.searchsorted(xs, at, side="right")) - 1)
                reach = whole + ((at - xs[whole]) / (xs[whole + 1] - xs[whole])
                                 if whole < len(xs) - 1 else 0.0)
                px, py = list(xs[: whole + 1]), list(ys[: whole + 1])
                if whole < len(xs) - 1:  # the segment being drawn, part of the way
                    t = reach - whole
                    px.append(xs[whole] + (xs[whole + 1] - xs[whole]) * t)
                    py.append(ys[whole] + (ys[whole + 1] - ys[whole]) * t)
                curve.setData(np.array(px), np.array(py))
                dots.setData(xs[: whole + 1], ys[: whole + 1], size=sizes[: whole + 1])

            self.track(draw)
        if self.named_at_ends:
            self._names()

    def for_print(self) -> None:
        """Each line's area one even tint, for a PDF: its fade of see-through colour was
        filled solid gold by PDF readers, hiding the line and its points (trial 14)."""
        if not self.chart.area:
            return
        for s, curve in enumerate(self.curves):
            tint = QColor(self.ctx.palette.series(s))
            tint.setAlphaF(AREA_TINT * (0.6 if len(self.chart.series) == 1 else 0.45))
            curve.setBrush(QBrush(tint))

    def _dot_size(self, xs: np.ndarray) -> list[float]:
        """The points' dots, one size: as large as a note's letters, but smaller where
        two points stand closer than that (2017 … 2024 on a 75-year axis were one blob,
        trial 16), never smaller than twice the line's thickness."""
        size = self.ctx.size("note") * 0.7
        if len(xs) > 1:
            size = min(size, float(np.min(np.diff(xs))) * 0.8)
        return [max(size, self._pen(0).widthF() * 2.0)] * len(xs)

    def _pen(self, s: int) -> QPen:
        """How series ``s``'s line is drawn: its colour, dashed past the colours everyone
        tells apart."""
        pen = QPen(self.ctx.palette.series(s), max(3.0, self.ctx.height * 0.004))
        pen.setCosmetic(False)
        if s >= self.ctx.palette.apart:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def _names(self) -> None:
        """Each line's name right of its last point, in its colour (in two lines if it
        must), moved apart where two lines end close together."""
        ctx, chart = self.ctx, self.chart
        left = self.plot.right() + ctx.size("label") * 0.5
        ends = sorted((self.y_of(row.values[-1]), s) for s, row in enumerate(chart.series))
        boxes = [ctx.box(self, ctx.text(chart.series[s].name), QRectF(
            left, 0, self.rect().right() - left, ctx.room("label", 2, 1.15)), "label",
            color=ctx.palette.series(s), bold=True, max_lines=2, line_height=1.15)
            for _, s in ends]
        tops: list[float] = []
        for (y, _), box in zip(ends, boxes, strict=True):
            below = tops[-1] + boxes[len(tops) - 1].text_height + 4 if tops else -math.inf
            tops.append(max(y - box.text_height / 2, below))
        overflow = tops[-1] + boxes[-1].text_height - self.plot.bottom()  # (not down
        # among the category names, where a leader line would cross the last of them)
        if overflow > 0:  # the lowest names past the chart: all of them up together
            tops = [top - overflow for top in tops]
        for top, name, (end, s) in zip(tops, boxes, ends, strict=True):
            name.setY(top)
            name.setOpacity(0.0)
            middle = top + min(name.text_height, ctx.room("label", 1)) / 2
            if abs(middle - end) > ctx.size("label") * 0.6:  # moved off its line's end: a
                lead = QGraphicsLineItem(self.plot.right() - self.plot.width() / len(  # line
                    chart.categories) / 2 + ctx.size("note") * 0.5, end,  # to it
                    left - ctx.size("label") * 0.15, middle, self)
                lead.setPen(QPen(ctx.palette.series(s), 1.5))
                lead.setOpacity(0.0)

                def show_lead(p: float, lead: QGraphicsLineItem = lead) -> None:
                    lead.setOpacity(min(1.0, max(0.0, (p - 0.8) / 0.2)))

                self.track(show_lead)

            def appear(p: float, name: TextBox = name) -> None:
                name.setOpacity(min(1.0, max(0.0, (p - 0.8) / 0.2)))

            self.track(appear)
