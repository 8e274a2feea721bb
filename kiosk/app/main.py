"""``kiosk run``: start Qt, put the show on screen, run until asked to stop."""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.app.options import PlayOptions
from kiosk.config import Config, Installation, deck_problems
from kiosk.deck.errors import display_path
from kiosk.deck.load import LoadedDeck
from kiosk.record.log import log_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from kiosk.app.controllers import Ticker
    from kiosk.app.player import Player
    from kiosk.app.presenter import Console
    from kiosk.app.show import Show
    from kiosk.play.clock import Clock
    from kiosk.record.log import VisitorLog

log = logging.getLogger("kiosk")
EXIT_ENVIRONMENT = 3


def _qt_messages_to_logging() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def _report_window(widget: object) -> None:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    g = widget.geometry()
    screen = widget.screen()
    log.info("showing %s at %d,%d %dx%d on screen %s (%dx%d)",
             "full screen" if widget.isFullScreen() else "windowed", g.x(), g.y(), g.width(),
             g.height(), screen.name(), screen.geometry().width(), screen.geometry().height())


def _exit_after_first_frame(app: QApplication, viewport: QWidget) -> None:
    """For bench/startup.py: say when the first slide is painted, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, self.done)
            return False

        def done(self) -> None:
            print("first-frame", flush=True)
            app.quit()

    watch = Watch(app)
    viewport.installEventFilter(watch)


class Recording:
    """What visitors look at, written to the visitor log the config names (which may
    change live: the log follows)."""

    def __init__(self, show: Show, clock: Clock, ticker: Ticker) -> None:
        self.show, self.clock = show, clock
        self.visitors: VisitorLog | None = None
        self.record: object = None
        self.follow(show.config)
        self._shown(show.index, "start")
        show.slide_changed.connect(self._shown)
        show.language_changed.connect(
            lambda lang: self.visitors and self.visitors.language_switched(clock.wall(), lang))
        show.session_started.connect(
            lambda: self.visitors and self.visitors.session_started(clock.wall()))
        show.session_ended.connect(
            lambda: self.visitors and self.visitors.session_ended(clock.wall()))
        ticker.ticked.connect(lambda: self.visitors and self.visitors.flush(clock.now()))
        show.config_changed.connect(self.follow)

    def follow(self, config: Config) -> None:
        """Open the log the config names (or none), closing another one: what was on
        screen until now is written to the old log; the new one starts with the next
        slide."""
        if config.record == self.record:
            return
        self.record = config.record
        if self.visitors is not None:
            self.visitors.close(self.clock.wall())
            self.visitors = None
        if config.record.enabled:
            from kiosk.record.log import VisitorLog

            path = log_path(config.record.path)
            self.visitors = VisitorLog(path)
            log.info("visitor log: %s", path)
        else:
            log.info("visitor log: off")

    def _shown(self, index: int, cause: str) -> None:
        if self.visitors is not None:
            show = self.show
            self.visitors.slide_shown(self.clock.wall(), index, show.deck.slides[index].id,
                                      cause, show.language, show.loaded.path.name)

    def close(self) -> None:
        if self.visitors is not None:
            self.visitors.close(self.clock.wall())
            self.visitors = None


def _for_authors(config: Config) -> Config:
    """An author's window (kiosk preview): no loop, no idle return, no lock, no log,
    whatever the config says, now and after each save."""
    return config.model_copy(update={
        "kiosk": config.kiosk.model_copy(update={"loop": False, "idle_timeout": None,
                                                 "lock": False}),
        "record": config.record.model_copy(update={"enabled": False})})


def _for_talks(config: Config) -> Config:
    """A talk (``--presenter``): no loop, no idle return, no opening hours, no visitor
    log, unless ``presenter.unattended`` keeps them; now and after each change."""
    if config.presenter.unattended:
        return config
    return config.model_copy(update={
        "kiosk": config.kiosk.model_copy(update={"loop": False, "idle_timeout": None}),
        "schedule": None, "record": config.record.model_copy(update={"enabled": False})})


def _adjuster(preview: bool, talk: bool) -> Callable[[Config], Config] | None:
    """What the command line changes in every config the show takes."""
    steps = [step for step, wanted in ((_for_authors, preview), (_for_talks, talk)) if wanted]
    if not steps:
        return None

    def adjust(config: Config) -> Config:
        for step in steps:
            config = step(config)
        return config

    return adjust


def _presenter(player: Player, audience: object, wanted: int | str | None) -> Console:
    """The console on its screen (another than the audience's by default), or in a
    window when there is only one screen."""
    from PySide6.QtGui import QGuiApplication

    from kiosk.app.presenter import Console
    from kiosk.app.window import choose_screen, place

    console = Console(player.show, player.stage, player.clock, player.ticker)
    others = [s for s in QGuiApplication.screens() if s is not audience]
    target = choose_screen(wanted) if wanted is not None else (others[0] if others else None)
    if target is None or target is audience:
        place(console, QGuiApplication.primaryScreen(), full_screen=False)
        log.info("presenter console in a window (one screen)")
    else:
        place(console, target, full_screen=True)
        log.info("presenter console on %s", target.name())
    return console


def play(installation: Installation, loaded: LoadedDeck, options: PlayOptions) -> int:
    """Play the show; return the exit status."""
    from kiosk.app import platform

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: "
                        "%(message)s")
    for warning in loaded.warnings:  # (the log's level says it is a warning)
        log.warning("%s:%d:%d: %s", display_path(warning.path), warning.line,
                    warning.column, warning.message)
    why = platform.problem()
    if why is not None:
        print(f"kiosk: {why}", file=sys.stderr)
        return EXIT_ENVIRONMENT

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.app.player import Player
    from kiosk.app.supervise import Supervision
    from kiosk.app.window import choose_screen, design_pixels_for_mm, place
    from kiosk.play.clock import MonotonicClock
    from kiosk.show import fonts
    from kiosk.show.collector import collect_in_gui_thread

    _qt_messages_to_logging()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    app.setFont(fonts.font(16))
    collect_in_gui_thread()  # (photos and films are decoded in threads that run Python)
    preview = options.preview
    talk = options.presenter or installation.config.presenter.enabled
    adjust = _adjuster(preview, talk)
    config = adjust(installation.config) if adjust else installation.config
    locked = options.kiosk or config.kiosk.lock
    deck_path = loaded.path
    clock = MonotonicClock(wall_at=options.at)
    screen = choose_screen(options.screen if options.screen is not None
                           else config.display.screen)
    full_screen = not (options.windowed or config.display.windowed)
    here = Path(deck_path).resolve()
    named = next((loc for loc, path in installation.decks() if path == here), None)
    for problem in deck_problems(installation, named or ("deck",), loaded.deck,
                                 name=None if named else str(deck_path)):
        log.warning("%s (the show goes on without it)", problem)
    player = Player(loaded, config, clock, locked=locked, authoring=not full_screen,
                    lock_state=log_path(config.record.path).with_name("keypad.json"), adjust=adjust)
    show, stage = player.show, player.stage
    show.quit_requested.connect(app.quit)
    show.exit_requested.connect(app.quit)
    if locked:
        log.info("kiosk lock on: close requests are refused")
    show.slide_changed.connect(
        lambda index, cause: log.info("slide %d of %d (%s)", index + 1,
                                      len(show.deck.slides), cause))  # the deck on screen
    show.language_changed.connect(lambda lang: log.info("language %s", lang))
    player.watch_content(installation, Path(deck_path), banner=not full_screen,
                         at_once=preview)
    recording = Recording(show, clock, player.ticker)
    width, height = config.display.design_size
    place(stage, screen, full_screen=full_screen, aspect=width / height)
    # What start-up made (modules, the deck, Qt's wrappers) lives as long as the show:
    # the garbage collector's full passes need not walk it again and again (they took
    # 30-40 ms each, a dropped frame or two).
    gc.freeze()
    stage.fit()
    console = None  # (held until the show ends)
    if talk:
        console = _presenter(player, screen, config.presenter.screen)
    supervision = Supervision(app)
    QTimer.singleShot(0, lambda: _report_window(stage))
    QTimer.singleShot(0, supervision.ready)
    if os.environ.get("KIOSK_EXIT_AFTER_FIRST_FRAME"):
        _exit_after_first_frame(app, stage.viewport())
    stage.chrome.set_button_side(design_pixels_for_mm(screen, stage.scale_factor))
    stage.setWindowTitle(loaded.deck.title.get_text(show.language,
                                                     loaded.deck.default_language))
    status = app.exec()
    del console
    recording.close()
    player.close()
    return status or supervision.exit_status
