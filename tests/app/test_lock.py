"""A locked kiosk: every escape a visitor tries fails; the operator's PIN or chord exits."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QPointF, Qt

from kiosk.app.lock import HOLD_SECONDS
from kiosk.pin import hash_pin
from kiosk.play.lockout import FIRST_REST
from tests import decks

PIN = "2468"


@pytest.fixture
def shown(qtbot, tmp_path):
    """A locked kiosk with a PIN and a chord, full screen, on a deck of three title
    slides (nothing in the corners, nothing to tap in the middle)."""
    config = decks.config(kiosk={"lock": True, "pin_hash": hash_pin(PIN, iterations=1000),
                                 "exit_chord": "Ctrl+Alt+Shift+X"})
    player, clock = decks.show(qtbot, tmp_path, decks.titles(3), config, locked=True)
    player.stage.showFullScreen()
    qtbot.waitUntil(player.stage.isFullScreen)
    yield player, clock
    player.operator.release()  # the test is over: let the window close
    player.stage.close()


@pytest.fixture
def locked(shown):
    return shown[0]


@pytest.fixture
def clock(shown):
    return shown[1]


def at(player, x, y):
    return player.stage.mapFromScene(QPointF(x, y))


def hold(qtbot, player, clock, x, y, seconds):
    viewport = player.stage.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at(player, x, y))
    clock.advance(seconds)
    player.poll()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at(player, x, y))


def tap_keys(qtbot, player, keys):
    for key in keys:
        centre = player.operator.keypad.keys[key].center()
        qtbot.mouseClick(player.stage.viewport(), Qt.MouseButton.LeftButton,
                         pos=at(player, centre.x(), centre.y()))


@pytest.mark.parametrize(("key", "mods"), [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
])
def test_escape_keys_leave_the_show_up(qtbot, locked, key, mods, caplog):
    with qtbot.assertNotEmitted(locked.show.quit_requested), \
            qtbot.assertNotEmitted(locked.show.exit_requested):
        qtbot.keyClick(locked.stage, key, mods)
    assert locked.stage.isVisible() and locked.stage.isFullScreen()


def test_close_requests_are_refused_and_logged(qtbot, locked, caplog):
    caplog.set_level(logging.INFO, logger="kiosk.app.lock")
    assert locked.stage.close() is False
    assert locked.stage.isVisible()
    assert "close request refused" in caplog.text


def test_leaving_full_screen_is_undone(qtbot, locked):
    locked.stage.showNormal()
    qtbot.waitUntil(locked.stage.isFullScreen)


def test_long_press_elsewhere_does_nothing(qtbot, locked, clock):
    hold(qtbot, locked, clock, 960, 540, HOLD_SECONDS + 1)
    assert locked.operator.keypad is None and locked.stage.index == 0


def test_short_corner_press_does_nothing(qtbot, locked, clock):
    hold(qtbot, locked, clock, 40, 40, HOLD_SECONDS - 1)
    assert locked.operator.keypad is None


def test_corner_hold_then_right_pin_exits(qtbot, locked, clock):
    hold(qtbot, locked, clock, 40, 40, HOLD_SECONDS + 0.1)
    assert locked.operator.keypad is not None
    with qtbot.waitSignal(locked.show.exit_requested):
        tap_keys(qtbot, locked, [*PIN, "OK"])
    assert locked.stage.close() is True  # now the window may close


def test_wrong_pin_stays_and_three_wrong_rest_the_keypad(qtbot, locked, clock):
    hold(qtbot, locked, clock, 40, 40, HOLD_SECONDS + 0.1)
    with qtbot.assertNotEmitted(locked.show.exit_requested):
        tap_keys(qtbot, locked, ["1", "1", "1", "1", "OK"])
    assert locked.operator.keypad is not None and "Wrong" in locked.operator.keypad.message
    tap_keys(qtbot, locked, ["1", "2", "3", "4", "OK"])
    tap_keys(qtbot, locked, ["9", "9", "9", "9", "OK"])
    assert locked.operator.keypad.resting  # rests after three wrong tries, and says so
    assert locked.operator.keypad.message == "请稍候 · Wait a minute"
    with qtbot.assertNotEmitted(locked.show.exit_requested):
        tap_keys(qtbot, locked, [*"2468", "OK"])  # not even the right PIN, now
    assert locked.operator.keypad.digits == ""
    tap_keys(qtbot, locked, ["×"])
    hold(qtbot, locked, clock, 40, 40, HOLD_SECONDS + 0.1)
    assert locked.operator.keypad.resting  # still resting
    tap_keys(qtbot, locked, ["×"])
    clock.advance(FIRST_REST)
    hold(qtbot, locked, clock, 40, 40, HOLD_SECONDS + 0.1)
    assert locked.operator.keypad is not None and not locked.operator.keypad.resting


def test_keypad_takes_keyboard_digits_and_escape_closes_it(qtbot, locked, clock):
    hold(qtbot, locked, clock, 40, 40, HOLD_SECONDS + 0.1)
    qtbot.keyClicks(locked.stage, "24")
    assert locked.operator.keypad.digits == "24"
    qtbot.keyClick(locked.stage, Qt.Key.Key_Escape)
    assert locked.operator.keypad is None and locked.stage.isFullScreen()


def test_operator_chord_exits(qtbot, locked):
    mods = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(locked.show.exit_requested):
        qtbot.keyClick(locked.stage, Qt.Key.Key_X, mods)


@pytest.mark.parametrize("design", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_the_keypad_says_its_title_and_messages_whole(qapp, design):
    # Its words stay inside the panel, clear of its close button: not cut at the edges
    # ("IN 错误 · Wrong PI") in either shape of screen.
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QGraphicsScene

    from kiosk.app.lock import Keypad
    from kiosk.config.sections import Theme
    from kiosk.show.theme import Palette

    palette = Palette.from_theme(Theme())
    for message in ("PIN 错误 · Wrong PIN", "请稍候 · Wait 30 minutes"):
        keypad = Keypad(*design, palette)
        keypad.say(message)
        scene = QGraphicsScene(0, 0, *design)
        scene.addItem(keypad)
        image = QImage(*design, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        scene.render(painter)
        painter.end()
        box, close = keypad.box, keypad.keys["×"]
        rows = range(int(box.top()) + 26, int(keypad.keys["1"].top()))  # (below the
        title = range(rows.start, int(close.bottom()))                  # rounded corners)
        edges = [(x, y) for x in (int(box.left()) + 6, int(box.right()) - 6) for y in rows]
        by_close = [(int(close.left()) - 3, y) for y in title]
        inked = [(x, y) for x, y in edges + by_close
                 if QColor(image.pixel(x, y)).lightness() > 150]
        assert not inked, (message, inked[:3])
        scene.removeItem(keypad)
