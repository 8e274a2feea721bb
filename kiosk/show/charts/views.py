"""Chart kinds to their views.

pyqtgraph (with numpy, 53 MB of resident memory and 0.3 s to import, measured) is
loaded only for the kinds that use it, bar and line; the others are plain Qt items.
"""

from __future__ import annotations

from kiosk.show.charts.base import ChartView
from kiosk.show.charts.compare import CompareView
from kiosk.show.charts.funnel import FunnelView
from kiosk.show.charts.network import NetworkView
from kiosk.show.charts.proportion import ProportionView


def view_class(kind: str) -> type[ChartView]:
    """The view that draws a chart kind."""
    if kind in ("bar", "line"):
        from kiosk.show.charts.series import SeriesView

        return SeriesView
    return {
        "compare": CompareView,
        "funnel": FunnelView,
        "proportion": ProportionView,
        "network": NetworkView,
    }[kind]
