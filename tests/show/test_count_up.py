"""Key figures count up when their slide appears, steadily, and replay on every visit."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from kiosk.deck.timing import COUNT_DELAY, COUNT_DURATION
from kiosk.play.clock import FakeClock
from kiosk.show.charts.base import CountLabel
from kiosk.show.figure import FigureNumber
from kiosk.show.stage import Stage
from tests import decks
from tests.decks import (
    bars,
    both,
    chart_slide,
    closing_slide,
    compare,
    deck,
    figure,
    figures_slide,
    funnel,
    numbers,
    only,
    story_slide,
    title_slide,
)

# A title, then three figures slides: 1.74万亿元 first; 7.2万元 counting from 3.7; 近3500项
# with two texts (第一, 全省第一) that do not count.
GDP = figure(1.74, both("万亿元", "trillion yuan"), both("地区生产总值", "GDP"))
INCOME = figure(7.2, both("万元", "yuan"), "人均收入", **{"from": 3.7, "values": {"en": 72000}})
NEEDS = figure(3500, both("项", "items"), "征集需求", qualifier="近")
FIRST = figure(text=both("第一", "No. 1"), label="人均GDP")
FIRST_IN_PROVINCE = figure(text=both("全省第一", "No. 1 in Jiangsu"), label="数字经济")
FIGURES = deck(title_slide(), figures_slide(GDP, FIRST), figures_slide(INCOME),
               figures_slide(NEEDS, FIRST_IN_PROVINCE))


@pytest.fixture
def stage(qtbot, tmp_path):
    """A stage on FIGURES, on the fake clock."""
    config = decks.config()
    clock = FakeClock()
    stage = Stage(decks.built(tmp_path, FIGURES, config), config, clock)
    qtbot.addWidget(stage)
    return stage, clock


def test_figures_count_from_zero_to_their_value_keeping_decimals(stage):
    stage, clock = stage
    stage.show_slide(1, direction=1, transition="none")  # 1.74万亿元 first
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
    stage.show_slide(2, direction=1, transition="none")  # 7.2万元 from 3.7
    income = numbers(stage.current)[0]
    assert income.parts.number == "3.7"
    for _ in range(5):
        clock.advance(1.0)
        stage.tick()
    assert income.parts.number == "7.2"


def test_qualifier_and_unit_stay_put_while_counting(stage):
    stage, clock = stage
    stage.show_slide(3, direction=1, transition="none")  # 近3500项
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


def test_reduced_motion_shows_final_figures_at_once(qtbot, tmp_path):
    config = decks.config(show={"reduced_motion": True})
    stage = Stage(decks.built(tmp_path, FIGURES, config), config, FakeClock())
    qtbot.addWidget(stage)
    stage.show_slide(1, direction=1)
    assert numbers(stage.current)[0].parts.number == "1.74"
    assert not stage.animating


def test_text_figures_do_not_count(stage):
    stage, _ = stage
    texts = []
    for index in (1, 3):
        stage.show_slide(index, direction=1, transition="none")
        texts += [n for n in numbers(stage.current) if not n.counts]
    assert [str(n.parts) for n in texts] == ["第一", "全省第一"]


def test_rolling_digits_draw_every_frame_and_end_on_the_value(qapp, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    from kiosk.deck.model import Figure
    from kiosk.show.render import context

    config = decks.config()
    ctx = context(decks.built(tmp_path, deck(), config), config, "zh")
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


def test_a_year_stands_as_it_is_rather_than_count_up_from_nothing(qapp, tmp_path):
    """Trial 8: 1004 AD counted up from 0 like a quantity."""
    from kiosk.deck.model import Figure
    from kiosk.show.render import context

    config = decks.config()
    ctx = context(decks.built(tmp_path, deck(), config), config, "en")
    year = FigureNumber(Figure.model_validate(
        {"value": 1004, "unit": {"zh": "年", "en": "AD"}, "label": "x"}), ctx, 600, 112)
    assert not year.counts
    year.set_progress(0.3)
    assert str(year.parts) == "1004 AD"


# --- the first slide moves too --------------------------------------------------------------

def shown_at_the_end(view) -> dict[str, list[str]]:
    """What every figure and chart label of ``view`` shows, and what it should end on."""
    figures = [n for n in decks.items_of(view) if isinstance(n, FigureNumber) and n.counts]
    labels = [item for item in decks.items_of(view) if isinstance(item, CountLabel)]
    return {"shown": [str(n.parts) for n in figures] + [label.text for label in labels],
            "final": [str(n.final) for n in figures] + [label.final for label in labels]}


@pytest.mark.parametrize(("first", "final"), [
    (figures_slide(), ["1.74万亿元", "7.2万元", "近3500项"]),
    (chart_slide(compare()), ["3.7万元", "7.2万元", "52.1%", "81.9%"]),
    (chart_slide(bars()), []),  # bars grow, no labels count
    (story_slide(visual={"kind": "chart", "chart": funnel()}), ["1500余家", "近3500项", "近400项"]),
], ids=["figures", "compare", "bars", "story-funnel"])
def test_a_deck_that_opens_on_a_moving_slide_plays_it_to_the_end(qtbot, tmp_path, first, final):
    data = deck(first, closing_slide())
    player, clock = decks.show(qtbot, tmp_path / "moving", data, size=(960, 540))
    still, _ = decks.show(qtbot, tmp_path / "still", data,
                          decks.config(show={"reduced_motion": True}), size=(960, 540))
    end_state = still.stage.grab().toImage()  # every animation at its end, at once
    view = player.stage.current
    assert player.stage.index == 0
    assert player.stage.animating and player.frames.timer.isActive()  # not frozen
    assert player.stage.grab().toImage() != end_state
    for _ in range(round(view.timeline.end * 60) + 10):  # frames, as the frame timer steps
        clock.advance(1 / 60)
        player.stage.tick()
    assert not player.stage.animating and not player.frames.timer.isActive()
    assert player.stage.grab().toImage() == end_state
    at_end = shown_at_the_end(view)
    assert at_end["shown"] == at_end["final"]
    assert set(final) <= set(at_end["shown"])
    player.poll()
    assert player.stage.index == 0  # well inside its duration: still there


def test_an_english_deck_that_opens_on_figures_counts_in_english(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, only("en", deck(figures_slide(GDP, INCOME))))
    gdp, income = numbers(player.stage.current)
    assert gdp.parts.number == "0.00" and str(income.parts) == "37,000 yuan"
    for _ in range(150):
        clock.advance(1 / 60)
        player.stage.tick()
    assert str(gdp.parts) == "1.74 trillion yuan" and str(income.parts) == "72,000 yuan"


def test_a_figures_slide_first_on_a_portrait_totem_counts_up(qtbot, tmp_path):
    player, clock = decks.show(qtbot, tmp_path, deck(figures_slide(), title_slide()),
                               decks.config(portrait=True))
    view = player.stage.current
    for _ in range(150):
        clock.advance(1 / 60)
        player.stage.tick()
    assert [str(n.parts) for n in numbers(view)] == ["1.74万亿元", "7.2万元", "近3500项", "第一"]
    assert not player.stage.animating
