"""The presenter console: slide n of N, the notes, the next slide, timer and keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from kiosk.app.presenter import Console
from tests import decks
from tests.decks import both, deck, title_slide

# Qt's offscreen platform says so for every top-level window with a layout; harmless.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


# Three slides: notes in Chinese and English on the first two, none on the last.
NOTES = deck(title_slide(notes=both("开场：介绍发布会。", "Opening: the press conference.")),
             {"type": "title", "title": "2", "notes": both("第二页的讲稿。", "Notes of two.")},
             {"type": "closing", "title": "3"})


@pytest.fixture
def console(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, NOTES)
    console = Console(player.show, player.stage, clock, player.ticker)
    qtbot.addWidget(console)
    console.show()
    return console, player, clock


def test_console_shows_position_notes_and_next_slide(console):
    console, player, _ = console
    assert console.position.text() == "1 / 3"
    assert console.notes.text() == "开场：介绍发布会。"
    assert console.next.pixmap() is not None and not console.next.pixmap().isNull()
    assert console.current.scene() is player.stage.scene()  # the audience's picture, live


def test_console_keys_drive_the_show_and_follow_the_language(qtbot, console):
    console, player, _ = console
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert player.stage.index == 1 and console.position.text() == "2 / 3"
    assert console.notes.text() == "第二页的讲稿。"
    qtbot.keyClick(console, Qt.Key.Key_L)
    assert console.notes.text() == "Notes of two."
    qtbot.keyClick(console, Qt.Key.Key_End)
    assert console.position.text() == "3 / 3" and console.notes.text() == "—"


def test_timer_counts_on_the_clock_and_resets(qtbot, console):
    console, _, clock = console
    assert console.timer.text() == "00:00"
    clock.advance(65)
    console.refresh()
    assert console.timer.text() == "01:05"
    clock.advance(3600)
    console.refresh()
    assert console.timer.text() == "1:01:05"
    qtbot.mouseClick(console.timer, Qt.MouseButton.LeftButton)
    assert console.timer.text() == "00:00"
    clock.advance(10)
    qtbot.keyClick(console, Qt.Key.Key_T)
    assert console.timer.text() == "00:00"


def test_live_view_has_the_stage_background(qtbot, console):
    console, _, _ = console
    console.resize(1280, 720)
    console.current.resize(640, 360)
    console.fit()
    image = console.current.grab().toImage()
    inside = console.current.mapFromScene(QPointF(6, 6))  # the stage's top-left corner
    corner = image.pixelColor(inside.x(), inside.y())
    # The gradient starts from the theme's surface colour (#13233d) at the top left; the
    # console window itself is the flat background colour (#0a1628).
    surface, window = QColor("#13233d"), QColor("#0a1628")
    assert abs(corner.red() - surface.red()) < abs(corner.red() - window.red())


def test_swap_screens_with_one_screen_keeps_both(qtbot, console):
    console, player, _ = console
    qtbot.keyClick(console, Qt.Key.Key_S)
    assert player.stage.index == 0  # S is the console's, not the show's


def test_presenters_escape_opens_the_overview(qtbot, console):
    console, player, _ = console
    qtbot.keyClick(console, Qt.Key.Key_Escape)
    assert player.overview.grid is not None
    qtbot.keyClick(console, Qt.Key.Key_Escape)
    assert player.overview.grid is None
