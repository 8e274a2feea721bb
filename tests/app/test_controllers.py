"""Each controller on its own: made with what it needs, bound, and left out again.

The show here has a stage and the show's state and only the controllers a test binds:
what the others would do does not happen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.app.controllers import Ticker
from kiosk.app.controllers.idle import Idle
from kiosk.app.controllers.keyboard import Keyboard
from kiosk.app.show import Show
from kiosk.play.clock import FakeClock
from kiosk.show.stage import Stage
from tests import decks
from tests.decks import config, titles


def bare(qtbot, tmp_path, **sections):
    """A stage and the show's state, no controller bound."""
    cfg = config(**sections)
    clock = FakeClock()
    stage = Stage(decks.built(tmp_path, titles(5), cfg), cfg, clock)
    qtbot.addWidget(stage)
    stage.resize(960, 540)
    stage.show()
    return Show(stage, cfg, clock, parent=stage), stage, clock  # (as long as its stage)


def test_keys_move_the_show_only_while_the_keyboard_is_bound(qtbot, tmp_path):
    show, stage, clock = bare(qtbot, tmp_path)
    qtbot.keyClick(stage, Qt.Key.Key_Right)
    assert show.index == 0  # no keyboard: a key does nothing
    keyboard = Keyboard(show, stage, clock)
    keyboard.bind()
    qtbot.keyClick(stage, Qt.Key.Key_Right)
    assert show.index == 1 and stage.index == 1
    keyboard.unbind()
    qtbot.keyClick(stage, Qt.Key.Key_Right)
    assert show.index == 1


def test_the_loop_moves_on_only_while_idle_is_bound(qtbot, tmp_path):
    show, stage, clock = bare(qtbot, tmp_path, kiosk={"loop": True})
    ticker = Ticker()
    idle = Idle(show, clock, ticker)
    clock.advance(13)  # a slide stays 12 s
    ticker.tick()
    assert show.index == 0  # not bound: time passes, nothing moves
    idle.bind()
    ticker.tick()
    assert show.index == 1 and stage.index == 1
    idle.unbind()
    clock.advance(13)
    ticker.tick()
    assert show.index == 1


def test_a_player_unbound_stands_still(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, titles(5))
    player.unbind()
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    clock.advance(13)
    player.poll()
    assert player.show.index == 0
    player.bind()
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.show.index == 1
