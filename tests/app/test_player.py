"""The show driven as a presenter and a visitor drive it: real Qt key, mouse, touch events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QEventPoint, QInputDevice, QTouchEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app.player import Player
from kiosk.play.clock import FakeClock
from kiosk.play.navigator import Blank
from kiosk.show.transitions import DURATION


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def player(qtbot, default_deck, installation, clock):
    player = Player(default_deck, installation.config, clock)
    player.housekeeping.stop()  # tests call poll() themselves, at fake-clock times
    qtbot.addWidget(player.stage)
    player.stage.resize(1920, 1080)
    player.stage.show()
    qtbot.waitExposed(player.stage)
    return player


def settle(player, clock):
    """Let the transition and the slide's animations run to their end."""
    for _ in range(20):
        clock.advance(DURATION + 0.01)
        player.stage.tick()
        if not player.stage.animating:
            return
    raise AssertionError("the slide never stopped moving")


def screen_point(player, x, y) -> QPoint:
    """Where design point (x, y) is on the widget."""
    return player.stage.mapFromScene(QPointF(x, y))


@pytest.mark.parametrize(("key", "index"), [
    (Qt.Key.Key_Right, 1), (Qt.Key.Key_Down, 1), (Qt.Key.Key_PageDown, 1),
    (Qt.Key.Key_Space, 1), (Qt.Key.Key_Return, 1), (Qt.Key.Key_N, 1),
    (Qt.Key.Key_End, 12), (Qt.Key.Key_Left, 12), (Qt.Key.Key_PageUp, 12),
    (Qt.Key.Key_Backspace, 12), (Qt.Key.Key_P, 12), (Qt.Key.Key_Up, 12),
])
def test_keys_and_clicker_buttons_move_the_show(qtbot, player, clock, key, index):
    qtbot.keyClick(player.stage, key)
    assert player.navigator.index == index
    assert player.stage.index == index
    settle(player, clock)
    assert player.stage.current is player.stage.view_for(index)
    assert player.stage.chrome.index == index


def test_home_end_and_typed_slide_number(qtbot, player, clock):
    qtbot.keyClick(player.stage, Qt.Key.Key_End)
    assert player.stage.index == 12
    qtbot.keyClick(player.stage, Qt.Key.Key_Home)
    assert player.stage.index == 0
    qtbot.keyClicks(player.stage, "10")
    assert player.stage.index == 0
    qtbot.keyClick(player.stage, Qt.Key.Key_Return)
    assert player.stage.index == 9


def test_clicker_f5_and_shift_f5_do_no_harm(qtbot, player):
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    qtbot.keyClick(player.stage, Qt.Key.Key_F5)
    qtbot.keyClick(player.stage, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert player.stage.index == 1
    assert player.stage.window().isVisible()


def test_black_and_white_screen_toggle(qtbot, player):
    blank = player.stage.blank_item
    qtbot.keyClick(player.stage, Qt.Key.Key_B)
    assert blank.isVisible() and blank.brush().color() == Qt.GlobalColor.black
    qtbot.keyClick(player.stage, Qt.Key.Key_B)
    assert not blank.isVisible()
    qtbot.keyClick(player.stage, Qt.Key.Key_Period)
    assert blank.isVisible()
    qtbot.keyClick(player.stage, Qt.Key.Key_W)
    assert blank.isVisible() and blank.brush().color() == Qt.GlobalColor.white
    assert player.navigator.blank is Blank.WHITE
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert not blank.isVisible()


def test_black_screen_really_is_black(qtbot, player):
    qtbot.keyClick(player.stage, Qt.Key.Key_B)
    image = player.stage.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 50)
               for y in range(0, image.height(), 50)}
    assert colours == {0xFF000000}


def test_escape_leaves_full_screen_and_q_quits(qtbot, player):
    player.stage.showFullScreen()
    qtbot.waitUntil(player.stage.isFullScreen)
    qtbot.keyClick(player.stage, Qt.Key.Key_Escape)
    assert not player.stage.isFullScreen()
    with qtbot.waitSignal(player.quit_requested, timeout=1000):
        qtbot.keyClick(player.stage, Qt.Key.Key_Q)


def test_locked_show_ignores_escape_and_q(qtbot, default_deck, installation, clock):
    player = Player(default_deck, installation.config, clock, locked=True)
    qtbot.addWidget(player.stage)
    player.stage.showFullScreen()
    qtbot.waitUntil(player.stage.isFullScreen)
    with qtbot.assertNotEmitted(player.quit_requested):
        qtbot.keyClick(player.stage, Qt.Key.Key_Q)
    qtbot.keyClick(player.stage, Qt.Key.Key_Escape)
    assert player.stage.isFullScreen()
    player.lock.released = True
    player.stage.close()


def test_rapid_input_builds_no_backlog(qtbot, player, clock):
    for _ in range(6):
        qtbot.keyClick(player.stage, Qt.Key.Key_Right)
        clock.advance(0.05)
        player.stage.tick()
    assert player.stage.index == 6
    shown = player.stage._shown
    assert shown[-1] is player.stage.view_for(6)
    settle(player, clock)
    assert player.stage._shown == [player.stage.view_for(6)]
    assert player.stage.current.opacity() == 1.0 and player.stage.current.pos().x() == 0


def test_fade_goes_through_the_background_in_about_half_a_second(qtbot, player, clock):
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
    assert player.frame_timer.isActive()  # the figures still count up
    settle(player, clock)
    assert not player.frame_timer.isActive()  # nothing moves: no frames


def test_slide_transition_follows_direction(qtbot, default_deck, installation, clock):
    config = installation.config
    deck = default_deck.deck.model_copy(update={
        "defaults": default_deck.deck.defaults.model_copy(update={"transition": "slide"}),
        "slides": [s.model_copy(update={"transition": None}) for s in default_deck.deck.slides],
    })
    loaded = type(default_deck)(deck, default_deck.path, (), default_deck.assets,
                                default_deck.document)
    player = Player(loaded, config, clock)
    qtbot.addWidget(player.stage)
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


def test_swipe_left_goes_forward_and_right_goes_back(qtbot, player, clock):
    mouse_gesture(qtbot, player, clock, (1300, 540), (700, 560), 0.2)
    assert player.stage.index == 1
    settle(player, clock)
    mouse_gesture(qtbot, player, clock, (700, 540), (1300, 520), 0.2)
    assert player.stage.index == 0


def test_swipe_is_not_also_a_tap_and_slow_drag_is_nothing(qtbot, player, clock):
    # A swipe that starts in the right edge zone must not also count as a tap there.
    mouse_gesture(qtbot, player, clock, (1900, 540), (1700, 540), 0.1)
    assert player.stage.index == 1  # one step, not two
    settle(player, clock)
    mouse_gesture(qtbot, player, clock, (1200, 540), (700, 540), 4.0)
    assert player.stage.index == 1


def test_taps_on_edges_and_buttons(qtbot, player, clock):
    viewport = player.stage.viewport()

    def tap(x, y):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=screen_point(player, x, y))
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


def test_long_press_is_not_a_tap(qtbot, player, clock):
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


def test_touch_swipe_and_tap(qtbot, player, clock):
    touch(player, QTouchEvent.Type.TouchBegin, 1400, 500)
    clock.advance(0.15)
    touch(player, QTouchEvent.Type.TouchEnd, 800, 520)
    assert player.stage.index == 1
    settle(player, clock)
    touch(player, QTouchEvent.Type.TouchBegin, 1880, 500)
    clock.advance(0.1)
    touch(player, QTouchEvent.Type.TouchEnd, 1882, 503)
    assert player.stage.index == 2


def test_language_toggle_button_and_key(qtbot, player, clock):
    assert player.stage.language == "zh"
    centre = player.stage.chrome.button_rects()["language"].center()
    with qtbot.waitSignal(player.language_changed) as blocker:
        qtbot.mouseClick(player.stage.viewport(), Qt.MouseButton.LeftButton,
                         pos=screen_point(player, centre.x(), centre.y()))
    assert blocker.args == ["en"]
    assert player.stage.current.ctx.language == "en"
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    settle(player, clock)
    assert player.stage.current.ctx.language == "en" and player.stage.index == 1
    qtbot.keyClick(player.stage, Qt.Key.Key_L)
    assert player.stage.current.ctx.language == "zh"


def test_buttons_are_at_least_12_mm(qtbot, player):
    from kiosk.app.window import design_pixels_for_mm

    screen = player.stage.screen()
    player.stage.resize(1366, 768)
    player.stage.fit()
    need = design_pixels_for_mm(screen, player.stage.scale_factor)
    player.stage.chrome.set_button_side(need)
    for name, rect in player.stage.chrome.button_rects().items():
        on_screen = min(rect.width(), rect.height()) * player.stage.scale_factor
        mm = on_screen / screen.physicalDotsPerInch() * 25.4
        assert mm >= 11.99, name


def test_cursor_hides_after_a_few_quiet_seconds(qtbot, player, clock):
    viewport = player.stage.viewport()
    qtbot.mouseMove(viewport, QPoint(100, 100))
    player.cursor.check()
    assert viewport.cursor().shape() != Qt.CursorShape.BlankCursor
    clock.advance(installation_delay(player))
    player.cursor.check()
    assert viewport.cursor().shape() == Qt.CursorShape.BlankCursor
    qtbot.mouseMove(viewport, QPoint(200, 200))
    assert viewport.cursor().shape() != Qt.CursorShape.BlankCursor


def installation_delay(player):
    return player.config.display.cursor_hide + 0.01


def test_tap_on_a_chart_bar_explores_instead_of_turning(qtbot, player, clock):
    qtbot.keyClicks(player.stage, "7")
    qtbot.keyClick(player.stage, Qt.Key.Key_Return)
    settle(player, clock)
    (chart,) = player.stage.current.charts()
    mark = chart.marks[-1]
    centre = chart.mapToScene(mark.rect.center())
    with qtbot.waitSignal(player.explored):
        qtbot.mouseClick(player.stage.viewport(), Qt.MouseButton.LeftButton,
                         pos=screen_point(player, centre.x(), centre.y()))
    assert player.stage.index == 6
    assert chart.callout is not None and chart.callout.mark is mark
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    settle(player, clock)
    assert chart.callout is None  # gone when the slide left


def test_attract_loop_advances_by_duration_and_replays(qtbot, player, clock):
    deck = player.deck
    changes = []
    player.slide_changed.connect(lambda index, cause: changes.append((index, cause)))
    for _ in range(len(deck.slides)):
        clock.advance(deck.slide_duration(deck.slides[player.stage.index]) + 0.01)
        player.poll()
    assert changes[-1] == (0, "loop") and len(changes) == len(deck.slides)
    assert all(cause == "loop" for _, cause in changes)


def test_visitor_pauses_the_loop_and_idle_returns_home_in_the_default_language(
        qtbot, player, clock):
    qtbot.keyClick(player.stage, Qt.Key.Key_End)
    qtbot.keyClick(player.stage, Qt.Key.Key_L)
    assert player.stage.language == "en"
    clock.advance(60)
    player.poll()
    assert player.stage.index == 12  # still the visitor's slide, well past its duration
    with qtbot.waitSignal(player.slide_changed) as blocker:
        clock.advance(30.01)
        player.poll()
    assert blocker.args == [0, "idle"]
    assert player.stage.language == "zh"
    settle(player, clock)
    clock.advance(player.deck.slide_duration(player.deck.slides[0]) + 0.01)
    player.poll()
    assert player.stage.index == 1  # looping again


def test_a_touch_counts_as_presence(qtbot, player, clock):
    viewport = player.stage.viewport()
    clock.advance(5)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=screen_point(player, 960, 540))
    clock.advance(60)
    player.poll()
    assert player.stage.index == 0 and player.attract.visitor


def test_overview_opens_moves_and_jumps(qtbot, player, clock):
    qtbot.keyClick(player.stage, Qt.Key.Key_O)
    overview = player.overview
    assert overview is not None and len(overview.cells) == len(player.deck.slides)
    assert overview.selected == 0
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    qtbot.keyClick(player.stage, Qt.Key.Key_Down)
    assert overview.selected == overview.columns + 1
    assert player.stage.index == 0  # arrows move the selection, not the show
    qtbot.keyClick(player.stage, Qt.Key.Key_Return)
    assert player.overview is None and player.stage.index == overview.columns + 1


def test_overview_tap_jumps_and_escape_only_closes_it(qtbot, player, clock):
    player.stage.showFullScreen()
    qtbot.waitUntil(player.stage.isFullScreen)
    button = player.stage.chrome.button_rects()["overview"].center()
    qtbot.mouseClick(player.stage.viewport(), Qt.MouseButton.LeftButton,
                     pos=screen_point(player, button.x(), button.y()))
    assert player.overview is not None
    qtbot.keyClick(player.stage, Qt.Key.Key_Escape)
    assert player.overview is None and player.stage.isFullScreen()
    qtbot.keyClick(player.stage, Qt.Key.Key_O)
    cell = player.overview.cells[9].center()
    qtbot.mouseClick(player.stage.viewport(), Qt.MouseButton.LeftButton,
                     pos=screen_point(player, cell.x(), cell.y()))
    assert player.overview is None and player.stage.index == 9


def test_home_menu_offers_only_its_tiles(qtbot, default_deck, installation, clock):
    from kiosk.config import ShowOptions

    config = installation.config.model_copy(update={"show": ShowOptions(menu=[8, 9, 10])})
    player = Player(default_deck, config, clock)
    player.housekeeping.stop()
    qtbot.addWidget(player.stage)
    player.stage.resize(1920, 1080)
    player.toggle_overview()
    assert player.overview.slides == [7, 8, 9] and player.overview.columns == 3
    cell = player.overview.cells[2].center()
    qtbot.mouseClick(player.stage.viewport(), Qt.MouseButton.LeftButton,
                     pos=screen_point(player, cell.x(), cell.y()))
    assert player.stage.index == 9
