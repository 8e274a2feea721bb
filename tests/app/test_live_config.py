"""A config changed while the show runs: every section applies, or the log says why not."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from kiosk.app.main import Recording
from kiosk.app.player import Player
from kiosk.config import load_config
from kiosk.deck.load import load_deck
from kiosk.play.clock import FakeClock
from tests import decks

MONDAY_NOON = dt.datetime(2026, 11, 23, 12, 0).timestamp()


@pytest.fixture
def site(tmp_path):
    decks.write(tmp_path, decks.titles(3, defaults={"duration": 600}))
    (tmp_path / "config.yaml").write_text("deck: deck.yaml\n", encoding="utf-8")
    return tmp_path


def start(qtbot, site):
    clock = FakeClock(wall=MONDAY_NOON)
    installation = load_config(site / "config.yaml")
    loaded = load_deck(installation.deck_path, installation.asset_roots)
    player = Player(loaded, installation.config, clock)
    player.housekeeping.stop()
    player.watch_content(installation, installation.deck_path, banner=False)
    qtbot.addWidget(player.stage)
    player.stage.resize(960, 540)
    player.stage.show()
    qtbot.waitExposed(player.stage)
    return player, clock


def settle_config(player, clock, site, text):
    """Write a new config and let it settle: it is checked and offered to the show."""
    (site / "config.yaml").write_text(text, encoding="utf-8")
    for _ in range(5):
        clock.advance(1.0)
        player.poll()
    assert player.show.pending is not None, player.content.reloader.last_error


def change_config(qtbot, player, clock, site, text):
    """Write a new config, let it settle, and move a slide: all of it is taken then."""
    settle_config(player, clock, site, text)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.show.pending is None


def leave(player, clock) -> None:
    """The visitor (the test's key presses) walks away: the idle return comes."""
    clock.advance(player.config.kiosk.idle_timeout + 1)
    player.poll()
    player.poll()


def test_opening_hours_added_live_close_the_show(qtbot, site, tmp_path):
    player, clock = start(qtbot, site)
    assert player.hours.hours is None
    marker = tmp_path / "off"
    script = tmp_path / "off.py"
    script.write_text(f"open({str(marker)!r}, 'w').write('off')\n", encoding="utf-8")
    change_config(qtbot, player, clock, site, "deck: deck.yaml\nschedule:\n"
                  "  hours: {mon: \"08:00-09:00\"}\n"
                  f"  display_off: {sys.executable} {script}\n")
    leave(player, clock)
    assert player.asleep and player.stage.blank_item.isVisible()
    player.hours.hours.hook.wait(timeout=30)
    assert marker.read_text() == "off"
    change_config(qtbot, player, clock, site, "deck: deck.yaml\n")
    assert player.hours.hours is None and not player.stage.blank_item.isVisible()


def test_a_new_theme_repaints_the_whole_background(qtbot, site):
    player, clock = start(qtbot, site)

    def corners() -> set[int]:
        image = player.stage.viewport().grab().toImage()
        w, h = image.width(), image.height()
        return {QColor(image.pixel(x, y)).rgb() for x, y in
                ((5, 5), (w - 5, 5), (5, h // 2), (w // 2, h - 5), (w - 5, h - 5))}

    before = corners()
    change_config(qtbot, player, clock, site, "deck: deck.yaml\ntheme:\n"
                  "  background: '#5a1010'\n  surface: '#6a2020'\n")
    clock.advance(1.0)
    player.stage.tick()
    after = corners()
    assert after.isdisjoint(before)  # no patch of the old background anywhere
    assert all(QColor(rgb).red() > QColor(rgb).blue() for rgb in after)


def test_display_waits_for_a_restart_and_says_so(qtbot, site, caplog):
    player, clock = start(qtbot, site)
    caplog.set_level(logging.WARNING)
    change_config(qtbot, player, clock, site, "deck: deck.yaml\ndisplay:\n"
                  "  design_size: [1080, 1920]\nkiosk: {loop: false}\n")
    assert "display changed" in caplog.text and "starts again" in caplog.text
    assert player.stage.design == (1920.0, 1080.0)
    assert player.config.display.design_size == (1920, 1080)
    assert player.config.kiosk.loop is False and not player.show.navigator.loop  # the rest applies


def test_a_lock_turned_on_live_refuses_to_close(qtbot, site):
    player, clock = start(qtbot, site)
    assert player.operator.lock is None
    with qtbot.waitSignal(player.show.locked_changed) as flags:
        change_config(qtbot, player, clock, site, "deck: deck.yaml\nkiosk:\n"
                      "  lock: true\n  exit_chord: Ctrl+Alt+Shift+X\n")
    assert flags.args == [True]
    assert player.operator.lock is not None
    assert player.stage.close() is False  # refused
    with qtbot.assertNotEmitted(player.show.quit_requested):
        qtbot.keyClick(player.stage, Qt.Key.Key_Q)
    player.operator.release()


def test_a_lock_and_keys_given_live_apply_at_once_on_the_same_slide(qtbot, site):
    # A show that does not loop: no slide change is coming. The operator locks it and
    # gives the clicker's F12 "black": both hold the moment the config is checked.
    player, clock = start(qtbot, site)
    settle_config(player, clock, site, "deck: deck.yaml\nkeys: {F12: black}\nkiosk:\n"
                  "  loop: false\n  lock: true\n  exit_chord: Ctrl+Alt+Shift+X\n")
    assert player.stage.index == 0
    assert player.show.locked and player.stage.close() is False
    with qtbot.assertNotEmitted(player.show.quit_requested):
        qtbot.keyClick(player.stage, Qt.Key.Key_Q)
    qtbot.keyClick(player.stage, Qt.Key.Key_F12)
    assert player.stage.blank_item.isVisible()
    player.operator.release()


def test_the_visitor_log_follows_a_new_record_path(qtbot, site, tmp_path):
    (site / "config.yaml").write_text(f"deck: deck.yaml\nrecord: {{path: {tmp_path / 'a.db'}}}\n",
                                      encoding="utf-8")
    player, clock = start(qtbot, site)
    recording = Recording(player.show, clock, player.ticker)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    change_config(qtbot, player, clock, site,
                  f"deck: deck.yaml\nrecord: {{path: {tmp_path / 'b.db'}}}\n")
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    recording.close()
    first = sqlite3.connect(tmp_path / "a.db").execute("SELECT slide FROM views").fetchall()
    second = sqlite3.connect(tmp_path / "b.db").execute("SELECT slide FROM views").fetchall()
    assert first == [(0,), (1,)]  # what was shown while the old path was in force
    assert second == [(2,), (0,)]


def test_a_hook_that_hangs_is_ended_and_none_outlives_the_show(qtbot, site):
    player, clock = start(qtbot, site)
    hang = f"{sys.executable} -c 'import time; time.sleep(600)'"
    change_config(qtbot, player, clock, site, "deck: deck.yaml\nschedule:\n"
                  f"  hours: {{mon: \"08:00-09:00\"}}\n  display_off: \"{hang}\"\n"
                  f"  display_on: \"{hang}\"\n")
    leave(player, clock)
    first = player.hours.hours.hook
    assert player.asleep and first.poll() is None
    clock.advance(31.0)
    player.poll()
    assert first.poll() is not None  # ended after 30 s, and reaped
    qtbot.mouseClick(player.stage.viewport(), Qt.MouseButton.LeftButton)  # a visitor wakes it
    player.poll()
    second = player.hours.hours.hook
    assert second is not first and second.poll() is None
    player.close()
    assert second.poll() is not None


def test_a_config_that_does_not_fit_the_deck_is_refused_live(qtbot, site, caplog):
    player, clock = start(qtbot, site)
    (site / "config.yaml").write_text("deck: deck.yaml\nschedule:\n  hours: {mon: "
                                      "\"08:00-09:00\"}\n  outside: 9\n", encoding="utf-8")
    for _ in range(5):
        clock.advance(1.0)
        player.poll()
    assert player.show.pending is None  # what kiosk check refuses is not taken live either
    assert "config.yaml:4:12: slide 9 does not exist: the deck of 'deck.yaml' has 3 " \
        "slides" in player.content.reloader.last_error


def test_a_closed_hours_slide_beyond_the_deck_shows_black(qtbot, site):
    (site / "config.yaml").write_text("deck: deck.yaml\nschedule:\n  hours: {mon: "
                                      "\"08:00-09:00\"}\n  outside: 9\n", encoding="utf-8")
    player, _ = start(qtbot, site)  # started so: the show goes on, black when closed
    player.poll()
    assert player.asleep and player.stage.blank_item.isVisible()


def with_a_monday_deck(site, hours: str, outside: str = "") -> None:
    """A deck of two slides ("Monday 1", "Monday 2") that the schedule plays on Mondays."""
    decks.write(site, decks.deck(*({"type": "title", "title": f"Monday {n}"}
                                   for n in (1, 2))), name="monday.yaml")
    (site / "config.yaml").write_text(
        f"deck: deck.yaml\nschedule:\n  hours: {{mon: \"{hours}\"}}\n{outside}"
        "  decks: [{deck: monday.yaml, days: [mon]}]\n", encoding="utf-8")


def test_closed_at_start_shows_the_days_deck_slide(qtbot, site):
    """Started while closed on a day with its own deck: the closed-hours slide is that
    deck's, not the main deck's."""
    with_a_monday_deck(site, "08:00-09:00", outside="  outside: 2\n")
    player, _ = start(qtbot, site)
    player.poll()
    assert player.asleep
    assert player.stage.current.slide.title == "Monday 2"


def test_open_at_start_the_days_deck_begins_at_once_from_its_first_slide(qtbot, site):
    with_a_monday_deck(site, "08:00-20:00")
    player, _ = start(qtbot, site)
    player.poll()
    assert player.stage.current.slide.title == "Monday 1"


def test_new_content_reaches_the_closed_hours_slide(qtbot, site):
    (site / "config.yaml").write_text("deck: deck.yaml\nschedule:\n  hours: {mon: "
                                      "\"08:00-09:00\"}\n  outside: 2\n", encoding="utf-8")
    player, clock = start(qtbot, site)
    player.poll()
    assert player.asleep and player.stage.current.slide.title == "2"
    decks.write(site, decks.deck(*({"type": "title", "title": f"New {n}"} for n in (1, 2))))
    for _ in range(5):
        clock.advance(1.0)
        player.poll()
    assert player.asleep and player.stage.current.slide.title == "New 2"


def test_a_config_naming_a_scheduled_deck_not_there_is_refused_live(qtbot, site):
    player, clock = start(qtbot, site)
    (site / "config.yaml").write_text(
        "deck: deck.yaml\nschedule:\n  decks: [{deck: sunday.yaml, days: [sun]}]\n",
        encoding="utf-8")
    for _ in range(5):
        clock.advance(1.0)
        player.poll()
    assert player.show.pending is None  # Sunday would find no deck: the old config plays on
    assert "config.yaml:3:18: deck 'sunday.yaml' not found" in player.content.reloader.last_error
    assert player.config.schedule is None
    decks.write(site, decks.titles(2), name="sunday.yaml")  # copied in after the config
    for _ in range(5):
        clock.advance(1.0)
        player.poll()
    assert player.show.pending is not None  # now the config is whole: taken
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.config.schedule is not None


def test_a_new_deck_in_the_config_plays_from_its_first_slide(qtbot, site, caplog):
    player, clock = start(qtbot, site)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    decks.write(site, decks.deck(*({"type": "title", "title": f"B{n}"} for n in (1, 2))),
                name="b.yaml")
    (site / "config.yaml").write_text("deck: b.yaml\n", encoding="utf-8")
    for _ in range(5):
        clock.advance(1.0)
        player.poll()
    assert player.stage.current.slide.title == "3"  # a visitor is here: at their next move
    qtbot.keyClick(player.stage, Qt.Key.Key_Left)
    assert len(player.show.deck.slides) == 2
    assert player.stage.current.slide.title == "B1"
    (site / "b.yaml").write_text("title: B\nslides:\n  - {type: title, title: B9}\n",
                                 encoding="utf-8")  # and the new deck is the one watched
    for _ in range(5):
        clock.advance(1.0)
        player.poll()
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.stage.current.slide.title == "B9"


def test_a_deck_given_on_the_command_line_takes_its_own_edits(qtbot, site):
    """`kiosk preview other.yaml` with a config whose languages the deck lacks: the
    config's checks against its own deck do not hold the edits back."""
    (site / "config.yaml").write_text("deck: deck.yaml\nlanguages: {default: zh, offered: "
                                      "[zh, en]}\n", encoding="utf-8")
    other = decks.write(site, decks.only("en", decks.titles(2)), name="other.yaml")
    installation = load_config(site / "config.yaml")
    clock = FakeClock(wall=MONDAY_NOON)
    player = Player(load_deck(other), installation.config, clock)
    player.housekeeping.stop()
    player.watch_content(installation, other, banner=False, at_once=True)
    qtbot.addWidget(player.stage)
    decks.write(site, decks.only("en", decks.deck({"type": "title", "title": "Edited"})),
                name="other.yaml")
    for _ in range(5):
        clock.advance(1.0)
        player.poll()
    assert player.content.reloader.last_error is None
    assert player.stage.current.slide.title == "Edited"


def test_with_no_visitor_a_new_deck_in_the_config_comes_at_once(qtbot, site):
    player, clock = start(qtbot, site)
    decks.write(site, decks.deck({"type": "title", "title": "B1"}), name="b.yaml")
    (site / "config.yaml").write_text("deck: b.yaml\n", encoding="utf-8")
    for _ in range(5):
        clock.advance(1.0)
        player.poll()
    assert player.show.pending is None and player.stage.current.slide.title == "B1"
