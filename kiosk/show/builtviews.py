"""The slides of a deck built as views, kept a few at a time, each built once per
language; a slide that cannot be built, animated or drawn is logged once and stood in
for by a view that says so."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from kiosk.config import Config
from kiosk.deck.load import LoadedDeck
from kiosk.show.protocols import Warmable
from kiosk.show.render import context
from kiosk.show.slides import build_view
from kiosk.show.slides.base import SlideView
from kiosk.show.slides.fault import FaultView
from kiosk.weak import weakly

log = logging.getLogger(__name__)
CACHE = 8
"""Built views kept besides those on screen."""


class BuiltViews(QObject):
    """Views of ``loaded``'s slides by (slide, language).

    Signals:
        failed(int): slide (0-based) cannot be shown (its first fault; logged once).
        replaced(object): a view that failed was replaced by its stand-in (the old view:
            the stage shows the stand-in where it showed that view).
    """

    failed = Signal(int)
    replaced = Signal(object)

    def __init__(self, loaded: LoadedDeck, config: Config, *, authoring: bool,
                 on_screen: Callable[[], list[SlideView]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loaded, self.config, self.authoring = loaded, config, authoring
        self._on_screen = on_screen
        """The views the stage shows: never dropped."""
        self.faults: dict[int, str] = {}
        """Slides of this deck that cannot be shown, and why."""
        self._views: dict[tuple[int, str], SlideView] = {}

    def reset(self, loaded: LoadedDeck, config: Config) -> None:
        """A new deck (or config): the views built so far go, but those on screen (the
        stage lets them go when they leave)."""
        self.loaded, self.config, self.faults = loaded, config, {}
        shown = self._on_screen()
        for view in self._views.values():
            if view not in shown:
                view.stop()
                view.dispose()
        self._views.clear()

    def built(self, index: int, language: str) -> bool:
        return (index, language) in self._views

    def kept(self, view: SlideView) -> bool:
        """Whether ``view`` is one of those kept (not dropped while leaving the screen)."""
        return any(v is view for v in self._views.values())

    def drop_all_but(self, index: int) -> None:
        """Let go of every view but those of slide ``index`` and those on screen (for a
        benchmark's cold start)."""
        shown = self._on_screen()
        for key in [k for k, v in self._views.items() if k[0] != index and v not in shown]:
            self._views.pop(key).dispose()

    def get(self, index: int, language: str) -> SlideView:
        """The view of slide ``index`` in ``language`` (built now if it was not)."""
        key = (index, language)
        view = self._views.get(key)
        if view is None:
            ctx = context(self.loaded, self.config, language, explain_faults=self.authoring,
                          sound=True)
            view = build_view(self.loaded.deck.slides[index], ctx)
            view.tell_faults(weakly(self._faulted, index))  # a view must not keep these
            self._views[key] = view
            self._evict(index)
            if view.fault is not None:
                self._faulted(index, view)
        return view

    def _evict(self, index: int) -> None:
        shown = self._on_screen()
        for key in list(self._views):
            if len(self._views) <= CACHE:
                break
            if self._views[key] not in shown and key[0] != index:
                self._views.pop(key).dispose()

    def _faulted(self, index: int, view: SlideView) -> None:
        """Slide ``index`` raised: log it once with its place, stand in for it (after the
        paint or step it happened in), and say so."""
        if index not in self.faults:
            self.faults[index] = view.fault or ""
            line, column = self.loaded.document.place(("slides", index))
            log.error("%s:%d:%d: slide %d cannot be shown (%s); the show goes on without "
                      "it", self.loaded.path, line, column, index + 1, view.fault,
                      exc_info=getattr(view, "error", None))
        if not isinstance(view, FaultView):
            QTimer.singleShot(0, self, functools.partial(self._stand_in, index, view))
        self.failed.emit(index)

    def _stand_in(self, index: int, view: SlideView) -> None:
        key = next((k for k, v in self._views.items() if v is view), None)
        if key is None:
            return
        ctx = context(self.loaded, self.config, key[1], explain_faults=self.authoring,
                      sound=True)
        error = getattr(view, "error", RuntimeError(view.fault))
        self._views[key] = FaultView(self.loaded.deck.slides[index], ctx, error,
                                     (view.fault or "").split(":")[0])
        if view not in self._on_screen():
            view.dispose()
        self.replaced.emit(view)


def warm(view: SlideView, scale: float, hints: QPainter.RenderHint, design: tuple[float, float]
         ) -> None:
    """Draw ``view`` once off screen at the screen's ``scale``, so that the glyphs of its
    text are rasterised now, while the show is idle, not in the first frame of its entry
    (large CJK glyphs at 4K take milliseconds each)."""
    view.warmed(scale)
    image = QImage(8, 8, QImage.Format.Format_ARGB32_Premultiplied)  # a tiny image: the
    scene = QGraphicsScene(0, 0, *design)  # glyphs are rasterised (and kept in the font
    scene.addItem(view)                    # engine's cache) even where they fall outside
    painter = QPainter(image)
    painter.setRenderHints(hints)
    painter.scale(scale, scale)
    for item in scene.items():
        if isinstance(item, Warmable):
            painter.save()
            painter.setTransform(item.sceneTransform(), combine=True)
            item.warm(painter)
            painter.restore()
    painter.end()
    scene.removeItem(view)
