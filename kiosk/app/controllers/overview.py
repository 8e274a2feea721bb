"""The overview: a grid of the slides over the show, its keys and taps, and its
pictures, made one per turn of the event loop so that input never waits for them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QTimer
from PySide6.QtGui import QKeyEvent, QPixmap

from kiosk.app.input import key_name
from kiosk.app.show import Show
from kiosk.play.commands import Action, Command
from kiosk.play.keys import OVERVIEW_KEYS
from kiosk.show.overview import Overview
from kiosk.show.stage import Stage
from kiosk.show.thumbnails import Thumbnails
from kiosk.weak import weakly

MOVES = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}
THUMBNAIL_SHARE = 5
"""A picture of the grid is the design size divided by this."""


class OverviewGrid(QObject):
    """Opens and closes the grid as the show's overlay says; while it is open, its keys
    and taps move in it, and choosing a slide jumps there."""

    def __init__(self, show: Show, stage: Stage) -> None:
        super().__init__(show)
        self.show, self.stage = show, stage
        self.grid: Overview | None = None
        self.thumbnails = Thumbnails()
        self._maker = QTimer(self)
        self._maker.setInterval(0)
        self._maker.timeout.connect(self._make_one)

    def bind(self) -> None:
        self.show.overlay_changed.connect(self._overlay)
        self.show.content_changed.connect(self.thumbnails.clear)
        self.stage.installEventFilter(self)

    def unbind(self) -> None:
        self.show.overlay_changed.disconnect(self._overlay)
        self.show.content_changed.disconnect(self.thumbnails.clear)
        self.stage.removeEventFilter(self)
        self._close()

    @property
    def making(self) -> bool:
        """Whether pictures of the page on screen are still being made."""
        return self._maker.isActive()

    def _overlay(self, overlay: str) -> None:
        if overlay == "overview" and self.grid is None:
            self._open()
        elif overlay != "overview":
            self._close()

    def _open(self) -> None:
        count = len(self.show.deck.slides)
        menu = [n - 1 for n in self.show.config.show.menu if 1 <= n <= count]
        self.grid = Overview(*self.stage.design, menu or list(range(count)), self.show.index,
                             self.stage.chrome.palette, weakly(self._picture))
        self.stage.scene().addItem(self.grid)
        self._maker.start()

    def _close(self) -> None:
        if self.grid is not None:
            self.stage.scene().removeItem(self.grid)
            self.grid = None
            self._maker.stop()

    def _picture(self, slide: int) -> QPixmap | None:
        return self.thumbnails.get((self.show.language, slide))

    def _make_one(self) -> None:
        """Make one missing picture of the grid's page (a zero timer calls this)."""
        grid, language = self.grid, self.show.language
        missing = [slide for slide in grid.visible
                   if self.thumbnails.get((language, slide)) is None] if grid else []
        if grid is None or not missing:
            self._maker.stop()
            return
        from kiosk.show.render import render_slide

        size = (round(self.stage.design[0] / THUMBNAIL_SHARE),
                round(self.stage.design[1] / THUMBNAIL_SHARE))
        image, view = render_slide(self.stage.loaded, self.show.config, missing[0], size,
                                   language, explain_faults=self.stage.authoring)  # (an
        # error's words are the author's business, not the visitor's)
        view.dispose()
        self.thumbnails.put((language, missing[0]), QPixmap.fromImage(image))
        grid.update()

    def _choose(self, slide: int | None) -> None:
        self.show.apply(Command(Action.OVERVIEW), "overview")  # closed
        if slide is not None:
            self.show.apply(Command(Action.JUMP, slide + 1), "overview")

    # --- input while open -------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self.grid is None or self.show.overlay != "overview"
                or event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent)):
            return False
        what = OVERVIEW_KEYS.get(key_name(event) or "")
        if what in MOVES:
            self.grid.move(*MOVES[what])
            self._maker.start()
        elif what in ("page-on", "page-back"):
            self.swipe(1 if what == "page-on" else -1)
        elif what == "choose":
            self._choose(self.grid.chosen)
        elif what == "close":
            self._choose(None)
        return True

    def tap(self, point: QPointF) -> bool:
        if self.grid is None:
            return False
        self._choose(self.grid.at(point))
        return True

    def swipe(self, direction: int) -> bool:
        if self.grid is None:
            return False
        self.grid.turn(direction)  # a page of the grid
        self._maker.start()
        return True
