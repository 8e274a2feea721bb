"""Chart kinds to their views."""

from __future__ import annotations

import pyqtgraph as pg

from kiosk.show.charts.base import ChartView
from kiosk.show.charts.compare import CompareView
from kiosk.show.charts.funnel import FunnelView
from kiosk.show.charts.network import NetworkView
from kiosk.show.charts.proportion import ProportionView
from kiosk.show.charts.series import SeriesView

pg.setConfigOptions(antialias=True)

VIEWS: dict[str, type[ChartView]] = {
    "compare": CompareView,
    "bar": SeriesView,
    "line": SeriesView,
    "funnel": FunnelView,
    "proportion": ProportionView,
    "network": NetworkView,
}
