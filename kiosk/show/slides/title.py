"""The opening and closing slides: a big title, centred."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem

from kiosk.deck.model import ClosingSlide, TitleSlide
from kiosk.show.slides.base import SlideView


class TitleView(SlideView):
    """Kicker, title, a rule, subtitle and byline, centred on the stage."""

    slide: TitleSlide | ClosingSlide

    def build(self) -> None:
        ctx, area, s = self.ctx, self.ctx.content, self.slide
        kicker = getattr(s, "kicker", None)
        byline = getattr(s, "byline", None) or getattr(s, "body", None)
        boxes = []
        if kicker:
            boxes.append((ctx.text(kicker), "kicker", ctx.palette.accent2, False, 2))
        boxes.append((ctx.text(s.title), "hero", ctx.palette.text, True, 3))
        boxes.append(("rule", "", None, False, 0))
        if s.subtitle:
            boxes.append((ctx.text(s.subtitle), "subtitle", ctx.palette.text, False, 2))
        if byline:
            boxes.append((ctx.text(byline), "label", ctx.palette.muted, False, 3))
        width = area.width() * (0.86 if not ctx.portrait else 1.0)
        left = area.left() + (area.width() - width) / 2
        placed = []
        y = 0.0
        for text, role, color, bold, lines in boxes:
            if text == "rule":
                placed.append(("rule", y))
                y += ctx.size("hero") * 0.7
                continue
            size = ctx.size(role)
            box = ctx.box(self, text, QRectF(left, 0, width, size * 1.25 * lines), role,
                          color=color, bold=bold, align="center", max_lines=lines,
                          line_height=1.2)
            placed.append((box, y))
            y += box.text_height + size * 0.5
        top = area.top() + max(0.0, (area.height() - y) / 2)
        for item, offset in placed:
            if item == "rule":
                mid = ctx.width / 2
                rule = QGraphicsLineItem(mid - ctx.size("hero") * 0.9, 0,
                                         mid + ctx.size("hero") * 0.9, 0, self)
                rule.setPen(QPen(ctx.palette.accent, max(3.0, ctx.height * 0.004)))
                rule.setPos(0, top + offset + ctx.size("hero") * 0.3)
            else:
                item.setPos(left, top + offset)
