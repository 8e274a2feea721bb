"""Chart views, one module per chart kind (pyqtgraph is imported with the first chart)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.deck.charts import ChartBase
from kiosk.play.timeline import Timeline
from kiosk.show.context import SlideContext


def add_chart(parent: QGraphicsItem, chart: ChartBase, ctx: SlideContext, rect: QRectF,
              timeline: Timeline | None = None) -> QGraphicsItem:
    """The chart drawn inside ``rect``, its animations added to ``timeline``.

    A slide short of room may give a chart no room at all (a very narrow screen with a
    wide safe area, large type): it gets at least a pixel, and the slide, finding its
    items beyond the safe area, is built again with smaller type."""
    from kiosk.show.charts.views import view_class

    rect = QRectF(rect.left(), rect.top(), max(1.0, rect.width()), max(1.0, rect.height()))
    if chart.title:  # (its own heading, over it: what a chart beside a story shows)
        heading = ctx.box(parent, ctx.text(chart.title), QRectF(
            rect.left(), rect.top(), rect.width(), ctx.room("label", 2, 1.2)), "label",
            bold=True, color=ctx.palette.muted, max_lines=2, line_height=1.2)
        below = heading.text_height + ctx.size("label") * 0.6
        rect = QRectF(rect.left(), rect.top() + below, rect.width(),
                      max(1.0, rect.height() - below))
    view = view_class(chart.kind)(chart, ctx, rect, parent)  # type: ignore[attr-defined]
    view.even_values()
    if timeline is not None:
        for track, apply in view.tracks:
            timeline.add(track, apply)
    return view
