"""The presenter console: slide n of N, the notes, the next slide, timer and keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.app.player import Player
from kiosk.app.presenter import Console
from kiosk.play.clock import FakeClock

# Qt's offscreen platform says so for every top-level window with a layout; harmless.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def console(qtbot, default_deck, installation):
    clock = FakeClock()
    player = Player(default_deck, installation.config, clock)
    player.housekeeping.stop()
    qtbot.addWidget(player.stage)
    console = Console(player)
    qtbot.addWidget(console)
    console.show()
    return console, player, clock


def test_console_shows_position_notes_and_next_slide(console):
    console, player, _ = console
    assert console.position.text() == "1 / 13"
    assert console.notes.text().startswith("5月16日，江苏省政府新闻办")
    assert console.next.pixmap() is not None and not console.next.pixmap().isNull()
    assert console.current.scene() is player.stage.scene()  # the audience's picture, live


def test_console_keys_drive_the_show_and_follow_the_language(qtbot, console):
    console, player, _ = console
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert player.stage.index == 1 and console.position.text() == "2 / 13"
    assert console.notes.text().startswith("在“经济强”上")
    qtbot.keyClick(console, Qt.Key.Key_L)
    assert console.notes.text().startswith("GDP reached 1.74 trillion yuan")
    qtbot.keyClick(console, Qt.Key.Key_End)
    assert console.position.text() == "13 / 13" and console.notes.text() == "—"


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
