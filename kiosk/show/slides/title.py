"""The opening and closing slides: a big title, centred."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem

from kiosk.deck.model import ClosingSlide, TitleSlide
from kiosk.deck.text import Text
from kiosk.show.slides.base import SlideView

PORTRAIT_LINES = 5
"""Lines an opening or closing title may take on a totem where in three it would be set
below PORTRAIT_SMALLEST of its size (three on a wall): a long English title in three was
set at half its size, the smallest title of the deck (trial 18)."""
PORTRAIT_SMALLEST = 0.8


class TitleView(SlideView):
    """Kicker, title, a rule, subtitle and byline, centred on the stage as one block."""

    slide: TitleSlide | ClosingSlide
    HEADLINED = True

    def source_text(self) -> str:
        """The slide's own source only: the deck's is of its figures, and under the show's
        opening or closing title it read as the title's (trial 11)."""
        return self.ctx.text(self.slide.source)

    def build(self) -> None:
        ctx, area, s = self.ctx, self.ctx.content, self.slide
        p = ctx.palette
        kicker = getattr(s, "kicker", None)
        byline = getattr(s, "byline", None) or getattr(s, "body", None)
        width = area.width() * (0.86 if not ctx.portrait else 1.0)
        left = area.left() + (area.width() - width) / 2
        placed: list[tuple[QGraphicsItem, float]] = []
        y = 0.0

        def add(text: Text | None, role: str, color: QColor, bold: bool, lines: int,
                most: int | None = None) -> None:
            """``text`` in ``lines``, or up to ``most`` where in ``lines`` it would be set
            below PORTRAIT_SMALLEST of its size."""
            nonlocal y
            if not text:
                return
            size = ctx.size(role)
            box = ctx.box(None, ctx.text(text), QRectF(left, 0, width, ctx.room(role, lines, 1.2)),
                          role, color=color, bold=bold, align="center", max_lines=lines,
                          line_height=1.2, balance=True)
            if most is not None and box.font_size < size * PORTRAIT_SMALLEST:
                box = ctx.box(None, ctx.text(text), QRectF(left, 0, width, ctx.room(
                    role, most, 1.2)), role, color=color, bold=bold, align="center",
                    max_lines=most, line_height=1.2, balance=True)
            box.setParentItem(self)
            placed.append((box, y))
            y += box.text_height + size * 0.5

        add(kicker, "kicker", p.accent2, False, 2)
        add(s.title, "hero", p.text, True, 3, PORTRAIT_LINES if ctx.portrait else None)
        mid, half = ctx.width / 2, ctx.size("hero") * 0.9
        rule = QGraphicsLineItem(mid - half, 0, mid + half, 0, self)
        rule.setPen(QPen(p.accent, max(3.0, ctx.height * 0.004)))
        placed.append((rule, y + ctx.size("hero") * 0.3))
        y += ctx.size("hero") * 0.7
        add(s.subtitle, "subtitle", p.text, False, 2, 3 if ctx.portrait else None)
        add(byline, "label", p.muted, False, 3)
        ctx.needs(area.height(), y)  # (taller than its room: the slide, smaller)
        top = area.top() + max(0.0, (area.height() - y) / 2)
        for item, offset in placed:
            item.setPos(0 if item is rule else left, top + offset)
