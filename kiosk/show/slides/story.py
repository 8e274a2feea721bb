"""One story told with data: text and figures beside a visual."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from kiosk.deck.model import StorySlide
from kiosk.show.figure import add_figure
from kiosk.show.slides.base import SlideView
from kiosk.show.visual import add_visual


class StoryView(SlideView):
    """Kicker, headline and body on one side, figures under them, the visual opposite."""

    slide: StorySlide

    def build(self) -> None:
        ctx, area, s = self.ctx, self.ctx.content, self.slide
        if s.visual is None:
            text_rect = area
        elif ctx.portrait:
            visual_rect = QRectF(area.left(), area.top(), area.width(), area.height() * 0.34)
            add_visual(self, s.visual, ctx, visual_rect, self.timeline)
            top = visual_rect.bottom() + ctx.height * 0.03
            text_rect = QRectF(area.left(), top, area.width(), area.bottom() - top)
        else:
            split = area.width() * 0.58
            visual_rect = QRectF(area.left() + split + area.width() * 0.04, area.top(),
                                 area.width() - split - area.width() * 0.04, area.height())
            add_visual(self, s.visual, ctx, visual_rect, self.timeline)
            text_rect = QRectF(area.left(), area.top(), split, area.height())
        y = text_rect.top()
        if s.kicker:
            box = ctx.box(self, ctx.text(s.kicker), QRectF(text_rect.left(), y,
                          text_rect.width(), ctx.size("kicker") * 1.5), "kicker",
                          color=ctx.palette.accent2, max_lines=1)
            y += box.text_height + ctx.size("kicker") * 0.5
        box = ctx.box(self, ctx.text(s.headline), QRectF(text_rect.left(), y, text_rect.width(),
                      ctx.size("title") * 2.5), "title", bold=True, max_lines=2,
                      line_height=1.2)
        y += box.text_height + ctx.size("title") * 0.4
        figures = self._figures(text_rect)
        figures_h = figures.childrenBoundingRect().bottom() if s.figures else 0.0
        if s.body:
            body_h = text_rect.bottom() - y - figures_h - ctx.size("body")
            ctx.box(self, ctx.text(s.body), QRectF(text_rect.left(), y, text_rect.width(),
                    max(body_h, ctx.size("body") * 1.4)), "body", color=ctx.palette.muted,
                    line_height=1.55)
        figures.setPos(0, text_rect.bottom() - figures_h)

    def _figures(self, text_rect: QRectF) -> QGraphicsRectItem:
        """The story's figures in a row, in a block whose top is at y = 0."""
        ctx, s = self.ctx, self.slide
        block = QGraphicsRectItem(self)
        block.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        count = max(1, len(s.figures))
        gap = text_rect.width() * 0.04
        cell = (text_rect.width() - gap * (count - 1)) / count
        for n, figure in enumerate(s.figures):
            rect = QRectF(text_rect.left() + n * (cell + gap), 0, cell, ctx.height / 3)
            _, number = add_figure(block, figure, ctx, rect, size=ctx.size("figure") * 0.8)
            if number.counts:
                self.timeline.add(number.track(n), number.set_progress)
        return block
