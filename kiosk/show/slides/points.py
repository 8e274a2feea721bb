"""A titled set of short points, as cards."""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from kiosk.deck.model import PointItem, PointsSlide
from kiosk.show.context import OPTICAL_MIDDLE
from kiosk.show.motifs import Motif
from kiosk.show.slides.base import SlideView
from kiosk.show.textbox import TextBox

DETAIL_LINES = 4
"""A point's detail takes up to this many lines; its card grows for them."""
TOTEM_SPARE = 0.15
"""On a totem, cards that leave more than this share of the room under the title free
are set larger..."""
TOTEM_GROWTH = (1.3, 1.2, 1.1)
"""...at the largest of these times their size..."""
TOTEM_AIR = 0.1
"""...that leaves this share of the room free."""
HEADING_OVER_DETAIL = 1.15
"""A card's heading is at least this much larger than its detail: a third line for it
rather than a heading smaller than what it heads (type scale 1.3, in English)."""


class PointsView(SlideView):
    """Header, then one card per point: an optional motif, a heading and a detail."""

    slide: PointsSlide

    def build(self) -> None:
        ctx, area = self.ctx, self.ctx.content
        top = self.header(self.slide.title, self.slide.subtitle)
        before = set(self.childItems())
        room = area.bottom() - top
        if self._cards(top, 1.0) <= room * TOTEM_SPARE or not ctx.portrait:
            return
        # (on a totem, a column of cards under the title and 40 % of the screen empty
        # under them, their details at the smallest size, trial 40: larger, while the
        # room lasts in every language, so that a visitor who switches sees one size)
        cramped = ctx.cramped

        def clear() -> None:
            for item in set(self.childItems()) - before:
                item.setParentItem(None)  # type: ignore[arg-type]  # Qt takes None

        def free(grow: float, language: str) -> float:
            clear()  # (tried in a copy of its context: what the try notes is dropped)
            self.ctx = dataclasses.replace(ctx, language=language)
            try:
                return self._cards(top, grow)
            finally:
                self.ctx = ctx

        languages = dict.fromkeys([ctx.language, *ctx.deck.languages])
        grow = next((grow for grow in TOTEM_GROWTH if all(
            free(grow, language) >= room * TOTEM_AIR for language in languages)), 1.0)
        clear()
        ctx.cramped = cramped
        self._cards(top, grow)

    def _cards(self, top: float, grow: float) -> float:
        """The cards under ``top``, their words ``grow`` times their roles' size: the
        height left free under them."""
        ctx, area, s = self.ctx, self.ctx.content, self.slide
        count = len(s.points)
        columns = 1 if ctx.portrait or count <= 2 else 2 if count <= 4 else 3
        if count == 3 and not ctx.portrait:
            columns = 3
        rows = math.ceil(count / columns)
        gap = ctx.width * 0.018
        cell_w = (area.width() - gap * (columns - 1)) / columns
        cell_h = (area.bottom() - top - gap * (rows - 1)) / rows
        border = QColor(ctx.palette.muted)
        border.setAlphaF(0.25)
        heading_size, detail_size = ctx.size("heading") * grow, ctx.size("detail") * grow
        pad = heading_size * 0.7
        built: list[tuple[int, float, list[QGraphicsItem], QGraphicsRectItem,
                          QGraphicsRectItem]] = []
        inner_w = cell_w - pad * 2.3
        icon_side = min(cell_h - pad * 2, heading_size * 2.2)

        def room(role: str, lines: int, line_height: float) -> float:
            return ctx.room(role, lines, line_height) * grow

        def fitted(point: PointItem, lines: int) -> float:
            width = inner_w - (icon_side + pad if point.icon else 0.0)
            return TextBox(ctx.text(point.heading), width, room("heading", lines, 1.2),
                           size=heading_size, smallest=ctx.smallest("heading"),
                           bold=True, max_lines=lines, line_height=1.2,
                           color=QColor()).font_size

        heading_lines = 2
        common = min(fitted(point, heading_lines) for point in s.points)
        """Every card's heading at one size (one made smaller to fit made the others
        look larger than it: 30 px beside 42)..."""
        if common < detail_size * HEADING_OVER_DETAIL:  # ...and larger than the
            heading_lines = 3  # details under it: a third line rather than smaller
            common = min(fitted(point, heading_lines) for point in s.points)
        on_last = count - (rows - 1) * columns  # (cards on the last row)
        firsts: list[tuple[int, QRectF, QRectF, float, TextBox, QGraphicsRectItem,
                           QGraphicsRectItem, list[QGraphicsItem], PointItem]] = []
        for n, point in enumerate(s.points):
            row, col = divmod(n, columns)
            width = cell_w if row < rows - 1 else (area.width() - gap * (on_last - 1)) / on_last
            cell = QRectF(area.left() + col * (width + gap), top + row * (cell_h + gap),
                          width, cell_h)  # (a last row of fewer cards spans the row: no
            # hole where a card is missing)
            card = QGraphicsRectItem(cell, self)
            card.setBrush(ctx.palette.surface)
            card.setPen(QPen(border, 1.5))
            accent = QGraphicsRectItem(cell.left(), cell.top(), ctx.width * 0.004,
                                       cell.height(), self)
            accent.setBrush(ctx.palette.accent)
            accent.setPen(Qt.PenStyle.NoPen)
            inner = cell.adjusted(pad * 1.3, pad, -pad, -pad)
            items: list[QGraphicsItem] = []
            heading_w, below = inner.width(), inner.top()
            if point.icon:  # beside the heading; the detail takes the card's whole width
                side = min(inner.height(), heading_size * 2.2)
                motif = Motif(point.icon, side, side, ctx.palette, self)
                motif.setPos(inner.right() - side, inner.top())
                items.append(motif)
                heading_w -= side + pad
                below = inner.top() + side
            heading = ctx.box(self, ctx.text(point.heading), QRectF(
                inner.left(), inner.top(), heading_w, room("heading", heading_lines, 1.2)),
                "heading", bold=True, max_lines=heading_lines, line_height=1.2, size=common)
            items.append(heading)
            firsts.append((row, cell, inner, below, heading, card, accent, items, point))
        under: dict[int, float] = {}  # (a row's details on one line: under its tallest
        # heading)
        for row, cell, inner, _below, heading, *_ in firsts:
            under[row] = max(under.get(row, 0.0), inner.top() + heading.text_height
                             - cell.top())
        for row, cell, inner, below, heading, card, accent, items, point in firsts:
            y = cell.top() + under[row] + detail_size * 0.6
            end = inner.top() + heading.text_height
            if point.detail:  # (the card grows for it, while the room lasts; beside its
                height = max(cell.bottom() - pad - y, room("detail", DETAIL_LINES, 1.5))
                width = inner.width() if y >= below else heading.box.width()  # icon where
                detail = self._detail(ctx.text(point.detail), QRectF(  # it starts beside
                    inner.left(), y, width, height), detail_size)  # it: not a blank line
                # under a heading
                # of one line, trial 18)
                items.append(detail)
                end = y + detail.text_height
            built.append((row, max(end, below) + pad * 1.15 - cell.top(), items, card,
                          accent))
        # Each row as tall as its fullest card, and the rows together a little above the
        # middle of the room below the header (cards of empty space said nothing). Rows
        # that need more than the room: the slide is built again with smaller type, and
        # at the smallest, each card keeps its share and its detail is cut short.
        heights = [max(need for r, need, *_ in built if r == row) for row in range(rows)]
        used = sum(heights) + gap * (rows - 1)
        if used > area.bottom() - top + 0.5:
            ctx.needs(area.bottom() - top, used)
            heights = [min(height, cell_h) for height in heights]
            used = sum(heights) + gap * (rows - 1)
            for row, _, items, card, _accent in built:
                last = items[-1]
                if isinstance(last, TextBox) and last.role == "detail":
                    bottom = card.rect().top() + heights[row] - pad
                    items[-1] = self._detail(last.text, QRectF(
                        last.pos().x(), last.pos().y(), last.box.width(),
                        max(1.0, bottom - last.pos().y())), detail_size)
                    last.setParentItem(None)  # type: ignore[arg-type]  # Qt takes None
        free = max(0.0, area.bottom() - top - used)
        y = top + (min(free * OPTICAL_MIDDLE, ctx.size("title") * 2) if ctx.portrait
                   else free * OPTICAL_MIDDLE)  # (a tall screen: near the header)
        tops = []
        for height in heights:
            tops.append(y)
            y += height + gap
        for (row, need, items, card, accent), point in zip(built, s.points, strict=True):
            shift = tops[row] - card.rect().top()
            card.moveBy(0, shift)
            accent.moveBy(0, shift)
            if not point.detail:  # (a heading alone in the middle of its card, not at the
                shift += max(0.0, heights[row] - need) / 2  # top of an empty box)
            for word in items:
                word.moveBy(0, shift)
            for frame in (card, accent):
                rect = frame.rect()
                rect.setHeight(heights[row])
                frame.setRect(rect)
        return free

    def _detail(self, text: str, rect: QRectF, size: float) -> TextBox:
        ctx = self.ctx
        return ctx.box(self, text, rect, "detail", color=ctx.palette.muted,
                       max_lines=DETAIL_LINES, line_height=1.5, size=size)
