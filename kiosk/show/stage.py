"""The stage: one scene at design size, scaled to the screen with letterboxing."""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPainter,
    QPixmap,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from kiosk.config import Config, home_language, offered_languages
from kiosk.deck.load import LoadedDeck
from kiosk.play.clock import Clock
from kiosk.play.commands import Zoom
from kiosk.play.navigator import Blank
from kiosk.show.background import background_pixmap
from kiosk.show.banner import Banner
from kiosk.show.builtviews import BuiltViews, warm
from kiosk.show.chrome import Chrome
from kiosk.show.slides.base import SlideView
from kiosk.show.theme import Palette
from kiosk.show.transitions import Transition
from kiosk.show.viewsetup import set_up
from kiosk.weak import weakly

log = logging.getLogger(__name__)


def letterbox(view_w: float, view_h: float, design_w: float, design_h: float
              ) -> tuple[float, QRectF]:
    """Scale and on-screen rectangle of a design-size stage fitted into a view."""
    scale = min(view_w / design_w, view_h / design_h)
    w, h = design_w * scale, design_h * scale
    return scale, QRectF((view_w - w) / 2, (view_h - h) / 2, w, h)


class Stage(QGraphicsView):
    """Shows one slide of a deck at a time, with transitions, chrome and blanking.

    Signals:
        animating_changed(bool): a transition started or every one has ended.
        slide_failed(int): slide (0-based) cannot be shown: building, animating or
            drawing it raised. It is logged once; on screen it stays empty (its fault
            is explained with ``authoring``) and the show should move on.
    """

    animating_changed = Signal(bool)
    slide_failed = Signal(int)
    # pyqtgraph items placed straight in a scene ask their view for these two signals
    # (pyqtgraph's own GraphicsView has them) to learn the pixel size of the scene.
    sigDeviceRangeChanged = Signal(object, object)  # noqa: N815
    sigDeviceTransformChanged = Signal(object)  # noqa: N815

    def __init__(self, loaded: LoadedDeck, config: Config, clock: Clock,
                 parent: QWidget | None = None, *, authoring: bool = False,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.authoring = authoring
        self.config = config
        self.loaded = loaded
        width, height = config.display.design_size
        self.design = (float(width), float(height))
        self.setScene(QGraphicsScene(0, 0, width, height, self))
        set_up(self, focus=True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if config.display.opengl:
            self._use_opengl()
        from kiosk.show import video

        video.set_decoding(config.display.video_decoding)  # (before the first video)

        self.languages = offered_languages(config, loaded.deck)
        self.language = language or home_language(config, loaded.deck)
        self.index = 0
        self.step = 0
        """The step of the slide on screen (a gallery's photograph: 0 the first)."""
        self.current: SlideView | None = None
        self.transition: Transition | None = None
        self._animating = False
        self._background: tuple[float, QPixmap] | None = None
        self.banner: Banner | None = None
        """What an author's window says over the show (a refused update), if anything."""
        self._shift = (0.0, 0.0)
        self._shown: list[SlideView] = []
        self.views = BuiltViews(loaded, config, authoring=authoring,
                                on_screen=weakly(self._on_screen), parent=self)
        self.views.failed.connect(self.slide_failed)
        self.views.replaced.connect(self._replaced)
        self.chrome = self._chrome()
        self.blank_item = QGraphicsRectItem(0, 0, width, height)
        self.blank_item.setPen(Qt.PenStyle.NoPen)
        self.blank_item.setZValue(100)
        self.blank_item.setVisible(False)
        self.scene().addItem(self.blank_item)
        self.show_slide(0, direction=1, transition="none")

    def _chrome(self) -> Chrome:
        """The buttons, dots and number over the slides, as the config says."""
        config = self.config
        chrome = Chrome(*self.design, config.theme, config.show, config.display.safe_area,
                        self.languages)
        self.scene().addItem(chrome)
        return chrome

    def _use_opengl(self) -> None:
        """Draw through OpenGL (kiosks with a GPU); stay with the raster engine without."""
        platform = QGuiApplication.platformName()
        if platform in ("offscreen", "minimal", "vnc"):
            log.warning("display.opengl: the %s platform has no OpenGL; drawing in software",
                        platform)
            return
        from PySide6.QtOpenGLWidgets import QOpenGLWidget

        self.setViewport(QOpenGLWidget())
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        log.info("drawing through OpenGL")

    # --- slides ---------------------------------------------------------------------

    def view_for(self, index: int) -> SlideView:
        """The built view of slide ``index`` in the current language (built once)."""
        return self.views.get(index, self.language)

    @property
    def failed(self) -> dict[int, str]:
        """Slides of this deck that cannot be shown, and why."""
        return self.views.faults

    def _replaced(self, view: SlideView) -> None:
        if view is self.current:
            self.show_slide(self.index, direction=1, transition="none", step=self.step)

    def explore(self, point: QPointF) -> bool:
        """A tap at ``point`` on the slide on screen: True when something took it."""
        return self.current is not None and self.current.explore(point)

    def can_show(self, index: int) -> bool:
        """Whether slide ``index`` builds (it is built now if it was not)."""
        return self.view_for(index).fault is None

    def prebuild(self, index: int) -> bool:
        """One step of getting slide ``index`` ready ahead of time (a neighbour of the
        current slide, say); True when there is more to do for it.

        The first step builds its view; the second draws it once off screen at the
        screen's scale, so the glyphs of its text are rasterised now, while the show is
        idle, not in the first frame of its entry (large CJK glyphs at 4K take
        milliseconds each). Each step is short, so input waits for one at most.
        """
        if not 0 <= index < len(self.loaded.deck.slides):
            return False
        if not self.views.built(index, self.language):
            self.view_for(index)
            return True
        view = self.view_for(index)
        if view.warmed_at != self.scale_factor and view.scene() is None:
            warm(view, self.scale_factor, self.renderHints(), self.design)
        return False

    def show_slide(self, index: int, *, direction: int, transition: str | None = None,
                   step: int = 0) -> None:
        """Bring slide ``index`` on screen at ``step`` (a gallery's photograph), with its
        transition unless told otherwise."""
        kind = transition or self.loaded.deck.slide_transition(self.loaded.deck.slides[index])
        if self.config.show.reduced_motion:
            kind = "none"
        incoming = self.view_for(index)
        on_screen = [item for item in self._shown if item is not incoming]
        self.index = index
        self.current = incoming
        if incoming.scene() is None:
            self.scene().addItem(incoming)
        incoming.setVisible(True)
        self._shown = [*on_screen, incoming]
        now = self.clock.now()
        self.step = step
        incoming.go_to_step(step, now, direction, animate=False)
        if kind == "none" or not on_screen:
            self.transition = None
            self._settle()
        else:
            self.transition = Transition(kind, incoming, on_screen, direction, now,
                                         self.design[0])
        incoming.start(now, reduced_motion=self.config.show.reduced_motion)
        self.chrome.set_state(index, len(self.loaded.deck.slides), self.language)
        self._update_animating()

    def show_step(self, step: int, *, direction: int) -> None:
        """Step ``step`` of the slide on screen (a gallery's next photograph), sliding in
        from ``direction``'s side; whole, not looked closer at."""
        self.step = step
        if self.current is not None:
            self.current.go_to_step(step, self.clock.now(), direction,
                                    animate=not self.config.show.reduced_motion)
        self._update_animating()

    @property
    def zoomed(self) -> bool:
        """Whether the picture on screen is looked at closer than whole."""
        return self.current is not None and self.current.zoomed

    @property
    def zoomable(self) -> bool:
        """Whether the slide on screen has a picture to look closer at."""
        return self.current is not None and self.current.zoomable

    def zoom(self, zoom: Zoom) -> None:
        """Look closer at the picture on screen, move it, or see it whole again."""
        if self.current is not None:
            self.current.zoom(zoom)

    def _on_screen(self) -> list[SlideView]:
        return list(self._shown)

    def _settle(self) -> None:
        """End of a transition: only the current slide stays in the scene."""
        for item in self._shown:
            if item is not self.current and item.scene() is not None:
                item.stop()
                self.scene().removeItem(item)
                if not self.views.kept(item):  # dropped while it was leaving the screen
                    item.dispose()
        self._shown = [self.current] if self.current is not None else []
        if self.current is not None:
            self.current.setOpacity(1.0)
            self.current.setPos(0, 0)
            self.current.setZValue(0)

    def tick(self) -> None:
        """Advance what moves to the clock's time; the frame timer calls this."""
        now = self.clock.now()
        if self.transition is not None:
            self.transition.apply(now)
            if self.transition.done(now):
                self.transition = None
                self._settle()
        if self.current is not None:
            self.current.step(now)  # a slide's fault is its own (SlideView.fail)
        self._update_animating()

    @property
    def animating(self) -> bool:
        """Whether anything on screen still moves (a transition or the slide's animations)."""
        return self.transition is not None or (
            self.current is not None and self.current.moving)

    def _update_animating(self) -> None:
        if self.animating != self._animating:
            self._animating = self.animating
            self.animating_changed.emit(self._animating)

    # --- language and blanking --------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Redraw the current slide in ``language`` (no transition)."""
        if language == self.language or language not in self.languages:
            return
        self.language = language
        self.transition = None
        self.show_slide(self.index, direction=1, transition="none", step=self.step)

    def set_blank(self, blank: Blank) -> None:
        colour = {Blank.BLACK: QColor("black"), Blank.WHITE: QColor("white")}.get(blank)
        self.blank_item.setVisible(colour is not None)
        if colour is not None:
            self.blank_item.setBrush(colour)

    def replace_deck(self, loaded: LoadedDeck, index: int, config: Config, language: str,
                     *, direction: int = 1) -> None:
        """Show a new deck (already validated) from slide ``index`` in ``language``, with
        its transition, and the config's theme and show options (the show keeps the
        display it started with: the config comes so)."""
        self.loaded, self.language, self.config = loaded, language, config
        self.languages = offered_languages(config, loaded.deck)
        self._background = None
        side = self.chrome.button_side
        self.scene().removeItem(self.chrome)
        self.chrome = self._chrome()
        self.chrome.set_button_side(side)
        self.resetCachedContent()  # the new background everywhere, not in patches
        self.viewport().update()
        self.views.reset(loaded, config)
        self.show_slide(min(index, len(loaded.deck.slides) - 1), direction=direction)

    def set_shift(self, dx: float, dy: float) -> None:
        """Move the picture by (dx, dy) design pixels (burn-in protection)."""
        if (dx, dy) != self._shift:
            self._shift = (dx, dy)
            self.fit()
            self.viewport().update()

    def set_banner(self, text: str | None) -> None:
        """A line of text over the top of the stage (for authors), or none."""
        if self.banner is not None:
            self.scene().removeItem(self.banner)
            self.banner = None
        if text:
            self.banner = Banner(text, self.design[0], self.chrome.palette)
            self.scene().addItem(self.banner)

    # --- scaling ----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Black bands, then the theme's gradient from a pixmap made once per size."""
        painter.fillRect(rect, QColor("black"))
        scale = self.scale_factor
        if self._background is None or self._background[0] != scale:
            palette = Palette.from_theme(self.config.theme)
            self._background = (scale, background_pixmap(palette, self.design, scale))
        painter.save()
        painter.resetTransform()
        origin = self.mapFromScene(QPointF(0, 0))
        painter.drawPixmap(origin, self._background[1])
        painter.restore()

    def fit(self) -> None:
        """Scale the design-size scene to the viewport, letterboxed (and shifted)."""
        scale, _ = letterbox(self.viewport().width(), self.viewport().height(), *self.design)
        self.setTransform(QTransform.fromScale(scale, scale))
        # The view centres its scene rectangle: moving that rectangle moves the picture.
        self.setSceneRect(QRectF(-self._shift[0], -self._shift[1], *self.design))
        self.sigDeviceRangeChanged.emit(self, self.sceneRect())
        self.sigDeviceTransformChanged.emit(self)

    @property
    def scale_factor(self) -> float:
        return self.transform().m11()
