"""One story told with data: text and figures beside a visual."""

from __future__ import annotations

import dataclasses
import functools

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from kiosk.deck.charts import SeriesChart
from kiosk.deck.model import ChartVisual, ImageVisual, StorySlide, VideoVisual
from kiosk.show.context import OPTICAL_MIDDLE, SlideContext
from kiosk.show.figure import SMALL, add_figure, common_size, numbers_height
from kiosk.show.photo import natural_size
from kiosk.show.slides.base import SlideView
from kiosk.show.visual import add_visual

FIGURES_SHARE = 0.32
"""The figures of a story take at most this share of its text column's height."""
LOOSE = 3.0
"""Figures further than this many lines of body under a story's words go right under
them (pinned to the foot, they stood apart from the words they belong to)."""
WIDE_SPLIT = 0.5
"""Where a story's words end on a wall, as a share of its room, beside a film or a photo
wider than tall (WIDE of its height or more): beside a 16:9 film at 0.58, the film was a
third of the wall, 150 px of nothing between it and the words (trials 24, 25)."""
WIDE = 1.2
MANY_BARS = 8
"""...and beside a bar or line chart of this many categories or more."""
SHORT_VISUAL = 0.8
"""A visual (a photo whole in its column) shorter than this share of the column has the
story's words, and its figures right under them, centred on it."""


class StoryView(SlideView):
    """Kicker, headline and body on one side, figures under them, the visual opposite."""

    slide: StorySlide

    def build(self) -> None:
        ctx, area, s = self.ctx, self.ctx.content, self.slide
        if s.visual is None:
            self._text(area, packed=False)
        elif ctx.portrait:  # the text as tall as it needs, under it, the visual takes the rest
            gap = ctx.height * 0.03
            room = QRectF(area.left(), 0, area.width(), area.height() * 0.6)
            text = self._text(room, packed=True)
            height = max(self._text(room, packed=True, ctx=dataclasses.replace(
                ctx, language=language)).childrenBoundingRect().bottom()
                for language in dict.fromkeys([ctx.language, *ctx.deck.languages]))
            # (the visual as large in every language: words a line longer in English
            # made the photo smaller than in Chinese)
            charted = getattr(s.visual, "kind", "") == "chart"  # (a chart under the words
            # that say what it shows: over them, its title and legend were read before
            # the headline, trial 23; a picture over them, as a magazine sets it)
            visual_rect = QRectF(area.left(), area.top() + (height + gap if charted else 0),
                                 area.width(), area.height() - height - gap)
            add_visual(self, s.visual, ctx, visual_rect, self.timeline)
            text.setPos(0, area.top() if charted else visual_rect.bottom() + gap)
        else:
            split = area.width() * (WIDE_SPLIT if self._wide_visual else 0.58)
            visual_rect = QRectF(area.left() + split + area.width() * 0.04, area.top(),
                                 area.width() - split - area.width() * 0.04, area.height())
            visual = add_visual(self, s.visual, ctx, visual_rect, self.timeline)
            drawn = visual.mapRectToParent(visual.boundingRect()).united(
                visual.mapRectToParent(visual.childrenBoundingRect())) \
                .intersected(visual_rect)
            column = QRectF(area.left(), area.top(), split, area.height())
            short = ctx.height * 0.1 < drawn.height() < area.height() * SHORT_VISUAL
            text = self._text(column, packed=short)
            if short:  # (a photo shorter than the column: the words, the figures right
                used = text.mapRectToParent(text.childrenBoundingRect())  # under them,
                top = drawn.center().y() - used.height() / 2  # beside it, centred on it,
                top = min(max(top, area.top()), area.bottom() - used.height())  # not hung
                text.moveBy(0, top - used.top())  # at the top with figures at the foot)

    @functools.cached_property
    def _wide_visual(self) -> bool:
        """Whether its visual is a film, a photo wider than tall or a chart of many bars
        (WIDE_SPLIT): worked out once, not at each build of the search for a size that
        fits (a photo's header read again each time)."""
        visual = self.slide.visual
        if isinstance(visual, VideoVisual):
            return True
        if isinstance(visual, ImageVisual):
            natural = natural_size(self.ctx.assets.get(visual.src))
            return natural.isValid() and natural.width() >= natural.height() * WIDE
        if isinstance(visual, ChartVisual) and isinstance(visual.chart, SeriesChart):
            return len(visual.chart.categories) >= MANY_BARS  # (13 bars in a third of
        return False  # the wall, 10 px thick, their values against the next row, t. 26)

    def _text(self, rect: QRectF, *, packed: bool,
              ctx: SlideContext | None = None) -> QGraphicsRectItem:
        """Kicker, headline, body and figures inside ``rect``, in a block of their own:
        the figures at the bottom of ``rect``, or right under the body when ``packed``
        (with another ``ctx``: only measured, in another language)."""
        s = self.slide
        ctx = ctx or self.ctx
        block = QGraphicsRectItem(self if ctx is self.ctx else None)
        block.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        y = rect.top()
        if s.kicker:
            box = ctx.box(block, ctx.text(s.kicker), QRectF(rect.left(), y, rect.width(),
                          ctx.size("kicker") * 1.5), "kicker", color=ctx.palette.accent2,
                          max_lines=1)
            y += box.text_height + ctx.size("kicker") * 0.5
        lines = 3
        box = ctx.box(block, ctx.text(s.headline), QRectF(rect.left(), y, rect.width(),
                      ctx.room("title", lines, 1.2)), "title", bold=True, max_lines=lines,
                      line_height=1.2)
        y += box.text_height + ctx.size("title") * 0.4
        figures = self._figures(rect, block, ctx)
        figures_h = figures.childrenBoundingRect().bottom() if s.figures else 0.0
        if s.body:
            body_h = rect.bottom() - y - figures_h - ctx.size("body")
            body = ctx.box(block, ctx.text(s.body), QRectF(rect.left(), y, rect.width(),
                           max(body_h, ctx.size("body") * 1.4)), "body",
                           color=ctx.palette.muted, line_height=1.55)
            y += body.text_height + ctx.size("body")
        loose = s.figures and rect.bottom() - figures_h - y > ctx.size("body") * LOOSE
        if packed or loose:  # (figures far under short words: right under them, the
            y += ctx.size("body") * 0.6 if loose and not packed else 0.0  # block a
            figures.setPos(0, y)  # little above the middle; 140余年 stood 300 px
            y += figures_h  # under its words at the foot)
        else:
            figures.setPos(0, rect.bottom() - figures_h)
        if not packed and (loose or not s.figures):  # words alone (or with their figures
            block.setPos(0, max(0.0, rect.bottom() - y) * OPTICAL_MIDDLE)  # a little above
        return block  # the middle, not hung at the top

    def _figures(self, text_rect: QRectF, parent: QGraphicsItem,
                 ctx: SlideContext) -> QGraphicsRectItem:
        """The story's figures in a row, in a block whose top is at y = 0."""
        s = self.slide
        block = QGraphicsRectItem(parent)
        block.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        count = max(1, len(s.figures))
        gap = text_rect.width() * 0.04
        cell = (text_rect.width() - gap * (count - 1)) / count
        # The numbers no taller than a share of the column: the words of the story keep
        # their size (numbers too big for it would have the whole slide made smaller).
        room = text_rect.height() * FIGURES_SHARE - ctx.room("label", 2)
        size, stack = common_size(s.figures, ctx, cell, ctx.size("figure") * 0.8)
        line = 1.45 + (SMALL * 1.4 if stack else 0.0)  # (a number's line, and its unit's)
        if size * line > room:  # (never smaller than at the default type scale: a
            default = ctx.size("figure") * 0.8 / max(1.0, ctx.theme.type_scale)  # larger
            size, stack = common_size(s.figures, ctx, cell, max(  # one asked for is not
                room / line, ctx.size("body") * 1.6, default))  # met with smaller numbers)
        tallest = numbers_height(s.figures, ctx, cell, size, stack)
        for n, figure in enumerate(s.figures):
            rect = QRectF(text_rect.left() + n * (cell + gap), 0, cell, ctx.height / 3)
            _, number = add_figure(block, figure, ctx, rect, size=size, stack=stack,
                                   number_h=tallest)
            if number.counts and ctx is self.ctx:
                self.timeline.add(number.track(n), number.set_progress)
        return block
