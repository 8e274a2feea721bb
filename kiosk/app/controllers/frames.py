"""Frames while something moves, and the next slides got ready while nothing does."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer

from kiosk.app.show import Show
from kiosk.show.stage import Stage

FRAME_MS = 16
FIRST_PREBUILD_MS = 300
"""The neighbours are built once the window is up, at its scale: not on the way to the
first frame (a zero timer would run before the first paint)."""


class Frames(QObject):
    """Runs the frame timer while the stage animates; when it stops, gets the slides most
    likely next ready, one short step per turn of the event loop, so that a key pressed
    meanwhile waits for one step at most. A slide that fails on screen is left."""

    def __init__(self, show: Show, stage: Stage) -> None:
        super().__init__(show)
        self.show, self.stage = show, stage
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(FRAME_MS)
        self._to_build: list[int] = []

    def bind(self) -> None:
        self.timer.timeout.connect(self.stage.tick)
        self.stage.animating_changed.connect(self._animating)
        self.stage.slide_failed.connect(self._failed)
        if self.stage.animating:  # the first slide moves from the start: it was shown
            self.timer.start()    # before anyone listened
        QTimer.singleShot(FIRST_PREBUILD_MS, self, self._prebuild)

    def unbind(self) -> None:
        self.timer.stop()
        self.timer.timeout.disconnect(self.stage.tick)
        self.stage.animating_changed.disconnect(self._animating)
        self.stage.slide_failed.disconnect(self._failed)
        self._to_build = []

    def _animating(self, animating: bool) -> None:
        if animating:
            self.timer.start()
        else:
            self.timer.stop()
            QTimer.singleShot(0, self, self._prebuild)  # the slide most likely next

    def _failed(self, index: int) -> None:
        if index == self.show.index:
            QTimer.singleShot(0, self, lambda: self.show.leave_failed(index))

    def _prebuild(self) -> None:
        if self.stage.animating:
            return
        index, count = self.stage.index, len(self.show.deck.slides)
        self._to_build = list(dict.fromkeys(
            [self.show.next_guess % count, (index + 1) % count, (index - 1) % count]))
        self._build_one()

    def get_ready(self, index: int) -> None:
        """Get slide ``index`` ready first, one step now and the rest on later turns."""
        self._to_build = [index, *(n for n in self._to_build if n != index)]
        self._build_one()

    def _build_one(self) -> None:
        if self.stage.animating or not self._to_build:
            return
        if not self.stage.prebuild(self._to_build[0]):
            self._to_build.pop(0)
        if self._to_build:
            QTimer.singleShot(0, self, self._build_one)

    @property
    def getting_ready(self) -> list[int]:
        """The slides still to get ready, next first."""
        return list(self._to_build)
