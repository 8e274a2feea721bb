"""When what moves on a slide starts and ends: one rule for the show and for ``check``."""

from __future__ import annotations

from kiosk.deck.charts import ChartBase, CompareChart
from kiosk.deck.model import ChartSlide, ChartVisual, Figure, SlideBase

COUNT_DURATION = 1.6  # seconds: between DataV's 0.8 s flop and countUp.js's 2 s
COUNT_DELAY = 0.25
COUNT_STAGGER = 0.15  # between the figures of one slide
CHART_DELAY = 0.3
CHART_DURATION = 1.5
ROW_STAGGER = 0.12  # of the chart's duration, between the rows of a compare chart


def figure_timing(figure: Figure, index: int) -> tuple[float, float]:
    """Delay and duration of a figure's count-up, the ``index``-th of its slide."""
    delay = figure.delay if figure.delay is not None else COUNT_DELAY + COUNT_STAGGER * index
    return delay, figure.duration or COUNT_DURATION


def chart_timing(chart: ChartBase) -> tuple[float, float]:
    """Delay and duration of a chart's entry."""
    return (chart.delay if chart.delay is not None else CHART_DELAY,
            chart.duration or CHART_DURATION)


def motion_end(slide: SlideBase) -> float:
    """Seconds after a slide appears when the last of its animations ends."""
    ends = [sum(figure_timing(f, n)) for n, f in enumerate(getattr(slide, "figures", []))]
    chart = slide.chart if isinstance(slide, ChartSlide) else None
    visual = getattr(slide, "visual", None)
    if isinstance(visual, ChartVisual):
        chart = visual.chart
    if chart is not None:
        delay, duration = chart_timing(chart)
        rows = len(chart.items) if isinstance(chart, CompareChart) else 1
        ends.append(delay + duration * (1 + ROW_STAGGER * (rows - 1)))
    return max(ends, default=0.0)
