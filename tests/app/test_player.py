"""The show driven as a presenter and a visitor drive it: real Qt key, mouse, touch events.

Each test builds the deck it needs (tests/decks.py) and says what matters about it.
"""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QEventPoint, QInputDevice, QTouchEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.play.commands import Action, Command
from kiosk.play.navigator import Blank
from kiosk.show.slides.base import SlideView
from kiosk.show.transitions import DURATION
from tests import decks
from tests.decks import (
    chart_slide,
    closing_slide,
    config,
    deck,
    figures_slide,
    only,
    settle,
    story_slide,
    title_slide,
    titles,
)


def screen_point(player, x, y) -> QPoint:
    """Where design point (x, y) is on the widget."""
    return player.stage.mapFromScene(QPointF(x, y))


def click(qtbot, player, x, y):
    qtbot.mouseClick(player.stage.viewport(), Qt.MouseButton.LeftButton,
                     pos=screen_point(player, x, y))


def press_button(qtbot, player, name):
    centre = player.stage.chrome.button_rects()[name].center()
    click(qtbot, player, centre.x(), centre.y())


@pytest.mark.parametrize(("key", "index"), [
    (Qt.Key.Key_Right, 1), (Qt.Key.Key_Down, 1), (Qt.Key.Key_PageDown, 1),
    (Qt.Key.Key_Space, 1), (Qt.Key.Key_Return, 1), (Qt.Key.Key_N, 1),
    (Qt.Key.Key_End, 12), (Qt.Key.Key_Left, 12), (Qt.Key.Key_PageUp, 12),
    (Qt.Key.Key_Backspace, 12), (Qt.Key.Key_P, 12), (Qt.Key.Key_Up, 12),
])
def test_keys_and_clicker_buttons_move_the_show(qtbot, tmp_path, key, index):
    # 13 slides: forward keys go to slide 2; End, and back from the first (the show
    # loops), go to slide 13.
    player, clock = decks.show(qtbot, tmp_path, titles(13))
    qtbot.keyClick(player.stage, key)
    assert player.show.navigator.index == index
    assert player.stage.index == index
    settle(player, clock)
    assert player.stage.current is player.stage.view_for(index)
    assert player.stage.chrome.index == index
    assert decks.texts(player.stage.current) == [str(index + 1)]  # its title on screen


def test_home_end_and_typed_slide_number(qtbot, tmp_path):
    player, _ = decks.show(qtbot, tmp_path, titles(13))
    qtbot.keyClick(player.stage, Qt.Key.Key_End)
    assert player.stage.index == 12
    qtbot.keyClick(player.stage, Qt.Key.Key_Home)
    assert player.stage.index == 0
    qtbot.keyClicks(player.stage, "10")
    assert player.stage.index == 0
    qtbot.keyClick(player.stage, Qt.Key.Key_Return)
    assert player.stage.index == 9
    qtbot.keyClicks(player.stage, "14")  # there is no slide 14: nothing
    qtbot.keyClick(player.stage, Qt.Key.Key_Return)
    assert player.stage.index == 9


def test_clicker_f5_and_shift_f5_do_no_harm(qtbot, tmp_path):
    player, _ = decks.show(qtbot, tmp_path, titles(3))
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    qtbot.keyClick(player.stage, Qt.Key.Key_F5)
    qtbot.keyClick(player.stage, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert player.stage.index == 1
    assert player.stage.window().isVisible()


def test_keys_the_config_remaps_do_what_it_says_locked_or_not(qtbot, tmp_path):
    # A clicker whose "blank" button sends F12 and whose laser button sends PageDown;
    # the operator jumps home with a chord. Locked, the chord is not refused.
    cfg = config(keys={"F12": "black", "PageDown": "none", "Ctrl+H": "first"},
                 kiosk={"lock": True, "exit_chord": "Ctrl+Alt+X"})
    player, _ = decks.show(qtbot, tmp_path, titles(5), cfg, locked=True)
    qtbot.keyClick(player.stage, Qt.Key.Key_PageDown)
    assert player.stage.index == 0
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.stage.index == 2
    qtbot.keyClick(player.stage, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert player.stage.index == 0
    qtbot.keyClick(player.stage, Qt.Key.Key_F12)
    assert player.stage.blank_item.isVisible()
    player.operator.release()


def test_black_and_white_screen_toggle(qtbot, tmp_path):
    player, _ = decks.show(qtbot, tmp_path, titles(3))
    blank = player.stage.blank_item
    qtbot.keyClick(player.stage, Qt.Key.Key_B)
    assert blank.isVisible() and blank.brush().color() == Qt.GlobalColor.black
    qtbot.keyClick(player.stage, Qt.Key.Key_B)
    assert not blank.isVisible()
    qtbot.keyClick(player.stage, Qt.Key.Key_Period)
    assert blank.isVisible()
    qtbot.keyClick(player.stage, Qt.Key.Key_W)
    assert blank.isVisible() and blank.brush().color() == Qt.GlobalColor.white
    assert player.show.navigator.blank is Blank.WHITE
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert not blank.isVisible()


def test_black_screen_really_is_black(qtbot, tmp_path):
    # A figures slide first: black even while its figures count up.
    player, _ = decks.show(qtbot, tmp_path, deck(figures_slide(), closing_slide()))
    assert player.stage.animating
    qtbot.keyClick(player.stage, Qt.Key.Key_B)
    image = player.stage.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 50)
               for y in range(0, image.height(), 50)}
    assert colours == {0xFF000000}


def test_escape_leaves_full_screen_and_q_quits(qtbot, tmp_path):
    player, _ = decks.show(qtbot, tmp_path, deck())
    player.stage.showFullScreen()
    qtbot.waitUntil(player.stage.isFullScreen)
    qtbot.keyClick(player.stage, Qt.Key.Key_Escape)
    assert not player.stage.isFullScreen()
    with qtbot.waitSignal(player.show.quit_requested, timeout=1000):
        qtbot.keyClick(player.stage, Qt.Key.Key_Q)


def test_locked_show_ignores_escape_and_q(qtbot, tmp_path):
    player, _ = decks.show(qtbot, tmp_path, deck(), locked=True)
    player.stage.showFullScreen()
    qtbot.waitUntil(player.stage.isFullScreen)
    with qtbot.assertNotEmitted(player.show.quit_requested):
        qtbot.keyClick(player.stage, Qt.Key.Key_Q)
    qtbot.keyClick(player.stage, Qt.Key.Key_Escape)
    assert player.stage.isFullScreen()
    player.operator.release()
    player.stage.close()


def test_rapid_input_builds_no_backlog(qtbot, tmp_path):
    # Eight slides: six quick presses end on slide 7, no wrap on the way.
    player, clock = decks.show(qtbot, tmp_path, titles(8))
    for _ in range(6):
        qtbot.keyClick(player.stage, Qt.Key.Key_Right)
        clock.advance(0.05)
        player.stage.tick()
    assert player.stage.index == 6
    def in_scene():
        return [i for i in player.stage.scene().items() if isinstance(i, SlideView)]

    assert player.stage.view_for(6) in in_scene()
    settle(player, clock)
    assert in_scene() == [player.stage.view_for(6)]  # the slides it passed have left
    assert player.stage.current.opacity() == 1.0 and player.stage.current.pos().x() == 0


def test_fade_goes_through_the_background_in_about_half_a_second(qtbot, tmp_path):
    # A title, then a figures slide that fades in: its figures count up after the fade.
    data = deck(title_slide(), figures_slide(), defaults={"transition": "fade"})
    player, clock = decks.show(qtbot, tmp_path, data)
    outgoing = player.stage.current
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    incoming = player.stage.current
    assert incoming.opacity() == 0.0 and outgoing.opacity() == 1.0
    clock.advance(DURATION * 0.2)
    player.stage.tick()
    assert outgoing.opacity() == pytest.approx(0.5) and incoming.opacity() == 0.0
    clock.advance(DURATION * 0.5)
    player.stage.tick()
    assert outgoing.opacity() == 0.0  # never two slides blended at once
    assert 0.8 < incoming.opacity() < 0.95  # ease-out: most of the way early
    clock.advance(DURATION * 0.3 + 0.01)
    player.stage.tick()
    assert incoming.opacity() == 1.0
    assert player.stage.transition is None
    assert player.frames.timer.isActive()  # the figures still count up
    settle(player, clock)
    assert not player.frames.timer.isActive()  # nothing moves: no frames
    assert str(decks.numbers(incoming)[0].parts) == "1.74万亿元"


def test_slide_transition_follows_direction(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, titles(3, defaults={"transition": "slide"}))
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    clock.advance(0.1)
    player.stage.tick()
    assert player.stage.current.x() > 0  # comes in from the right
    settle(player, clock)
    qtbot.keyClick(player.stage, Qt.Key.Key_Left)
    clock.advance(0.1)
    player.stage.tick()
    assert player.stage.current.x() < 0  # comes back from the left


def mouse_gesture(qtbot, player, clock, start, end, seconds):
    viewport = player.stage.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=screen_point(player, *start))
    clock.advance(seconds)
    qtbot.mouseMove(viewport, screen_point(player, *end))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=screen_point(player, *end))


def test_swipe_left_goes_forward_and_right_goes_back(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, titles(3))
    mouse_gesture(qtbot, player, clock, (1300, 540), (700, 560), 0.2)
    assert player.stage.index == 1
    settle(player, clock)
    mouse_gesture(qtbot, player, clock, (700, 540), (1300, 520), 0.2)
    assert player.stage.index == 0


def test_swipe_is_not_also_a_tap_and_slow_drag_is_nothing(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, titles(3))
    # A swipe that starts in the right edge zone must not also count as a tap there.
    mouse_gesture(qtbot, player, clock, (1900, 540), (1700, 540), 0.1)
    assert player.stage.index == 1  # one step, not two
    settle(player, clock)
    mouse_gesture(qtbot, player, clock, (1200, 540), (700, 540), 4.0)
    assert player.stage.index == 1


def test_taps_on_edges_and_buttons(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, titles(3))

    def tap(x, y):
        click(qtbot, player, x, y)
        settle(player, clock)

    tap(1880, 540)
    assert player.stage.index == 1
    tap(40, 540)
    assert player.stage.index == 0
    tap(960, 540)  # the middle of the slide: nothing
    assert player.stage.index == 0
    buttons = player.stage.chrome.button_rects()
    tap(*buttons["next"].center().toTuple())
    tap(*buttons["next"].center().toTuple())
    assert player.stage.index == 2
    tap(*buttons["previous"].center().toTuple())
    assert player.stage.index == 1
    tap(*buttons["home"].center().toTuple())
    assert player.stage.index == 0


def test_long_press_is_not_a_tap(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, titles(2))
    mouse_gesture(qtbot, player, clock, (1880, 540), (1880, 540), 2.0)
    assert player.stage.index == 0


def touch(player, kind, x, y):
    """A touch event as a touchscreen driver delivers it (global position set)."""
    device = QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)
    viewport = player.stage.viewport()
    position = QPointF(viewport.mapToGlobal(screen_point(player, x, y)))
    state = (QEventPoint.State.Pressed if kind == QTouchEvent.Type.TouchBegin
             else QEventPoint.State.Released)
    point = QEventPoint(1, state, position, position)
    event = QTouchEvent(kind, device, Qt.KeyboardModifier.NoModifier, [point])
    QApplication.sendEvent(viewport, event)


def test_touch_swipe_and_tap(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, titles(3))
    touch(player, QTouchEvent.Type.TouchBegin, 1400, 500)
    clock.advance(0.15)
    touch(player, QTouchEvent.Type.TouchEnd, 800, 520)
    assert player.stage.index == 1
    settle(player, clock)
    touch(player, QTouchEvent.Type.TouchBegin, 1880, 500)
    clock.advance(0.1)
    touch(player, QTouchEvent.Type.TouchEnd, 1882, 503)
    assert player.stage.index == 2


def test_language_toggle_button_and_key(qtbot, tmp_path):
    # In Chinese and English, Chinese first: the button and L switch what is written.
    player, clock = decks.show(qtbot, tmp_path, deck(title_slide(), closing_slide()))
    assert player.stage.language == "zh"
    assert "向新而行" in decks.texts(player.stage.current)
    with qtbot.waitSignal(player.show.language_changed) as blocker:
        press_button(qtbot, player, "language")
    assert blocker.args == ["en"]
    assert player.stage.current.ctx.language == "en"
    assert "Heading for the New" in decks.texts(player.stage.current)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    settle(player, clock)
    assert player.stage.current.ctx.language == "en" and player.stage.index == 1
    assert "Thank You" in decks.texts(player.stage.current)
    qtbot.keyClick(player.stage, Qt.Key.Key_L)
    assert player.stage.current.ctx.language == "zh"
    assert "谢谢" in decks.texts(player.stage.current)


def test_buttons_are_at_least_12_mm(qtbot, tmp_path):
    from kiosk.app.window import design_pixels_for_mm

    player, _ = decks.show(qtbot, tmp_path, deck())
    screen = player.stage.screen()
    player.stage.resize(1366, 768)
    player.stage.fit()
    need = design_pixels_for_mm(screen, player.stage.scale_factor)
    player.stage.chrome.set_button_side(need)
    for name, rect in player.stage.chrome.button_rects().items():
        on_screen = min(rect.width(), rect.height()) * player.stage.scale_factor
        mm = on_screen / screen.physicalDotsPerInch() * 25.4
        assert mm >= 11.99, name


def test_cursor_hides_after_a_few_quiet_seconds(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, deck(), config(display={"cursor_hide": 3}))
    viewport = player.stage.viewport()
    qtbot.mouseMove(viewport, QPoint(100, 100))
    player.poll()
    assert viewport.cursor().shape() != Qt.CursorShape.BlankCursor
    clock.advance(3.01)
    player.poll()
    assert viewport.cursor().shape() == Qt.CursorShape.BlankCursor
    qtbot.mouseMove(viewport, QPoint(200, 200))
    assert viewport.cursor().shape() != Qt.CursorShape.BlankCursor


def test_tap_on_a_chart_bar_explores_instead_of_turning(qtbot, tmp_path):
    # A title, then a chart slide (a compare chart): typed 2 and Enter bring the chart.
    player, clock = decks.show(qtbot, tmp_path, deck(title_slide(), chart_slide(),
                                                     closing_slide()))
    qtbot.keyClicks(player.stage, "2")
    qtbot.keyClick(player.stage, Qt.Key.Key_Return)
    settle(player, clock)
    (chart,) = player.stage.current.charts()
    mark = chart.marks[-1]
    centre = chart.mapToScene(mark.rect.center())
    with qtbot.waitSignal(player.show.explored):
        click(qtbot, player, centre.x(), centre.y())
    assert player.stage.index == 1
    assert chart.callout is not None and chart.callout.mark is mark
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    settle(player, clock)
    assert chart.callout is None  # gone when the slide left


def test_attract_loop_advances_by_duration_and_replays(qtbot, tmp_path):
    durations = [5, 8, 3, 12]  # each slide its own
    data = deck(*({"type": "title", "title": str(n + 1), "duration": seconds}
                  for n, seconds in enumerate(durations)))
    player, clock = decks.show(qtbot, tmp_path, data)
    changes = []
    player.show.slide_changed.connect(lambda index, cause: changes.append((index, cause)))
    for index, seconds in enumerate(durations):
        clock.advance(seconds - 0.5)
        player.poll()
        assert player.stage.index == index  # not yet
        clock.advance(0.51)
        player.poll()
    assert changes == [(1, "loop"), (2, "loop"), (3, "loop"), (0, "loop")]


def test_visitor_pauses_the_loop_and_idle_returns_home_in_the_default_language(
        qtbot, tmp_path):
    # 13 slides of 10 s each, Chinese first; back home after 90 s without input.
    data = titles(13, defaults={"duration": 10})
    player, clock = decks.show(qtbot, tmp_path, data, config(kiosk={"idle_timeout": 90}))
    qtbot.keyClick(player.stage, Qt.Key.Key_End)
    qtbot.keyClick(player.stage, Qt.Key.Key_L)
    assert player.stage.language == "en"
    clock.advance(60)
    player.poll()
    assert player.stage.index == 12  # still the visitor's slide, well past its duration
    with qtbot.waitSignal(player.show.slide_changed) as blocker:
        clock.advance(30.01)
        player.poll()
    assert blocker.args == [0, "idle"]
    assert player.stage.language == "zh"
    settle(player, clock)
    clock.advance(10.01)
    player.poll()
    assert player.stage.index == 1  # looping again


def test_a_touch_counts_as_presence(qtbot, tmp_path):
    # Slides of 10 s: a minute after a touch the show still waits for the visitor.
    player, clock = decks.show(qtbot, tmp_path, titles(3, defaults={"duration": 10}),
                               config(kiosk={"idle_timeout": 90}))
    clock.advance(5)
    click(qtbot, player, 960, 540)
    clock.advance(60)
    player.poll()
    assert player.stage.index == 0 and player.show.attract.visitor


def test_overview_opens_moves_and_jumps(qtbot, tmp_path):
    player, _ = decks.show(qtbot, tmp_path, titles(13))
    qtbot.keyClick(player.stage, Qt.Key.Key_O)
    overview = player.overview.grid
    assert overview is not None and len(overview.cells) == 13
    assert overview.selected == 0
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    qtbot.keyClick(player.stage, Qt.Key.Key_Down)
    assert overview.selected == overview.columns + 1
    assert player.stage.index == 0  # arrows move the selection, not the show
    qtbot.keyClick(player.stage, Qt.Key.Key_Return)
    assert player.overview.grid is None and player.stage.index == overview.columns + 1


def test_overview_tap_jumps_and_escape_only_closes_it(qtbot, tmp_path):
    player, _ = decks.show(qtbot, tmp_path, titles(13))
    player.stage.showFullScreen()
    qtbot.waitUntil(player.stage.isFullScreen)
    press_button(qtbot, player, "overview")
    assert player.overview.grid is not None
    qtbot.keyClick(player.stage, Qt.Key.Key_Escape)
    assert player.overview.grid is None and player.stage.isFullScreen()
    qtbot.keyClick(player.stage, Qt.Key.Key_O)
    cell = player.overview.grid.cells[9].center()
    click(qtbot, player, cell.x(), cell.y())
    assert player.overview.grid is None and player.stage.index == 9


def test_home_menu_offers_only_its_tiles(qtbot, tmp_path):
    # 13 slides, of which the menu offers slides 8, 9 and 10.
    player, _ = decks.show(qtbot, tmp_path, titles(13), config(show={"menu": [8, 9, 10]}))
    player.command(Command(Action.OVERVIEW), "key")
    assert player.overview.grid.slides == [7, 8, 9] and player.overview.grid.columns == 3
    cell = player.overview.grid.cells[2].center()
    click(qtbot, player, cell.x(), cell.y())
    assert player.stage.index == 9


# --- decks the default deck is not --------------------------------------------------------

def test_a_one_slide_deck_stays_put_whatever_is_pressed(qtbot, tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    player, clock = decks.show(qtbot, tmp_path, deck(title_slide(duration=5)))
    view = player.stage.current
    with qtbot.assertNotEmitted(player.show.slide_changed):
        for key in (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_End, Qt.Key.Key_Home,
                    Qt.Key.Key_Space, Qt.Key.Key_PageUp):
            qtbot.keyClick(player.stage, key)
        qtbot.keyClicks(player.stage, "2")  # no slide 2
        qtbot.keyClick(player.stage, Qt.Key.Key_Return)
        mouse_gesture(qtbot, player, clock, (1300, 540), (700, 540), 0.2)
        mouse_gesture(qtbot, player, clock, (700, 540), (1300, 540), 0.2)
        click(qtbot, player, 1880, 540)
        click(qtbot, player, 40, 540)
        for name in ("next", "previous", "home"):
            press_button(qtbot, player, name)
        settle(player, clock)
    assert player.stage.index == 0 and player.stage.current is view
    assert view.isVisible() and view.opacity() == 1.0 and view.pos() == QPointF(0, 0)
    assert player.stage.chrome.index == 0 and player.stage.chrome.count == 1
    qtbot.keyClick(player.stage, Qt.Key.Key_B)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)  # moving on unblanks, as anywhere
    assert not player.stage.blank_item.isVisible()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_one_slide_deck_loops_onto_itself(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, deck(title_slide(duration=5)),
                               config(kiosk={"loop": True}))
    view = player.stage.current
    with qtbot.assertNotEmitted(player.show.slide_changed):
        for _ in range(6):
            clock.advance(5.01)
            player.poll()
            player.stage.tick()
    assert player.stage.index == 0 and player.stage.current is view and view.isVisible()
    assert not player.stage.blank_item.isVisible() and not player.stage.animating
    assert "向新而行" in decks.texts(view)


def test_an_english_only_deck_plays_in_english_without_a_language_switch(qtbot, tmp_path):
    # Written in English alone: no 中/EN button, L does nothing, figures read in English.
    data = only("en", deck(title_slide(), figures_slide()))
    player, clock = decks.show(qtbot, tmp_path, data, config(kiosk={"idle_timeout": 90}))
    assert player.stage.language == "en" and player.stage.languages == ["en"]
    assert "Heading for the New" in decks.texts(player.stage.current)
    assert "language" not in player.stage.chrome.button_rects()
    with qtbot.assertNotEmitted(player.show.language_changed):
        qtbot.keyClick(player.stage, Qt.Key.Key_L)
        qtbot.keyClick(player.stage, Qt.Key.Key_Right)
        settle(player, clock)
        assert [str(n.parts) for n in decks.numbers(player.stage.current)] == [
            "1.74 trillion yuan", "72,000 yuan", "nearly 3,500 items", "No. 1"]
        clock.advance(90.01)
        player.poll()  # the visitor left: home, in the deck's only language
    assert player.stage.index == 0 and player.stage.language == "en"


def test_a_portrait_totem_turns_by_its_own_edges_and_buttons(qtbot, tmp_path):
    # Designed 1080x1920 and shown on a screen of that shape.
    player, clock = decks.show(qtbot, tmp_path, titles(3), config(portrait=True))
    assert player.stage.design == (1080.0, 1920.0)
    assert screen_point(player, 1080, 1920) == QPoint(1080, 1920)  # no bands
    stage = QRectF(0, 0, 1080, 1920)
    for name, rect in player.stage.chrome.button_rects().items():
        assert stage.contains(rect), name
    click(qtbot, player, 1040, 960)  # the right edge
    settle(player, clock)
    assert player.stage.index == 1
    click(qtbot, player, 40, 960)  # the left edge
    settle(player, clock)
    assert player.stage.index == 0
    mouse_gesture(qtbot, player, clock, (800, 900), (300, 920), 0.2)
    settle(player, clock)
    assert player.stage.index == 1
    press_button(qtbot, player, "next")
    settle(player, clock)
    assert player.stage.index == 2 and decks.texts(player.stage.current) == ["3"]


def test_a_missing_picture_is_a_placeholder_and_the_show_goes_on(qtbot, tmp_path, caplog):
    story = story_slide(visual={"kind": "image", "src": "images/gone-from-the-player.png"})
    player, clock = decks.show(qtbot, tmp_path, deck(title_slide(), story, closing_slide()))
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    settle(player, clock)
    view = player.stage.current
    assert player.stage.index == 1 and not player.stage.failed
    assert [i for i in decks.items_of(view) if i.data(0) == "placeholder"]
    assert "一个创业的故事" in decks.texts(view)  # the rest of the story is there
    assert "gone-from-the-player.png" in caplog.text and "placeholder" in caplog.text
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    settle(player, clock)
    assert player.stage.index == 2


def opaque_share(image, colours) -> float:
    """The share of ``image``'s pixels drawn in one of ``colours`` at full strength."""
    hits = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            total += 1
            hits += any(abs(pixel.red() - c.red()) + abs(pixel.green() - c.green())
                        + abs(pixel.blue() - c.blue()) < 30 for c in colours)
    return hits / total


def test_area_chart_on_the_live_stage_is_the_one_exported(qtbot, tmp_path):
    # Two crossing series with filled areas, played to their end on the stage: their
    # fills are see-through, as exported. (The stage once let pyqtgraph's items leave
    # the painter's brush set: the next line was filled in a series' full colour.)
    chart = {"kind": "line", "area": True, "categories": ["2020", "2021", "2022", "2023"],
             "series": [{"name": "A", "values": [10, 30, 20, 40]},
                        {"name": "B", "values": [5, 10, 25, 15]}]}
    player, clock = decks.show(qtbot, tmp_path, deck(chart_slide(chart)), size=(960, 540))
    settle(player, clock)
    palette = player.stage.chrome.palette
    image = player.stage.grab().toImage()
    assert opaque_share(image, [palette.series(0), palette.series(1)]) < 0.03


def test_a_talk_can_hide_the_on_screen_controls(qtbot, tmp_path):
    # Where the buttons would be, a tap does nothing; the edges and keys still work.
    shown, _ = decks.show(qtbot, tmp_path / "a", titles(5))
    where = shown.stage.chrome.button_rects()["next"].center()
    player, _ = decks.show(qtbot, tmp_path / "b", titles(5), config(show={"controls": False}))
    assert player.stage.chrome.button_rects() == {}
    click(qtbot, player, where.x() - 400, where.y())  # left of the buttons, off the edge
    assert player.stage.index == 0
    image = player.stage.grab().toImage()
    bare = shown.stage.grab().toImage()
    spot = player.stage.mapFromScene(where)
    assert image.pixelColor(spot) != bare.pixelColor(spot)  # no button drawn there
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.stage.index == 1


def test_the_slide_number_and_dots_read_over_a_white_photo(qtbot, tmp_path):
    """Trial 14: over a photograph of fog the slide number was 1.9:1 and the dots 1.4:1
    against it. They stand on the show's dark, as the buttons do."""
    from PySide6.QtGui import QColor, QImage

    from kiosk.show.slides.image import _luminance

    white = QImage(1600, 900, QImage.Format.Format_RGB32)
    white.fill(QColor("#f4f5f6"))
    (tmp_path / "images").mkdir()
    white.save(str(tmp_path / "images" / "fog.png"))
    photo = {"type": "image", "src": "images/fog.png", "title": "Fog",
             "caption": "Fog closes the river on 40 days a year"}
    player, clock = decks.show(qtbot, tmp_path, deck(photo, photo, photo))
    from kiosk.show import photo as photos

    settle(player, clock)
    player.stage.grab()  # (the photo asked for, decoded, then drawn)
    photos.decoder().settle()
    QApplication.processEvents()
    image = player.stage.grab().toImage()
    chrome = player.stage.chrome
    for name in ("number", "progress"):
        rect = chrome.drawn()[name]
        spot = player.stage.mapFromScene(QPointF(rect.left() + 4, rect.center().y()))
        under = image.pixelColor(spot)  # (beside the digits and the dots: their ground)
        text = QColor(chrome.palette.muted)
        contrast = (_luminance(text) + 0.05) / (_luminance(under) + 0.05)
        assert contrast >= 3.0, (name, under.name())
