"""Render slides to images without a window: for export, tests and looking at them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from kiosk.config import Config, home_language
from kiosk.deck.load import LoadedDeck
from kiosk.show.background import gradient_brush
from kiosk.show.context import SlideContext
from kiosk.show.photo import prepare
from kiosk.show.slides import build_view
from kiosk.show.slides.base import SlideView
from kiosk.show.viewsetup import RENDER_HINTS


def context(loaded: LoadedDeck, config: Config, language: str | None = None, *,
            explain_faults: bool = True, sound: bool = False) -> SlideContext:
    """The slide context of a deck played with ``config`` (heard, with ``sound``)."""
    width, height = config.display.design_size
    return SlideContext(
        deck=loaded.deck, theme=config.theme,
        language=language or home_language(config, loaded.deck),
        width=width, height=height, safe_area=config.display.safe_area,
        assets=loaded.assets, explain_faults=explain_faults,
        sound=config.sound if sound else None,
    )


def render_slide(loaded: LoadedDeck, config: Config, index: int, size: tuple[int, int],
                 language: str | None = None, *, explain_faults: bool = True,
                 step: int = 0) -> tuple[QImage, SlideView]:
    """Slide ``index`` in its final state (at ``step``: a gallery's photo), drawn at
    ``size`` pixels, letterboxed (a slide that cannot be drawn says why, unless visitors
    see it: ``explain_faults``)."""
    ctx = context(loaded, config, language, explain_faults=explain_faults)
    scene = QGraphicsScene(0, 0, ctx.width, ctx.height)
    view = build_view(loaded.deck.slides[index], ctx)
    view.start(0.0, reduced_motion=True)  # every animation at its final state
    if step:
        view.go_to_step(step, 0.0, 1, animate=False)
    scene.addItem(view)
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.black)
    scale = min(size[0] / ctx.width, size[1] / ctx.height)
    prepare(view, scale)  # (its photographs decoded for this size before it is drawn)
    target = QRectF((size[0] - ctx.width * scale) / 2, (size[1] - ctx.height * scale) / 2,
                    ctx.width * scale, ctx.height * scale)
    painter = QPainter(image)
    painter.setRenderHints(RENDER_HINTS)
    scene.setBackgroundBrush(gradient_brush(ctx.palette, ctx.width, ctx.height))
    scene.render(painter, target, QRectF(0, 0, ctx.width, ctx.height))
    painter.end()
    scene.removeItem(view)
    return image, view
