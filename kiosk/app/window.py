"""Putting the show on a screen: full screen even without a window manager."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)
MIN_TARGET_MM = 12.0


def choose_screen(wanted: int | str | None) -> QScreen:
    """The screen by index or name; the primary one when it is not there."""
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    if wanted is None:
        return primary
    if isinstance(wanted, str) and wanted.isdigit():
        wanted = int(wanted)
    if isinstance(wanted, int):
        if 0 <= wanted < len(screens):
            return screens[wanted]
    else:
        for screen in screens:
            if screen.name() == wanted:
                return screen
    names = ", ".join(f"{n}: {s.name()}" for n, s in enumerate(screens))
    log.warning("screen %r not found (have %s): using the primary screen", wanted, names)
    return primary


def place(widget: QWidget, screen: QScreen, *, full_screen: bool,
          aspect: float = 16 / 9) -> None:
    """Show ``widget`` on ``screen``, full screen or as a normal window of ``aspect``
    (width / height).

    Under a bare X server (no window manager, as many kiosks boot) ``showFullScreen``
    alone leaves a small window in the corner: the window also takes the screen's
    geometry itself.
    """
    geometry = screen.geometry()
    if full_screen:
        widget.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        widget.setGeometry(geometry)
        widget.showFullScreen()
        if widget.geometry() != geometry:
            widget.setGeometry(geometry)
        widget.raise_()
        widget.activateWindow()
    else:
        available = screen.availableGeometry()  # a window of the stage's shape (portrait
        width = min(1280.0, available.width() * 0.8, available.height() * 0.8 * aspect)
        widget.resize(round(width), round(width / aspect))  # for a totem), 80 % at most
        widget.move(available.center() - widget.rect().center())
        widget.show()


def design_pixels_for_mm(screen: QScreen, scale: float, mm: float = MIN_TARGET_MM) -> float:
    """How many design pixels make ``mm`` millimetres on ``screen`` at stage ``scale``."""
    dpi = screen.physicalDotsPerInch() or 96.0
    device = mm / 25.4 * dpi
    return device / max(scale, 1e-6)
