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
    QFrame,
    QGraphicsView,
    QGridLayout,
    QLabel,
    QWidget,
)

from kiosk.app.player import Player
from kiosk.show.background import gradient_brush
from kiosk.show.render import render_slide


class LiveView(QGraphicsView):
    """A second look at the audience's scene, with the stage's background."""

    def __init__(self, player: Player) -> None:
        super().__init__(player.stage.scene())
        self._brush = gradient_brush(player.stage.chrome.palette, *player.stage.design)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        painter.fillRect(rect, QColor("black"))
        painter.fillRect(self.sceneRect(), self._brush)


class Console(QWidget):
    """The presenter's window, driven by the player's clock."""

    def __init__(self, player: Player) -> None:
        super().__init__()
        self.player = player
        player.presenting = True
        self.started = player.clock.now()
        self.setWindowTitle("kiosk · presenter")
        self.setStyleSheet("background: #0a1628; color: #f4f1ea;")
        self.current = LiveView(player)
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
        self._next_for: tuple[int, str] | None = None
        self.installEventFilter(self)
        self.timer.installEventFilter(self)
        player.slide_changed.connect(lambda *_: self.refresh())
        player.language_changed.connect(lambda *_: self.refresh())
        player.housekeeping.timeout.connect(self.refresh)
        self.resize(1280, 720)
        self.refresh()

    def swap_screens(self) -> None:
        """Put the show where the console is and the console where the show was."""
        from kiosk.app.window import place

        stage = self.player.stage
        audience, console = stage.screen(), self.screen()
        if audience is console:
            return
        place(stage, console, full_screen=stage.isFullScreen())
        place(self, audience, full_screen=self.isFullScreen())
        stage.fit()

    def reset_timer(self) -> None:
        self.started = self.player.clock.now()
        self.refresh()

    def elapsed_text(self) -> str:
        seconds = int(self.player.clock.now() - self.started)
        hours, rest = divmod(seconds, 3600)
        return (f"{hours}:" if hours else "") + f"{rest // 60:02d}:{rest % 60:02d}"

    def refresh(self) -> None:
        """Bring every part up to date (slide change, language, each timer tick)."""
        player = self.player
        index, count = player.stage.index, len(player.deck.slides)
        language = player.stage.language
        self.timer.setText(self.elapsed_text())
        self.clock_label.setText(dt.datetime.fromtimestamp(player.clock.wall())
                                 .strftime("%H:%M"))
        self.position.setText(f"{index + 1} / {count}")
        notes = player.deck.slides[index].notes
        self.notes.setText(notes.get_text(language, player.deck.default_language)
                           if notes else "—")
        following = index + 1 if index + 1 < count else (0 if player.navigator.loop else None)
        if following is None:
            self.next.setText("(last slide)")
            self._next_for = None
        elif self._next_for != (following, language):
            image, view = render_slide(player.stage.loaded, player.config, following,
                                       (480, 270), language)
            view.dispose()
            self.next.setPixmap(QPixmap.fromImage(image))
            self._next_for = (following, language)
        self._fit()

    def _fit(self) -> None:
        view = self.current
        view.fitInView(0, 0, *self.player.stage.design, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

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
                QApplication.sendEvent(self.player.stage, QKeyEvent(
                    event.type(), event.key(), event.modifiers(), event.text()))
            return True
        return False
