"""The presenter console: slide n of N, the notes, the next slide, timer and keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor

from kiosk.app.presenter import Console
from kiosk.config import load_config
from tests import decks
from tests.decks import both, deck, title_slide, titles

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


def accent_x(image, palette) -> float:
    """Where (0..1 across) the accent colour is in the bottom tenth of ``image``: the
    progress dot of the slide on screen."""
    accent = QColor(palette.accent)
    xs = [x for y in range(int(image.height() * 0.9), image.height())
          for x in range(image.width())
          if max(abs(image.pixelColor(x, y).red() - accent.red()),
                 abs(image.pixelColor(x, y).green() - accent.green()),
                 abs(image.pixelColor(x, y).blue() - accent.blue())) < 40]
    assert xs, "no accent dot"
    return sum(xs) / len(xs) / image.width()


def test_live_view_shows_the_audience_chrome_and_next_follows_the_navigator(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, titles(12))
    console = Console(player.show, player.stage, clock, player.ticker)
    qtbot.addWidget(console)
    console.resize(1280, 720)
    console.show()
    qtbot.waitExposed(console)
    design = QRectF(0, 0, *player.stage.design)
    console.current.grab(console.current.mapFromScene(design).boundingRect())  # both
    player.stage.grab()  # views have drawn (and cached) slide 1's chrome
    for _ in range(3):
        qtbot.keyClick(console, Qt.Key.Key_Right)
    decks.settle(player, clock)
    console.refresh()
    live = console.current.grab(console.current.mapFromScene(design).boundingRect())
    audience = player.stage.grab(player.stage.mapFromScene(design).boundingRect())
    palette = player.stage.chrome.palette
    size = (480, 270)
    where = [accent_x(image.toImage().scaled(*size), palette) for image in (live, audience)]
    assert where[0] == pytest.approx(where[1], abs=0.01)  # dot 4 in both, not dot 1
    assert 0.45 < where[0] < 0.48  # dot 4 of 12, 28 px apart around the middle (dot 1
    # would be at 0.42)
    assert console.position.text() == "4 / 12"


def test_next_slide_skips_what_cannot_be_shown_and_follows_new_content(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, titles(3))
    (tmp_path / "config.yaml").write_text("deck: deck.yaml\n", encoding="utf-8")
    player.watch_content(load_config(tmp_path / "config.yaml"), tmp_path / "deck.yaml",
                         banner=False)
    console = Console(player.show, player.stage, clock, player.ticker)
    qtbot.addWidget(console)
    first = console.next.pixmap().toImage()
    player.show.navigator.skip(1)  # slide 2 cannot be shown: next is slide 3
    console.refresh()
    assert console.next.pixmap().toImage() != first
    third = console.next.pixmap().toImage()
    decks.write(tmp_path, deck(*[title_slide(title=f"新{n}") for n in range(3)]))
    for _ in range(5):
        clock.advance(1.0)
        player.poll()
    assert player.show.pending is not None
    qtbot.keyClick(console, Qt.Key.Key_Right)  # the new deck comes in: its next slide
    assert console.next.pixmap().toImage() not in (first, third)


def test_a_talk_neither_loops_nor_goes_home_nor_sleeps_unless_asked(qtbot, tmp_path):
    import datetime as dt

    from kiosk.app.main import _adjuster
    from kiosk.app.player import Player
    from kiosk.play.clock import FakeClock

    closed = dt.datetime(2026, 11, 23, 20, 0).timestamp()  # a Monday evening
    for unattended in (False, True):
        cfg = decks.config(kiosk={"idle_timeout": 30},
                           schedule={"hours": {"mon": "09:00-17:00"}},
                           presenter={"unattended": unattended})
        talk = _adjuster(preview=False, talk=True)
        clock = FakeClock(wall=closed)
        loaded = decks.built(tmp_path / str(unattended), titles(4), cfg)
        player = Player(loaded, talk(cfg), clock, adjust=talk)
        player.housekeeping.stop()
        qtbot.addWidget(player.stage)
        player.poll()
        assert player.asleep is unattended  # the hall is closed; the talk goes on
        if unattended:
            continue
        qtbot.keyClick(player.stage, Qt.Key.Key_Right)
        qtbot.keyClick(player.stage, Qt.Key.Key_Right)
        clock.advance(600)  # the speaker talks on: past the idle time and slide durations
        player.poll()
        assert player.show.index == 2 and not player.asleep
        assert not player.config.record.enabled  # and the talk is no visit in the log
