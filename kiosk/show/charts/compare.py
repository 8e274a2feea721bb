"""Before/after pairs: two bars per measure, each measure on its own scale."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from kiosk.deck.model import CompareChart, ComparePair
from kiosk.deck.numbers import decimals_of, format_number
from kiosk.show.context import SlideContext


class CompareView(QGraphicsRectItem):
    """A legend, then one row per item: label, the earlier and the later bar, values."""

    def __init__(self, chart: CompareChart, ctx: SlideContext, rect: QRectF,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(rect, parent)
        self.setPen(Qt.PenStyle.NoPen)
        self.chart, self.ctx = chart, ctx
        self.bars: list[tuple[QGraphicsRectItem, float]] = []
        """Every bar with the value it stands for."""
        legend_h = ctx.size("label") * 1.8
        self._legend(QRectF(rect.left(), rect.top(), rect.width(), legend_h))
        rows = len(chart.items)
        row_h = (rect.height() - legend_h) / rows
        for n, item in enumerate(chart.items):
            self._row(item, QRectF(rect.left(), rect.top() + legend_h + n * row_h,
                                   rect.width(), row_h))

    def _legend(self, rect: QRectF) -> None:
        ctx = self.ctx
        swatch = ctx.size("label") * 0.7
        x = rect.left()
        for text, color in ((ctx.text(self.chart.before_label), self._before_colour()),
                            (ctx.text(self.chart.after_label), ctx.palette.accent)):
            box = QGraphicsRectItem(x, rect.top() + swatch * 0.3, swatch, swatch, self)
            box.setBrush(color)
            box.setPen(Qt.PenStyle.NoPen)
            label = ctx.box(self, text, QRectF(x + swatch * 1.5, rect.top(), rect.width() / 3,
                            ctx.size("label") * 1.4), "label", color=ctx.palette.muted,
                            max_lines=1)
            x += swatch * 1.5 + label.text_width + swatch * 2

    def _before_colour(self) -> QColor:
        c = QColor(self.ctx.palette.muted)
        c.setAlphaF(0.7)
        return c

    def _row(self, item: ComparePair, rect: QRectF) -> None:
        ctx = self.ctx
        label_w = rect.width() * 0.3
        ctx.box(self, ctx.text(item.label), QRectF(rect.left(), rect.top(), label_w * 0.95,
                rect.height() * 0.8), "label", bold=True, valign="center", max_lines=2)
        values = [v for v in (item.before, item.after) if v is not None]
        top = max(values) or 1.0
        bar_h = min(rect.height() * 0.26, ctx.size("label") * 1.6)
        value_w = ctx.size("label") * 6
        track = rect.width() - label_w - value_w
        unit = ctx.text(item.unit)
        y = rect.top() + rect.height() * 0.4 - bar_h - bar_h * 0.1
        for value, color in ((item.before, self._before_colour()),
                             (item.after, ctx.palette.accent)):
            if value is not None:
                width = max(2.0, track * value / top)
                bar = QGraphicsRectItem(rect.left() + label_w, y, width, bar_h, self)
                bar.setBrush(color)
                bar.setPen(Qt.PenStyle.NoPen)
                self.bars.append((bar, value))
                text = format_number(value, decimals_of(value), ctx.language)
                suffix = unit if unit in ("%", "") else f" {unit}"
                ctx.box(self, f"{text}{suffix}", QRectF(rect.left() + label_w + width + 12, y,
                        value_w + track - width, bar_h), "label", color=ctx.palette.text,
                        valign="center", max_lines=1, tabular=True)
            y += bar_h * 1.2
        if item.note:
            ctx.box(self, ctx.text(item.note), QRectF(rect.left() + label_w, y + bar_h * 0.1,
                    track, ctx.size("note") * 1.5), "note", color=ctx.palette.accent2,
                    max_lines=1)
