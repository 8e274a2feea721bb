"""Opening hours, scheduled decks, burn-in shift and clock sync on a running show."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from PySide6.QtCore import QPointF, Qt

from kiosk.app.player import Player
from kiosk.config import load_config
from kiosk.config.schedule import ScheduleConfig
from kiosk.deck.load import load_deck
from kiosk.play.clock import FakeClock
from kiosk.play.navigator import Blank
from kiosk.play.sync import clock_position, shift_at
from tests import decks
from tests.decks import deck, titles


def local(text: str) -> float:
    return dt.datetime.fromisoformat(text).timestamp()


def make(qtbot, loaded, config, wall):
    clock = FakeClock(wall=wall)
    player = Player(loaded, config, clock)
    player.housekeeping.stop()
    qtbot.addWidget(player.stage)
    player.stage.resize(1920, 1080)
    return player, clock


def test_sleeps_when_closed_wakes_when_open_with_hooks(qtbot, tmp_path):
    marker = tmp_path / "display.log"
    hook = f"{sys.executable} -c \"open(r'{marker}', 'a').write('{{}}\\\\n')\""
    config = decks.config(schedule={"hours": {"mon": "09:00-17:00"},
                                    "display_off": hook.format("off"),
                                    "display_on": hook.format("on")})
    loaded = decks.built(tmp_path / "show", titles(3), config)  # slides of 12 s, looping
    player, clock = make(qtbot, loaded, config, local("2026-11-23 16:59:00"))  # Monday
    player.poll()
    assert not player.asleep
    clock.advance(61)
    player.poll()
    assert player.asleep and player.stage.blank_item.isVisible()
    player.hours.hours.hook.wait(timeout=30)
    index = player.stage.index
    clock.advance(600)
    player.poll()
    assert player.stage.index == index  # the loop sleeps too
    clock.advance(local("2026-11-24 09:00:00") - local("2026-11-23 17:10:00"))  # Tuesday
    player.poll()
    assert player.asleep  # Tuesday is not in the hours: closed
    clock.advance(local("2026-11-30 09:00:00") - local("2026-11-24 09:00:00"))  # Monday
    player.poll()
    assert not player.asleep and not player.stage.blank_item.isVisible()
    assert player.stage.index == 0
    player.hours.hours.hook.wait(timeout=30)
    assert marker.read_text().split() == ["off", "on"]


def test_a_visitor_wakes_a_sleeping_show_until_they_leave(qtbot, tmp_path):
    config = decks.config(schedule={"hours": {"mon": "09:00-17:00"}},
                          kiosk={"idle_timeout": 90})
    player, clock = make(qtbot, decks.built(tmp_path, titles(3), config), config,
                         local("2026-11-23 20:00:00"))
    player.poll()
    assert player.asleep
    qtbot.mouseClick(player.stage.viewport(), Qt.MouseButton.LeftButton,
                     pos=player.stage.mapFromScene(QPointF(960, 540)))
    player.poll()
    assert not player.asleep and player.show.navigator.blank is Blank.NONE
    moves = []
    player.show.slide_changed.connect(lambda index, cause: moves.append((index, cause)))
    clock.advance(config.kiosk.idle_timeout + 1)
    player.poll()  # the visitor has gone: back to sleep at once, not home first
    assert player.asleep and player.show.navigator.blank is Blank.BLACK
    assert moves == []  # (no home slide flashed, none logged as seen)


def test_a_visitor_leaving_a_closed_show_leaves_it_on_its_closed_slide(qtbot, tmp_path):
    config = decks.config(schedule={"hours": {"mon": "09:00-17:00"}, "outside": 3},
                          kiosk={"idle_timeout": 90, "home": 1})
    player, clock = make(qtbot, decks.built(tmp_path, titles(4), config), config,
                         local("2026-11-23 20:00:00"))
    player.poll()
    assert player.asleep and player.stage.index == 2
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)  # a visitor wakes it and moves on
    player.poll()
    assert not player.asleep and player.stage.index == 3
    moves = []
    player.show.slide_changed.connect(lambda index, cause: moves.append((index, cause)))
    clock.advance(config.kiosk.idle_timeout + 1)
    player.poll()
    assert player.asleep and player.stage.index == 2 and moves == [(2, "closed")]


def test_outside_hours_can_show_a_slide_instead_of_black(qtbot, tmp_path):
    # Five slides; outside the hours, slide 4 ("closed", say) stays up.
    config = decks.config(schedule={"hours": {"mon": "09:00-17:00"}, "outside": 4})
    player, clock = make(qtbot, decks.built(tmp_path, titles(5), config), config,
                         local("2026-11-23 20:00:00"))
    player.poll()
    assert player.asleep and player.stage.index == 3
    assert not player.stage.blank_item.isVisible()
    clock.advance(600)
    player.poll()
    assert player.stage.index == 3  # the loop sleeps: it stays


def test_scheduled_deck_swaps_in_on_its_day(qtbot, tmp_path):
    (tmp_path / "weekday.yaml").write_text("title: W\nslides:\n  - {type: title, title: 平日}\n",
                                           encoding="utf-8")
    (tmp_path / "event.yaml").write_text("title: E\nslides:\n  - {type: title, title: 活动}\n"
                                         "  - {type: closing, title: 完}\n", encoding="utf-8")
    (tmp_path / "config.yaml").write_text(
        "deck: weekday.yaml\nschedule:\n  hours: {mon: 00:00-24:00, sat: 00:00-24:00}\n"
        "  decks:\n    - {deck: event.yaml, dates: [2026-11-28]}\n", encoding="utf-8")
    installation = load_config(tmp_path / "config.yaml")
    loaded = load_deck(installation.deck_path, installation.asset_roots)
    player, clock = make(qtbot, loaded, installation.config, local("2026-11-27 23:59:00"))
    player.watch_content(installation, installation.deck_path, banner=False)
    player.poll()
    assert player.show.pending is None
    clock.advance(120)  # Saturday 28 November: the event deck
    player.poll()
    assert player.show.pending is not None
    clock.advance(600)
    player.poll()  # the loop's next step brings it in
    assert player.show.deck.title == "E"


def test_burn_in_shift_moves_the_picture_a_few_pixels(qtbot, tmp_path):
    config = decks.config(display={"shift": 4, "shift_every": 60})
    player, clock = make(qtbot, decks.built(tmp_path, deck(), config), config,
                         local("2026-11-23 10:00:00"))
    player.stage.show()
    qtbot.waitExposed(player.stage)
    seen = set()
    for _ in range(8):
        player.poll()
        origin = player.stage.mapFromScene(QPointF(0, 0))
        seen.add((origin.x(), origin.y()))
        clock.advance(60)
    assert len(seen) >= 6
    assert all(abs(x) <= 5 and abs(y) <= 5 for x, y in seen)


def test_two_kiosks_on_one_clock_show_the_same_slide(qtbot, tmp_path):
    config = decks.config(kiosk={"sync": "clock"})
    # Five slides of their own durations: a loop of 60 s.
    durations = [10, 14, 16, 8, 12]
    loaded = decks.built(tmp_path, deck(*({"type": "title", "title": str(n + 1), "duration": d}
                                    for n, d in enumerate(durations))), config)
    clock = FakeClock(wall=local("2026-11-23 10:00:00"))
    first = Player(loaded, config, clock)
    clock.advance(37.0)  # the second kiosk booted later
    second = Player(loaded, config, clock)
    for player in (first, second):
        player.housekeeping.stop()
        qtbot.addWidget(player.stage)
    seen = []
    for _ in range(40):
        first.poll()
        second.poll()
        assert first.stage.index == second.stage.index
        seen.append(first.stage.index)
        clock.advance(7)
    assert len(set(seen)) == len(durations)


def test_clock_position_walks_the_loop():
    durations = [10.0, 14.0, 16.0]
    assert clock_position(durations, 0.0) == 0
    assert clock_position(durations, 10.0) == 1
    assert clock_position(durations, 39.999) == 2
    assert clock_position(durations, 40.0) == 0
    assert clock_position(durations, 1_780_000_000.0 + 24.0) == clock_position(
        durations, 1_780_000_000.0 + 24.0 - 40.0 * 3)


def test_shift_walks_a_small_circle():
    points = {shift_at(n * 300.0, 4, 300) for n in range(8)}
    assert len(points) == 8
    assert all(abs((x * x + y * y) ** 0.5 - 4) < 1e-9 for x, y in points)
    assert shift_at(0.0, 4, 300) == shift_at(8 * 300.0, 4, 300)  # round and round
    assert shift_at(123.0, 0, 300) == (0.0, 0.0)


@pytest.mark.parametrize("bad", ["9-17", "09:00-25:00"])
def test_bad_hours_are_config_errors(bad):
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        ScheduleConfig(hours={"mon": bad})
