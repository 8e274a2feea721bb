"""Key figures count up when their slide appears, steadily, and replay on every visit."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from kiosk.config import ShowOptions
from kiosk.play.clock import FakeClock
from kiosk.show.figure import COUNT_DELAY, COUNT_DURATION, FigureNumber
from kiosk.show.stage import Stage


def numbers(view) -> list[FigureNumber]:
    found, stack = [], list(view.childItems())
    while stack:
        item = stack.pop()
        if isinstance(item, FigureNumber):
            found.append(item)
        stack.extend(item.childItems())
    return sorted(found, key=lambda n: (n.scenePos().y(), n.scenePos().x()))


@pytest.fixture
def stage(qtbot, default_deck, installation):
    clock = FakeClock()
    stage = Stage(default_deck, installation.config, clock)
    qtbot.addWidget(stage)
    return stage, clock


def test_figures_count_from_zero_to_their_value_keeping_decimals(stage):
    stage, clock = stage
    stage.show_slide(1, direction=1, transition="none")  # 经济强: 1.74万亿元 first
    gdp = numbers(stage.current)[0]
    assert gdp.parts.number == "0.00"
    seen = []
    for _ in range(150):
        clock.advance(1 / 60)
        stage.tick()
        seen.append(gdp.parts.number)
    assert seen[-1] == "1.74" and str(gdp.parts) == "1.74万亿元"
    assert all(len(s) == 4 and s[1] == "." for s in seen)  # always d.dd, never 1.7399999
    values = [float(s) for s in seen]
    assert values == sorted(values)  # never goes back
    halfway = values[int((COUNT_DELAY + COUNT_DURATION / 2) * 60)]
    assert 1.4 < halfway < 1.74  # ease-out: most of the way at half time


def test_count_starts_from_the_figures_from_value(stage):
    stage, clock = stage
    stage.show_slide(2, direction=1, transition="none")  # 百姓富: 7.2万元 from 3.7
    income = numbers(stage.current)[0]
    assert income.parts.number == "3.7"
    for _ in range(5):
        clock.advance(1.0)
        stage.tick()
    assert income.parts.number == "7.2"


def test_qualifier_and_unit_stay_put_while_counting(stage):
    stage, clock = stage
    stage.show_slide(8, direction=1, transition="none")  # 缩影二: 近3500项
    first = numbers(stage.current)[0]
    assert first.parts.before == "近" and first.parts.after == "项"
    metrics = QFontMetricsF(first._fonts(first.size, first.small)[1])
    widths = set()
    for _ in range(120):
        clock.advance(1 / 60)
        stage.tick()
        assert first.parts.before == "近" and first.parts.after == "项"
        widths.add(metrics.horizontalAdvance(first.parts.number) <= first._slot + 0.01)
    assert widths == {True}  # every state fits the fixed slot: the unit never moves


def test_animation_replays_on_reentry_and_stops_off_screen(stage):
    stage, clock = stage
    stage.show_slide(1, direction=1, transition="none")
    view = stage.current
    for _ in range(4):
        clock.advance(1.0)
        stage.tick()
    assert numbers(view)[0].parts.number == "1.74"
    stage.show_slide(2, direction=1, transition="none")
    assert not view.timeline.running  # off screen: nothing runs
    stage.show_slide(1, direction=-1, transition="none")
    assert stage.current is view
    assert numbers(view)[0].parts.number == "0.00"  # counts again from the start


def test_reduced_motion_shows_final_figures_at_once(qtbot, default_deck, installation):
    config = installation.config.model_copy(update={"show": ShowOptions(reduced_motion=True)})
    stage = Stage(default_deck, config, FakeClock())
    qtbot.addWidget(stage)
    stage.show_slide(1, direction=1)
    assert numbers(stage.current)[0].parts.number == "1.74"
    assert not stage.animating


def test_text_figures_do_not_count(stage):
    stage, _ = stage
    stage.show_slide(1, direction=1, transition="none")
    texts = [n for n in numbers(stage.current) if not n.counts]
    assert [str(n.parts) for n in texts] == ["第一", "全省第一"]


def test_rolling_digits_draw_every_frame_and_end_on_the_value(qapp, default_deck, installation):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    from kiosk.deck.model import Figure
    from kiosk.show.render import context

    ctx = context(default_deck, installation.config, "zh")
    figure = Figure.model_validate({"value": 138, "unit": "家", "label": "x", "roll": True})
    number = FigureNumber(figure, ctx, 600, 112)
    pictures = set()
    for progress in (0.0, 0.33, 0.5, 0.77, 1.0):
        number.set_progress(progress)
        image = QImage(600, int(number.height), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.black)
        painter = QPainter(image)
        number.paint(painter, None)
        painter.end()
        pictures.add(bytes(image.constBits()))
    assert len(pictures) == 5  # the digits move
    assert str(number.parts) == "138家" and number._roll is None
