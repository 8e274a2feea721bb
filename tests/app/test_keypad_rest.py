"""The operator keypad on a locked show rests longer after each round of wrong PINs,
and a restart does not undo the rest."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from kiosk.app.lock import HOLD_SECONDS
from kiosk.app.player import Player
from kiosk.config import Config
from kiosk.config.sections import KioskPolicy
from kiosk.pin import hash_pin
from kiosk.play.clock import FakeClock
from kiosk.play.lockout import FIRST_REST
from tests import decks

PIN = "2468"


def locked_show(qtbot, tmp_path, clock):
    loaded = decks.load(decks.write(tmp_path / "site", decks.titles(3)))
    policy = KioskPolicy(lock=True, pin_hash=hash_pin(PIN, iterations=1000))
    player = Player(loaded, Config(kiosk=policy), clock, locked=True,
                    lock_state=tmp_path / "state" / "keypad.json")
    player.housekeeping.stop()
    qtbot.addWidget(player.stage)
    player.stage.resize(960, 540)
    player.stage.show()
    qtbot.waitExposed(player.stage)
    return player


def at(player, x, y):
    return player.stage.mapFromScene(QPointF(x, y))


def open_keypad(qtbot, player, clock) -> bool:
    """Hold the top-left corner: whether the keypad opens and takes a PIN (a resting one
    says how long to wait, and is closed again here)."""
    viewport = player.stage.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at(player, 40, 40))
    clock.advance(HOLD_SECONDS + 0.1)
    player.poll()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at(player, 40, 40))
    assert player.operator.keypad is not None
    if player.operator.keypad.resting:
        assert player.operator.keypad.message.startswith("请稍候 · Wait ")
        player.operator.keypad.press("×")
        return False
    return True


def three_wrong(qtbot, player) -> None:
    for _ in range(3):
        for key in ("1", "1", "1", "1", "OK"):
            centre = player.operator.keypad.keys[key].center()
            qtbot.mouseClick(player.stage.viewport(), Qt.MouseButton.LeftButton,
                             pos=at(player, centre.x(), centre.y()))


def test_the_rest_doubles_and_outlives_a_restart(qtbot, tmp_path):
    clock = FakeClock()
    player = locked_show(qtbot, tmp_path, clock)
    assert open_keypad(qtbot, player, clock)
    three_wrong(qtbot, player)
    keypad = player.operator.keypad
    assert keypad.resting and keypad.message == "请稍候 · Wait a minute"
    player.operator.keypad.press("×")
    clock.advance(FIRST_REST)
    assert open_keypad(qtbot, player, clock)  # a minute later
    three_wrong(qtbot, player)
    player.operator.keypad.press("×")
    clock.advance(FIRST_REST)
    assert not open_keypad(qtbot, player, clock)  # now it rests two minutes
    player.operator.release()
    player.stage.close()
    restarted = locked_show(qtbot, tmp_path, clock)  # unplugged and started again
    assert not open_keypad(qtbot, restarted, clock)
    clock.advance(FIRST_REST)
    assert open_keypad(qtbot, restarted, clock)
    restarted.operator.release()


def test_a_keypad_left_open_through_its_rest_takes_a_pin_again(qtbot, tmp_path):
    clock = FakeClock()
    player = locked_show(qtbot, tmp_path, clock)
    assert open_keypad(qtbot, player, clock)
    three_wrong(qtbot, player)
    assert player.operator.keypad.resting
    clock.advance(FIRST_REST + 1)
    player.poll()
    assert not player.operator.keypad.resting and player.operator.keypad.message == ""
    for key in (*PIN, "OK"):
        player.operator.keypad.press(key)
    assert player.operator.lock.released  # the operator's PIN opens it


def test_a_keypad_left_open_closes_when_the_show_goes_home(qtbot, tmp_path):
    clock = FakeClock()
    player = locked_show(qtbot, tmp_path, clock)
    assert open_keypad(qtbot, player, clock)
    clock.advance(player.config.kiosk.idle_timeout + 1)  # whoever opened it walked away
    player.poll()
    player.poll()
    assert player.operator.keypad is None
    player.operator.release()
