"""The show's window on a screen."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kiosk.app.window import place


def test_a_window_takes_the_stage_shape_portrait_or_landscape(qtbot):
    screen = QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    for aspect in (16 / 9, 9 / 16):
        widget = QWidget()
        qtbot.addWidget(widget)
        place(widget, screen, full_screen=False, aspect=aspect)
        size = widget.size()
        assert abs(size.width() / size.height() - aspect) < 0.01
        assert size.width() <= available.width() and size.height() <= available.height()
        assert available.contains(widget.geometry().center())
