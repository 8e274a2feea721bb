"""Chart views, one module per chart kind."""

from __future__ import annotations

import logging

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.deck.model import CompareChart
from kiosk.show.context import SlideContext

log = logging.getLogger(__name__)


def add_chart(parent: QGraphicsItem, chart: object, ctx: SlideContext, rect: QRectF
              ) -> QGraphicsItem:
    """The chart drawn inside ``rect``."""
    if isinstance(chart, CompareChart):
        from kiosk.show.charts.compare import CompareView

        view = CompareView(chart, ctx, rect, parent)
        return view
    from kiosk.show.visual import placeholder

    log.warning("chart kind %r is not drawn yet: showing a placeholder",
                getattr(chart, "kind", "?"))
    return placeholder(parent, ctx, rect)
