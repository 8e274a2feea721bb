"""What `kiosk check` accepts, the show plays: decks generated from the model, played through.

Each example is a deck drawn from ``tests/strategies.py`` (every slide type and chart
kind, edge values, the longest lists, missing translations, any slide first). It must
pass `kiosk check`, then play offscreen on the fake clock, landscape or portrait, from
its first slide to its last by real key presses, in each of its languages: no exception
and no error logged, every animation at its end (every figure and chart label showing
its final text), a tap on chart marks answered, nothing of a slide outside the stage, and
whatever the layout audit marks on a slide as the show draws it, `kiosk check` warned of.
"""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem

from kiosk.check import check
from kiosk.config import Config, Installation
from kiosk.deck import charts as c
from kiosk.deck import model as m
from kiosk.play.clock import FakeClock
from kiosk.show.audit import audit
from kiosk.show.charts.base import ChartView, CountLabel
from kiosk.show.figure import FigureNumber
from kiosk.show.slides.base import SlideView
from kiosk.show.transitions import DURATION
from tests import decks
from tests.strategies import bounds, max_len
from tests.strategies import decks as deck_strategy

EXAMPLES = 150


class Errors(logging.Handler):
    """Collects every error the show logs while an example plays."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def timeline_end(view: SlideView) -> float:
    return view.timeline.end + DURATION


def play_out(player, clock: FakeClock) -> None:
    """Frames from the transition to the end of the slide's last animation, a few of
    them painted, the clock moved between them as a frame timer would."""
    view = player.stage.current
    assert player.frames.timer.isActive() == player.stage.animating, "frame timer stopped"
    start = clock.now()
    end = timeline_end(view)
    moments = sorted({0.02, 0.1, 0.3, DURATION, *(end * k / 8 for k in range(1, 9)),
                      end + 0.1})
    for n, moment in enumerate(moments):
        clock.advance(max(0.0, start + moment - clock.now()))
        player.stage.tick()
        if n % 3 == 0:
            player.stage.viewport().grab()
    if any(video.source is not None for video in view.videos()):  # a video plays on;
        assert player.stage.animating and not view.timeline.running  # all else ends
        return
    assert not player.stage.animating, "the slide never stopped moving"


def assert_final_and_inside(player, where: str) -> None:
    stage = QRectF(0, 0, *player.stage.design).adjusted(-3, -3, 3, 3)
    view = player.stage.current
    assert view is not None
    assert not view.timeline.running, where
    for item in decks.items_of(view):
        if isinstance(item, FigureNumber) and item.counts:
            assert item.parts == item.final, f"{where}: figure stopped at {item.parts}"
        if isinstance(item, CountLabel):
            assert item.text == item.final, f"{where}: label stopped at {item.text!r}"
        drawn = not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        rect = item.sceneBoundingRect()
        if drawn and item.isVisible() and not rect.isEmpty():
            what = getattr(item, "text", "")
            assert stage.contains(rect), f"{where}: {type(item).__name__} {what!r} at {rect}"


WARNED = re.compile(r"slides? ([\d, and-]+) in '([\w-]+)' at (\d+x\d+)"
                    r"(?:, type scale [\d.]+)?: (.*)$")


def assert_warned(player, report, index: int, language: str) -> None:
    """What the layout audit marks on the slide as the show draws it, `kiosk check`
    warned of, at the slide's text."""
    width, height = player.stage.design
    warned = set()
    for problem in report.problems:
        said = WARNED.match(problem.message)
        if said:
            numbers, lang, size, message = said.groups()
            first, _, last = numbers.partition("-")
            slides = (range(int(first), int(last) + 1) if last else
                      [int(n) for n in re.split(r", | and ", numbers)])
            warned |= {(n, lang, size, message) for n in slides}
    for finding in audit(player.stage.current, player.stage.chrome.drawn()):
        seen = (index + 1, language, f"{width:g}x{height:g}", finding.message)
        assert seen in warned, f"not warned: {seen}"


def explore_marks(player) -> None:
    """Tap the first marks of each chart: a callout appears inside the stage."""
    view = player.stage.current
    for chart in (item for item in decks.items_of(view) if isinstance(item, ChartView)):
        for mark in chart.marks[:3]:
            point = chart.mapToScene(mark.rect.center())
            if not (math.isfinite(point.x()) and math.isfinite(point.y())):
                continue
            chart.explore(point)
        chart.explore(QPointF(-50, -50))  # a tap beside the chart clears the callout
        assert chart.callout is None
    player.stage.viewport().grab()


def play_through(path: Path, config: Config, shape: str) -> None:
    """`kiosk check` accepts the deck; then it plays from its first slide to its last by
    real key presses, in each of its languages, without a fault."""
    report = check([path], Installation(config, None))
    assert report.errors == 0, [str(p) for p in report.problems]
    loaded = decks.load(path, config)
    errors = Errors()
    logging.getLogger().addHandler(errors)
    clock = FakeClock()
    width, height = config.display.design_size
    try:
        with decks.playing(loaded, config, clock, (width // 3, height // 3)) as player:
            count = len(loaded.deck.slides)
            for language in player.stage.languages:
                if language != player.stage.language:
                    QTest.keyClick(player.stage, Qt.Key.Key_L)
                for index in range(count):
                    steps = loaded.deck.slide_steps(loaded.deck.slides[index])
                    for step in range(steps):  # (a gallery's photos, one by one)
                        if index or step:
                            QTest.keyClick(player.stage, Qt.Key.Key_Right)
                        assert (player.stage.index, player.stage.step) == (index, step)
                        if 2 <= step < steps - 1 and loaded.deck.slides[index].photos[
                                step] == loaded.deck.slides[index].photos[step - 1]:
                            continue  # (the same photo and words as the one before)
                        where = f"slide {index + 1}.{step + 1} ({language}, {shape})"
                        play_out(player, clock)
                        assert_final_and_inside(player, where)
                        assert_warned(player, report, index, language)
                        explore_marks(player)
                QTest.keyClick(player.stage, Qt.Key.Key_Home)
                play_out(player, clock)
            assert not player.stage.failed, player.stage.failed
    finally:
        logging.getLogger().removeHandler(errors)
    assert not errors.records, [r.getMessage() for r in errors.records]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(data=deck_strategy(), portrait=st.booleans(),
       scale=st.sampled_from([1.0, 1.0, 0.5, 2.0]))
def test_whatever_check_accepts_plays(qapp, tmp_path_factory, data, portrait, scale):
    path = decks.write(tmp_path_factory.mktemp("deck"), data)
    config = decks.config(portrait=portrait, theme={"type_scale": scale})
    play_through(path, config, "portrait" if portrait else "landscape")


def largest_deck() -> dict[str, Any]:
    """Every slide type and chart kind as full as the model allows, in both languages."""
    long = {"zh": "长" * 300, "en": "long " * 60}
    text = {"zh": "南京新质生产力", "en": "New quality productive forces"}
    big = bounds(m.Figure, "value")[1]
    figure = {"value": big, "qualifier": "突破", "unit": {"zh": "万亿元", "en": "trillion yuan"},
              "label": long, "note": long}
    parts = max_len(c.ProportionChart, "parts")
    per_group = c.MAX_NETWORK_DOTS // max_len(c.NetworkChart, "groups")
    categories = max_len(c.SeriesChart, "categories")
    charts = [
        {"kind": "compare", "before_label": text, "after_label": text,
         "items": [{"label": long, "before": -big, "after": big, "unit": text,
                    "qualifier": "近", "note": long}] * max_len(c.CompareChart, "items")},
        *({"kind": kind, "categories": [f"{2000 + n}" for n in range(categories)],
           "series": [{"name": text, "values": [big * (-1) ** n for n in range(categories)]}]
           * max_len(c.SeriesChart, "series"), "unit": text, "area": True, "labels": True}
          for kind in ("bar", "line")),
        {"kind": "funnel", "stages": [{"label": long, "value": big, "qualifier": "余",
                                       "unit": text}] * max_len(c.FunnelChart, "stages")},
        *({"kind": "proportion", "style": style, "total": {"label": long, "value": big},
           "parts": [{"label": long, "value": big // parts}] * parts}
          for style in ("donut", "waffle")),
        {"kind": "network", "hub": long, "groups": [
            {"label": long, "count": per_group * 1000, "per_node": 1000, "qualifier": "多",
             "unit": text, "highlights": [{"label": long, "count": 1000}] * 3}]
            * max_len(c.NetworkChart, "groups")},
    ]
    return decks.deck(
        {"type": "figures", "title": long, "subtitle": long,
         "figures": [figure] * max_len(m.FiguresSlide, "figures"),
         "points": [long] * max_len(m.FiguresSlide, "points")},
        *({"type": "chart", "title": long, "subtitle": long, "caption": long, "chart": chart}
          for chart in charts),
        {"type": "story", "kicker": long, "headline": long, "body": long,
         "figures": [figure] * max_len(m.StorySlide, "figures"),
         "visual": {"kind": "chart", "chart": charts[-1]}},
        {"type": "points", "title": long, "subtitle": long,
         "points": [{"heading": long, "detail": long, "icon": "chip"}]
         * max_len(m.PointsSlide, "points")},
        {"type": "gallery", "title": long, "photos": [
            {"src": "images/photo.jpg", "caption": long, "credit": long, "alt": long}]
         * max_len(m.GallerySlide, "photos")},
        {"type": "title", "kicker": long, "title": long, "subtitle": long, "byline": long},
        {"type": "closing", "title": long, "subtitle": long, "body": long},
        source=long,
    )


@pytest.mark.parametrize(("size", "scale", "safe"), [
    ((1920, 1080), 1.0, 0.03), ((1080, 1920), 1.0, 0.03), ((1920, 1080), 2.0, 0.03),
    ((1080, 1920), 0.5, 0.03), ((360, 1920), 0.5, 0.2), ((1920, 360), 2.0, 0.2),
    ((320, 320), 1.0, 0.2)], ids=lambda v: "x".join(map(str, v)) if isinstance(v, tuple)
    else str(v))
def test_the_fullest_deck_the_model_allows_plays(qapp, tmp_path, size, scale, safe):
    """Including screens the config allows that few would choose: a bar display, a
    narrow totem, a tiny square, with the widest safe area."""
    path = decks.write(tmp_path, largest_deck())
    config = Config.model_validate({"display": {"design_size": size, "safe_area": safe},
                                    "theme": {"type_scale": scale}})
    play_through(path, config, f"{size[0]}x{size[1]}")
