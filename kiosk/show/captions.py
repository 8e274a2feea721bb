"""Captions on a slide: the line of the slide's audio guide or video at the time, in
the visitor's language, on a dark band above the on-screen controls."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from kiosk.deck import captions
from kiosk.show.context import SlideContext
from kiosk.show.textbox import TextBox

LINES = 2
"""A caption takes up to two lines (WebVTT's own advice)."""


def band_height(ctx: SlideContext) -> float:
    """The height of a caption band: two lines of body text and a margin."""
    return ctx.room("body", LINES, 1.3) + ctx.size("body") * 0.6


class CaptionBand(QGraphicsRectItem):
    """The caption due at the slide's time, centred near the foot of the stage."""

    def __init__(self, path: Path, ctx: SlideContext, parent: QGraphicsItem,
                 bottom: float | None = None) -> None:
        """``bottom``: where it ends (above what the slide writes at its foot, a
        photograph's caption); the content's foot otherwise."""
        self.cues, _ = captions.load(path)
        area = ctx.content
        height = band_height(ctx)
        width = area.width() * (1.0 if ctx.portrait else 0.8)
        foot = area.bottom() if bottom is None else max(area.top() + height, bottom)
        rect = QRectF(area.center().x() - width / 2, foot - height, width, height)
        super().__init__(rect, parent)
        self.ctx = ctx
        shade = QColor(0, 0, 0, 190)
        self.setBrush(shade)
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(20)
        self.text = ""
        self.line: TextBox | None = None
        self.setVisible(False)

    def show_at(self, seconds: float) -> None:
        """Show the caption due ``seconds`` after the slide appeared (none: hidden)."""
        text = self.cues.at(seconds)
        if text == self.text:
            return
        self.text = text
        if self.line is not None:
            self.line.setParentItem(None)  # type: ignore[arg-type]  # Qt takes None
            self.line = None
        self.setVisible(bool(text))
        if text:
            ctx, rect = self.ctx, self.rect()
            pad = ctx.size("body") * 0.3
            self.line = ctx.box(self, text, rect.adjusted(pad, pad, -pad, -pad), "body",
                                color=QColor("#ffffff"), align="center", valign="center",
                                max_lines=LINES)

    @property
    def end(self) -> float:
        return self.cues.end
