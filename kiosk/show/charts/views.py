"""Chart kinds to their views.

pyqtgraph (with numpy, 53 MB of resident memory and 0.3 s to import, measured) is
loaded only for the kinds that use it, bar and line; the others are plain Qt items.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.show.charts.base import ChartView
from kiosk.show.charts.compare import CompareView
from kiosk.show.charts.funnel import FunnelView
from kiosk.show.charts.network import NetworkView
from kiosk.show.charts.proportion import ProportionView

ViewMaker = Callable[..., ChartView]
"""Makes a chart's view: (chart, ctx, rect, parent)."""


def view_class(kind: str) -> ViewMaker:
    """What makes the view that draws a chart kind (bars upright or across: the screen
    decides, ``series_view``)."""
    if kind in ("bar", "line"):
        from kiosk.show.charts.across import series_view

        return series_view
    return {
        "compare": CompareView,
        "funnel": FunnelView,
        "proportion": ProportionView,
        "network": NetworkView,
    }[kind]
