"""``kiosk export``: every slide in its final state, as PNG files or one PDF.

PNGs are rendered offscreen at any size and are byte-for-byte the same for the same
input. The PDF draws the scene through QPdfWriter, so text and shapes stay vectors and
the fonts are embedded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from kiosk import textlayer
from kiosk.config import Config
from kiosk.deck.load import LoadedDeck
from kiosk.deck.model import SlideBase
from kiosk.show import fonts
from kiosk.show.background import gradient_brush
from kiosk.show.context import SlideContext
from kiosk.show.photo import prepare
from kiosk.show.protocols import Printable
from kiosk.show.render import context, render_slide
from kiosk.show.slides import build_view
from kiosk.show.viewsetup import RENDER_HINTS

PNG_QUALITY = 70  # Qt's scale for zlib's effort: measured 40 ms for 460 KB at 1920x1080,
# against 60 ms for 410 KB at the default


@dataclasses.dataclass(frozen=True)
class Exported:
    files: list[Path]
    slides: int
    faults: list[str] = dataclasses.field(default_factory=list)
    """Slides drawn as "cannot be shown" (with why): an internal fault, never bad input."""
    pictures: int = 0
    """How many slides' pictures it holds: the slides and a gallery's further photos (a
    PDF's pages, a sheet's tiles)."""

PDF_PHOTO_SCALE = 1.5
"""Photographs in a PDF are decoded at this many pixels per design pixel (2880 across
a 1920 slide): sharp when the page is printed or zoomed into."""

def _pictures(loaded: LoadedDeck, config: Config, size: tuple[int, int],
              language: str | None, faults: list[str]
              ) -> Iterator[tuple[int, int, QImage]]:
    """Each slide in its final state at ``size``, a gallery's every photo (index, step,
    picture); a slide drawn as "cannot be shown" is added to ``faults``."""
    for index, _slide, step in _shots(loaded):
        image, view = render_slide(loaded, config, index, size, language, step=step)
        if view.fault and not step:
            faults.append(f"slide {index + 1}: {view.fault}")
        view.dispose()
        yield index, step, image


def _shots(loaded: LoadedDeck) -> list[tuple[int, SlideBase, int]]:
    """What an export draws: each slide (index, slide, step 0), and each further photo
    of a gallery (its step)."""
    deck = loaded.deck
    return [(index, slide, step) for index, slide in enumerate(deck.slides)
            for step in range(deck.slide_steps(slide))]


def _number(index: int, step: int, width: int) -> str:
    """03, and 03.2 for the second photo of a gallery on slide 3."""
    return f"{index + 1:0{max(2, width)}d}" + (f".{step + 1}" if step else "")


def export_png(loaded: LoadedDeck, config: Config, out: Path, size: tuple[int, int],
               language: str | None = None) -> Exported:
    """One PNG per slide: ``01.png``, ``02.png``... (with the language when given), and
    per photo of a gallery: ``03.png``, ``03.2.png``, ``03.3.png``..."""
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    faults: list[str] = []
    width = len(str(len(loaded.deck.slides)))
    suffix = f"-{language}" if language else ""
    for index, step, image in _pictures(loaded, config, size, language, faults):
        path = out / f"{_number(index, step, width)}{suffix}.png"
        if not image.save(str(path), None, PNG_QUALITY):  # format from the .png suffix
            raise OSError(f"cannot write {path}")
        files.append(path)
    return Exported(files, len(loaded.deck.slides), faults,
                    len(_shots(loaded)))


SHEET_COLUMNS = 4
SHEET_THUMB = 480  # px: the longer side of each slide on a contact sheet


def export_sheet(loaded: LoadedDeck, config: Config, path: Path,
                 language: str | None = None) -> Exported:
    """Every slide on one PNG, numbered, in rows of four: an author's review at a glance."""
    ctx = context(loaded, config, language)
    scale = SHEET_THUMB / max(ctx.width, ctx.height)
    thumb = (round(ctx.width * scale), round(ctx.height * scale))
    count = len(_shots(loaded))
    columns = min(SHEET_COLUMNS, count)
    rows = -(-count // columns)
    gap, caption = 24, 40
    sheet = QImage(columns * (thumb[0] + gap) + gap,
                   rows * (thumb[1] + caption + gap) + gap, QImage.Format.Format_RGB32)
    sheet.fill(ctx.palette.background)
    painter = QPainter(sheet)
    painter.setRenderHints(RENDER_HINTS)
    painter.setFont(fonts.font(22, bold=True))
    faults: list[str] = []
    for tile, (index, step, image) in enumerate(_pictures(loaded, config, thumb, language,
                                                         faults)):
        slide = loaded.deck.slides[index]
        row, column = divmod(tile, columns)
        x, y = gap + column * (thumb[0] + gap), gap + row * (thumb[1] + caption + gap)
        painter.drawImage(x, y, image)
        painter.setPen(ctx.palette.muted)
        label = painter.fontMetrics().elidedText(  # (a long id ends in …, not mid-letter)
            f"{index + 1}{f'.{step + 1}' if step else ''} · {slide.id or slide.type}",
            Qt.TextElideMode.ElideRight, thumb[0])
        painter.drawText(QRectF(x, y + thumb[1], thumb[0], caption),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not sheet.save(str(path), None, PNG_QUALITY):
        raise OSError(f"cannot write {path}")
    return Exported([path], len(loaded.deck.slides), faults,
                    len(_shots(loaded)))


def export_pdf(loaded: LoadedDeck, config: Config, path: Path,
               language: str | None = None) -> Exported:
    """All slides in one PDF, a page per slide (and per photo of a gallery) at the design
    size's proportions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ctx = context(loaded, config, language)
    writer = QPdfWriter(str(path))
    writer.setCreator("kiosk")
    writer.setTitle(loaded.deck.title.get_text(ctx.language, loaded.deck.default_language))
    writer.setResolution(96)
    page = QPageSize(QSizeF(ctx.width * 0.75, ctx.height * 0.75), QPageSize.Unit.Point,
                     "slide", QPageSize.SizeMatchPolicy.ExactMatch)
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    painter.setRenderHints(RENDER_HINTS)
    target = QRectF(0, 0, writer.width(), writer.height())
    faults: list[str] = []
    with fonts.for_print():
        _pages(loaded, ctx, writer, painter, target, faults)
    painter.end()
    textlayer.correct(path)
    return Exported([path], len(loaded.deck.slides), faults,
                    len(_shots(loaded)))


def _pages(loaded: LoadedDeck, ctx: SlideContext, writer: QPdfWriter, painter: QPainter,
           target: QRectF, faults: list[str]) -> None:
    for page, (index, slide, step) in enumerate(_shots(loaded)):
        if page:
            writer.newPage()
        scene = QGraphicsScene(0, 0, ctx.width, ctx.height)
        scene.setBackgroundBrush(gradient_brush(ctx.palette, ctx.width, ctx.height))
        view = build_view(slide, ctx)
        view.start(0.0, reduced_motion=True)
        if step:
            view.go_to_step(step, 0.0, 1, animate=False)
        scene.addItem(view)
        prepare(view, PDF_PHOTO_SCALE)
        for item in scene.items():  # drawn as text and vectors, not from cached pictures
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            if isinstance(item, Printable):
                item.for_print()
        scene.render(painter, target, QRectF(0, 0, ctx.width, ctx.height))
        scene.removeItem(view)
        if view.fault and not step:
            faults.append(f"slide {index + 1}: {view.fault}")
        view.dispose()
