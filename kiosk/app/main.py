"""``kiosk run``: start Qt, put the show on screen, run until asked to stop."""

from __future__ import annotations

import argparse
import logging
import sys

from kiosk.config import Installation
from kiosk.deck.load import LoadedDeck

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


def play(installation: Installation, loaded: LoadedDeck, args: argparse.Namespace) -> int:
    """Play the show; return the exit status."""
    from kiosk.app import platform

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: "
                        "%(message)s")
    for warning in loaded.warnings:
        log.warning("%s", warning)
    why = platform.problem()
    if why is not None:
        print(f"kiosk: {why}", file=sys.stderr)
        return EXIT_ENVIRONMENT

    from PySide6.QtWidgets import QApplication

    from kiosk.app.player import Player
    from kiosk.app.window import choose_screen, design_pixels_for_mm, place
    from kiosk.play.clock import MonotonicClock
    from kiosk.show import fonts

    _qt_messages_to_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    app.setFont(fonts.font(16))
    config = installation.config
    locked = bool(args.kiosk or config.kiosk.lock)
    player = Player(loaded, config, MonotonicClock(), locked=locked)
    player.quit_requested.connect(app.quit)
    screen = choose_screen(args.screen if args.screen is not None else config.display.screen)
    full_screen = not (args.windowed or config.display.windowed)
    place(player.widget, screen, full_screen=full_screen)
    player.stage.fit()
    player.stage.chrome.set_button_side(design_pixels_for_mm(screen, player.stage.scale_factor))
    player.widget.setWindowTitle(loaded.deck.title.get_text(
        player.stage.language, loaded.deck.default_language))
    return app.exec()
