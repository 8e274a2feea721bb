"""A page of a PDF: a designer's layout shown as it was made, whole, on the stage."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize

from kiosk.deck import documents
from kiosk.deck.model import PdfSlide
from kiosk.show.photo import PictureItem
from kiosk.show.slides.base import BLEED, SlideView


class PdfView(SlideView):
    """The page fitted whole into the stage (to its edges: a page is laid out already),
    drawn at the screen's resolution by the picture decoder's thread."""

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
        self.picture = PictureItem(path if natural.isValid() else None,
                                   QRectF(0, 0, ctx.width, ctx.height), fill=False,
                                   natural=natural, background=ctx.palette.surface,
                                   page=page - 1, parent=self)
        self.picture.setData(BLEED, True)

    def source_text(self) -> str:
        """None: the page says its own sources."""
        return ""

    def stop(self) -> None:
        super().stop()
        self.picture.release()
