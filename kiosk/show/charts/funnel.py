"""Steps that narrow: e.g. needs and solutions collected, then cooperations achieved."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPolygonItem

from kiosk.deck.charts import FunnelChart, FunnelStage
from kiosk.show import fonts
from kiosk.show.charts.base import ChartView, CountLabel, Mark, shown, staggered, value_text
from kiosk.show.context import SlideContext
from kiosk.show.theme import texture

LABELS_MOST = 0.6
"""The values and labels beside a funnel take at most this share of its width."""
BESIDE_MOST = 0.6
"""Labels beside their values take at most this share of a funnel's width."""
MIN_SHARE = 0.02  # the narrowest stage (but one of 0) keeps this share of the width: seen,
# and hardly more than it is (0.12 drew 180 of 24,000 as wide as 3,600 nearly)


WIDENED = {"zh": "斜纹：按比例过窄，已放宽绘制以便看见",
           "en": "Striped: too narrow to draw to scale, drawn wider to be seen"}


def striped(colour: QColor, background: QColor) -> QBrush:
    """``colour`` with stripes of ``background`` over it: a band not drawn to scale."""
    return QBrush(texture(colour.name(), background.name(), 0))


class FunnelView(ChartView):
    """One trapezoid per stage, as wide as its value, with the value and label beside."""

    chart: FunnelChart

    def _label_width(self, width: float, widest: float) -> float:
        """The room beside the funnel for its values and labels: 42 % of the chart, or as
        much more (up to LABELS_MOST) as its ``widest`` value asks at its size (at a
        larger type scale a value was made smaller than the label under it, to fit)."""
        return min(width * LABELS_MOST, max(width * 0.42, widest + self.ctx.size("label")
                                            * 1.2))

    def _said(self, stage: FunnelStage) -> str:
        """A stage's value as written beside it: in the magnitude of its fellows."""
        unit = self.ctx.text(stage.unit or self.chart.unit)
        written = self.written[unit]
        return value_text(shown(stage.value, self.factor), self.ctx, unit, stage.qualifier,
                          among=written.among, step=written.step)

    def __init__(self, chart: FunnelChart, ctx: SlideContext, rect: QRectF,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(chart, ctx, rect, parent)
        self.written = self.written_alike([(shown(s.value, self.factor),
                                            ctx.text(s.unit or chart.unit))
                                           for s in chart.stages])
        """How the stages' values are written, for each of their units (0.9万 beside
        1.6万人, not 9000人)."""
        self.shapes: list[QGraphicsPolygonItem] = []
        count = len(chart.stages)
        metrics = QFontMetricsF(fonts.font(ctx.size("heading"), bold=True, tabular=True))
        value_w = max(metrics.horizontalAdvance(self._said(s)) for s in chart.stages)
        label_w = self._label_width(rect.width(), value_w)
        named = QFontMetricsF(fonts.font(ctx.size("label")))
        one_line = ctx.size("label") * 1.6 + value_w + max(
            named.horizontalAdvance(ctx.text(s.label)) for s in chart.stages) + 2
        stacked = ctx.size("heading") * 1.2 + ctx.room("label", 1) + ctx.size("label") * 0.5
        if stacked > rect.height() * 0.9 / count and one_line <= rect.width() * BESIDE_MOST:
            label_w = max(label_w, one_line)  # (rows too low for a value over its label:
            # room for each beside its value, on one line)
        area = QRectF(rect.left(), rect.top(), rect.width() - label_w, rect.height())
        top = max(s.value for s in chart.stages) or 1.0
        widths = [area.width() * (max(MIN_SHARE, s.value / top) if s.value else 0.0)
                  for s in chart.stages]  # nothing is drawn for nothing
        self.widened = [0 < s.value / top < MIN_SHARE * 0.75 for s in chart.stages]
        """Stages drawn wider than their share (to be seen at all): striped, and said."""
        small = sorted({s.value for s, wide in zip(chart.stages, self.widened, strict=True)
                        if wide})
        for n, (stage, wide) in enumerate(zip(chart.stages, self.widened, strict=True)):
            if wide and len(small) > 1:  # (in their order, narrower than any drawn to
                rank = small.index(stage.value) / (len(small) - 1)  # scale: 50, 18 and 1
                widths[n] = area.width() * MIN_SHARE * (0.5 + 0.25 * rank)  # of 2,500 were
                # one width, trial 26)
        if any(self.widened):
            note = ctx.box(self, WIDENED.get(ctx.language[:2], WIDENED["en"]), QRectF(
                rect.left(), rect.bottom() - ctx.room("note", 2), area.width(),
                ctx.room("note", 2)), "note", color=ctx.palette.muted, max_lines=2,
                valign="bottom")
            rect = QRectF(rect.left(), rect.top(), rect.width(),
                          rect.height() - note.text_height - ctx.size("note") * 0.6)
        gap = rect.height() * 0.03
        label_room = label_w - ctx.size("label")
        wanted = max(ctx.lines(ctx.text(s.label), label_room, "label") for s in chart.stages)
        lines = min(2, wanted)
        room = (rect.height() - gap * (count - 1)) / count
        if wanted > 2 and ctx.size("heading") * 1.2 + ctx.room("label", 3) + ctx.size(
                "label") * 0.5 <= room:  # (a long label in three lines where rows are tall)
            lines = 3
        block = ctx.size("heading") * 1.2 + ctx.room("label", lines)
        """A stage's value and its label, one under the other: each pair kept apart from
        the next by at least half a line (they ran together at a large type scale)."""
        beside_w = label_room - value_w - ctx.size("label") * 0.6
        beside_lines = max(ctx.lines(ctx.text(s.label), beside_w, "label")
                           for s in chart.stages) if beside_w > 0 else 3
        beside = block + ctx.size("label") * 0.5 > room and beside_lines <= 2
        """Many stages, rows too low for a value over its label: each label beside its
        value, in a line or two (six stages made the whole slide's type smaller)."""
        if beside:
            block = max(ctx.room("heading", 1), ctx.room("label", beside_lines))
        step = ctx.needs((rect.height() - gap * (count - 1)) / count,
                         block + ctx.size("label") * (0.3 if beside else 0.5))
        self.final_widths = widths
        for n, stage in enumerate(chart.stages):
            y = rect.top() + n * (step + gap)
            upper = widths[n]
            lower = widths[n + 1] if n + 1 < count else widths[n]  # (the last narrows to
            shape = QGraphicsPolygonItem(self)  # nothing the data says: trial 15 read a loss)
            colour = QColor(ctx.palette.accent2 if n < count - 1 else ctx.palette.accent)
            # (one colour for the stages, the last, what comes out, in the accent: teal and
            # gold taking turns meant nothing, trial 15)
            shape.setBrush(striped(colour, ctx.palette.background) if self.widened[n]
                           else colour)
            shape.setPen(Qt.PenStyle.NoPen)
            self.shapes.append(shape)
            centre = area.center().x()
            unit = ctx.text(stage.unit or chart.unit)
            value = CountLabel(shown(stage.value, self.factor), ctx, unit=unit,
                               among=self.written[unit].among, step=self.written[unit].step,
                               qualifier=stage.qualifier, decimals=self.decimals_for(
                                   [shown(s.value, self.factor) for s in chart.stages],
                                   source=stage.value),
                               role="heading", color=ctx.palette.accent,
                               max_width=label_w - ctx.size("label"), parent=self)
            pair = y + max(0.0, (step - block) / 2)  # (the pair in the middle of its row)
            left = area.right() + ctx.size("label")
            if beside:
                value.setPos(left, y + step / 2)
                after = left + value_w + ctx.size("label") * 0.6
                ctx.box(self, ctx.text(stage.label), QRectF(
                    after, y, rect.right() - after, step), "label", valign="center",
                    color=ctx.palette.muted, max_lines=beside_lines)
            else:
                value.setPos(left, pair + ctx.size("heading") * 0.6)
                ctx.box(self, ctx.text(stage.label), QRectF(left, pair + ctx.size(
                    "heading") * 1.2, label_room, ctx.room("label", lines)), "label",
                    color=ctx.palette.muted,
                    max_lines=lines)  # (lines rather than smaller than its neighbours)
            self.marks.append(Mark(QRectF(centre - upper / 2, y, upper, step),
                                   ctx.text(stage.label),
                                   self._said(stage)))

            def grow(p: float, shape: QGraphicsPolygonItem = shape, upper: float = upper,
                     lower: float = lower, y: float = y, centre: float = centre,
                     value: CountLabel = value, n: int = n) -> None:
                k = staggered(p, n, count)
                u, w = upper * k / 2, lower * k / 2
                shape.setPolygon(QPolygonF([QPointF(centre - u, y), QPointF(centre + u, y),
                                            QPointF(centre + w, y + step),
                                            QPointF(centre - w, y + step)]))
                value.set_progress(k)

            self.track(grow)
