"""A page of a PDF: a designer's layout shown as it was made, whole, on the stage."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QPaintEngine, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.deck import documents
from kiosk.deck.model import PdfSlide
from kiosk.show import fonts
from kiosk.show.photo import PictureItem
from kiosk.show.slides.base import BLEED, SlideView


class PdfView(SlideView):
    """The page fitted whole into the stage (to its edges: a page is laid out already;
    one of another shape, into the safe area), drawn at the screen's resolution by the
    picture decoder's thread."""

    slide: PdfSlide
    picture: PictureItem

    def build(self) -> None:
        ctx, s = self.ctx, self.slide
        path = ctx.assets.get(s.src)
        page = (s.pages or [1])[0]
        sizes = documents.probe(path) if path is not None else "is missing"
        natural = QSize()
        if isinstance(sizes, tuple) and page <= len(sizes):
            width, height = sizes[page - 1]
            natural = QSize(max(1, round(width)), max(1, round(height)))
        stage = QRectF(0, 0, ctx.width, ctx.height)
        if natural.isValid() and abs(natural.width() / natural.height() - ctx.width
                                     / ctx.height) > 0.02 * ctx.width / ctx.height:
            stage = ctx.safe  # (a page of another shape, an A4 on a wall, framed by the
            # show's ground: inside the safe area, not cut by a screen's overscan, trial 25)
        self.picture = PictureItem(path if natural.isValid() else None, stage, fill=False,
                                   natural=natural, background=ctx.palette.surface,
                                   page=page - 1, parent=self)
        self.picture.setData(BLEED, True)
        if path is not None and natural.isValid():
            self.page_words = PageWords(path, page - 1, self.picture.target(), natural, self)
            self.page_words.setData(BLEED, True)  # (over the page, to its edges)

    def source_text(self) -> str:
        """None: the page says its own sources."""
        return ""

    def stop(self) -> None:
        super().stop()
        self.picture.release()


class PageWords(QGraphicsItem):
    """The page's own words over its picture, unseen, in a PDF export only: a reader
    finds, copies and reads them out (the page is a picture there, as on the screen)."""

    def __init__(self, path: Path, page: int, target: QRectF, natural: QSize,
                 parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.path, self.page, self.target = path, page, target
        self.ratio = target.width() / max(1, natural.width())
        self._runs: list[documents.Run] | None = None

    def boundingRect(self) -> QRectF:
        return self.target

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        engine = painter.paintEngine()
        if engine is None or engine.type() != QPaintEngine.Type.Pdf:
            return  # (on the screen and in a PNG the picture says it all)
        if self._runs is None:
            self._runs = documents.page_text(self.path, self.page)
        painter.save()
        painter.setPen(QPen(QColor(0, 0, 0, 0)))  # (unseen, but text in the file)
        for words, (left, top, width, height) in self._runs:
            size = max(1.0, height * self.ratio * 0.9)
            drawn = QFontMetricsF(fonts.font(size)).horizontalAdvance(words)
            if drawn > 0:  # (about as wide as the page's own line: a reader's selection
                size = max(1.0, size * min(1.5, width * self.ratio / drawn))  # falls on it)
            font = fonts.font(size)
            painter.setFont(font)
            x = self.target.left() + left * self.ratio
            y = self.target.top() + (top + height) * self.ratio - QFontMetricsF(font).descent()
            painter.drawText(QPointF(x, y), words)
        painter.restore()
