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
    view = view_class(chart.kind)(chart, ctx, rect, parent)  # type: ignore[attr-defined]
    view.even_values()
    if timeline is not None:
        for track, apply in view.tracks:
            timeline.add(track, apply)
    return view
