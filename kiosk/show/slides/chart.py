"""A chart with its title and caption."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsRectItem

from kiosk.deck.model import ChartSlide
from kiosk.show.charts import add_chart
from kiosk.show.charts.base import ChartView, drawn_extent
from kiosk.show.slides.base import SlideView

CHART_SHARE = 0.55
"""The share of the content area a chart keeps, whatever its headings."""
CENTRED = frozenset({"funnel", "proportion"})
"""Kinds drawn as a figure with its legend beside it, centred as a group: narrower than
the content, they left its right third empty."""
STEADY = frozenset({"proportion"})
"""Kinds drawn the same in every language whatever room their title leaves them (a
waffle's grid, made for its room's shape, took other columns under a longer title);
others use the room their language leaves (bars in Chinese under a one-line title had
the height of the English three and left their values out)."""
GAP = 0.2
"""Between the header and the chart, this many title sizes: a funnel's widest stage or a
waffle's first row touched the title's rule."""


class ChartSlideView(SlideView):
    """Header, the chart in the rest of the content area, a caption under it."""

    slide: ChartSlide

    def build(self) -> None:
        ctx, area, s = self.ctx, self.ctx.content, self.slide
        top = self.header(s.title, s.subtitle)
        caption_h = ctx.size("note") * 2 + ctx.size("label") if s.caption else 0.0
        # (a caption clear of the axis's numbers, a label's size under them: at 6 px it
        # read as one more of them)
        gap = ctx.size("title") * GAP
        steady = s.chart.kind in STEADY
        room = area.bottom() - (self.lowest_header(s.title, s.subtitle) if steady
                                else top) - caption_h
        rect = QRectF(area.left(), top + gap, area.width() * 0.92, room - gap)
        # (a waffle as tall in every language: a title a line shorter does not redraw
        # its grid; other kinds take the room their language leaves them)
        if room < area.height() * CHART_SHARE:  # the headings take the chart's room in a
            ctx.headings_crowd = True  # language (large type, a long title): them smaller
            # too, in every language
        ctx.headline = " ".join(ctx.text(text) for text in (s.title, s.subtitle) if text)
        view = add_chart(self, s.chart, ctx, rect, self.timeline)
        if s.chart.kind in CENTRED and isinstance(view, ChartView):  # (a figure, its
            drawn = self._widest(view, rect)  # legend beside it: the group in the middle,
            shift = area.center().x() - drawn.center().x()  # not left with a third of
            if shift > 1.0:  # the wall empty at its right)
                view.setPos(view.pos().x() + shift, view.pos().y())
        if s.caption:  # (in the words' colour, not the axis's grey)
            ctx.box(self, ctx.text(s.caption), QRectF(area.left(), area.bottom() - caption_h,
                    area.width(), caption_h), "note", max_lines=2, valign="bottom")

    def _widest(self, view: ChartView, rect: QRectF) -> QRectF:
        """Where ``view``'s marks and words are across, in the slide, widened to where
        they are in the deck's other languages: the group centred as the widest is, one
        place in every language (a donut moved 115 px as its legend's words changed,
        trial 31)."""
        drawn = self.mapRectFromScene(drawn_extent(view))
        for language in self.ctx.deck.languages:
            if language == self.ctx.language:
                continue
            scratch = QGraphicsRectItem()  # (built aside, measured, let go)
            other = add_chart(scratch, self.slide.chart,
                              dataclasses.replace(self.ctx, language=language), rect)
            if isinstance(other, ChartView):
                there = drawn_extent(other)
                drawn.setLeft(min(drawn.left(), there.left()))
                drawn.setRight(max(drawn.right(), there.right()))
        return drawn
