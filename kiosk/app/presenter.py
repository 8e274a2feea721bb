"""The presenter console: the slide on screen, the next one, notes, timer and clock.

It shows the audience's scene live through a second view, takes the same keys as the
show, and goes on another screen (a normal window when there is only one).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsView,
    QGridLayout,
    QLabel,
    QWidget,
)

from kiosk.app.controllers import Ticker
from kiosk.app.show import Show
from kiosk.play.clock import Clock
from kiosk.show.background import gradient_brush
from kiosk.show.render import render_slide
from kiosk.show.stage import Stage
from kiosk.show.viewsetup import set_up


class LiveView(QGraphicsView):
    """A second look at the audience's scene, with the stage's background."""

    def __init__(self, stage: Stage) -> None:
        super().__init__(stage.scene())
        self._brush = gradient_brush(stage.chrome.palette, *stage.design)
        set_up(self, focus=False)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        painter.fillRect(rect, QColor("black"))
        painter.fillRect(self.sceneRect(), self._brush)


class Console(QWidget):
    """The presenter's window: it follows the show, and its keys go to the stage as the
    audience's screen's do."""

    def __init__(self, show: Show, stage: Stage, clock: Clock, ticker: Ticker) -> None:
        super().__init__()
        self.playing, self.stage, self.clock = show, stage, clock
        show.attach_console()
        self.started = clock.now()
        self.setWindowTitle("kiosk · presenter")
        palette = stage.chrome.palette
        self.setStyleSheet(f"background: {palette.background.name()}; "
                           f"color: {palette.text.name()};")
        self.current = LiveView(stage)
        self.next = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.notes = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignTop)
        self.timer = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.timer.setToolTip("click to start again from 00:00")
        self.clock_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.position = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        for label, size in ((self.notes, 22), (self.timer, 40), (self.clock_label, 28),
                            (self.position, 28), (self.next, 16)):
            font = label.font()
            font.setPixelSize(size)
            label.setFont(font)
        grid = QGridLayout(self)
        grid.addWidget(self.timer, 0, 0)
        grid.addWidget(self.position, 0, 1)
        grid.addWidget(self.clock_label, 0, 2)
        grid.addWidget(self.current, 1, 0, 2, 2)
        grid.addWidget(self.next, 1, 2)
        grid.addWidget(self.notes, 2, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(2, 3)
        self._next_for: tuple[int, str, int] | None = None
        self._content = 0
        """How many times new content came: a picture of the next slide made before
        is of old content."""
        self.installEventFilter(self)
        self.timer.installEventFilter(self)
        show.slide_changed.connect(lambda *_: self.refresh())
        show.language_changed.connect(lambda *_: self.refresh())
        show.content_changed.connect(self._new_content)
        ticker.ticked.connect(self.refresh)
        self.resize(1280, 720)
        self.refresh()

    def swap_screens(self) -> None:
        """Put the show where the console is and the console where the show was."""
        from kiosk.app.window import place

        stage = self.stage
        audience, console = stage.screen(), self.screen()
        if audience is console:
            return
        place(stage, console, full_screen=stage.isFullScreen())
        place(self, audience, full_screen=self.isFullScreen())
        stage.fit()

    def reset_timer(self) -> None:
        self.started = self.clock.now()
        self.refresh()

    def _new_content(self) -> None:
        self._content += 1
        self.refresh()

    def elapsed_text(self) -> str:
        seconds = int(self.clock.now() - self.started)
        hours, rest = divmod(seconds, 3600)
        return (f"{hours}:" if hours else "") + f"{rest // 60:02d}:{rest % 60:02d}"

    def refresh(self) -> None:
        """Bring every part up to date (slide change, language, each timer tick)."""
        show = self.playing
        deck, index, language = show.deck, show.index, show.language
        self.timer.setText(self.elapsed_text())
        self.clock_label.setText(dt.datetime.fromtimestamp(self.clock.wall()).strftime("%H:%M"))
        self.position.setText(f"{index + 1} / {len(deck.slides)}")
        notes = deck.slides[index].notes
        self.notes.setText(notes.get_text(language, deck.default_language) if notes else "—")
        following = show.navigator.following()
        if following is None:
            self.next.setText("(last slide)")
            self._next_for = None
        elif self._next_for != (following, language, self._content):
            image, view = render_slide(show.loaded, show.config, following, (480, 270),
                                       language)
            view.dispose()
            self.next.setPixmap(QPixmap.fromImage(image))
            self._next_for = (following, language, self._content)
        self.fit()

    def fit(self) -> None:
        """The live view's picture scaled to its room."""
        self.current.fitInView(0, 0, *self.stage.design, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.timer and event.type() == QEvent.Type.MouseButtonPress:
            self.reset_timer()
            return True
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_T:
                self.reset_timer()
            elif event.key() == Qt.Key.Key_S:
                self.swap_screens()
            else:
                QApplication.sendEvent(self.stage, QKeyEvent(
                    event.type(), event.key(), event.modifiers(), event.text()))
            return True
        return False
