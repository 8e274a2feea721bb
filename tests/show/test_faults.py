"""Defence in depth: a slide that raises while being built, animated or drawn never ends
the show. It is logged once with its file and line, the show moves past it, and an
author's window says what failed on the slide itself.

The faults are injected (no valid deck raises: that is what the contract tests prove);
the exception hook is watched, since Qt would end the process through it.
"""

from __future__ import annotations

import logging
import re
import sys

import pytest
from PySide6.QtCore import Qt

from kiosk.config import Config
from kiosk.show.charts import funnel, proportion
from kiosk.show.charts.base import CountLabel
from kiosk.show.slides.fault import FaultView
from kiosk.show.textbox import TextBox
from tests import decks

DECK = decks.deck(
    {"type": "title", "title": "一"},
    {"type": "chart", "title": "二", "chart": {
        "kind": "funnel", "stages": [{"label": "a", "value": 30}, {"label": "b", "value": 4}]}},
    {"type": "chart", "title": "三", "chart": {
        "kind": "proportion", "total": {"label": "t", "value": 138},
        "parts": [{"label": "x", "value": 6}, {"label": "y", "value": 24}]}},
    {"type": "closing", "title": "四"},
    defaults={"duration": 10},
)


@pytest.fixture
def hook(monkeypatch):
    """What reaches the exception hook (which ends the show with exit 70)."""
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: seen.append(error))
    return seen


def show(qtbot, tmp_path, *, authoring=False):
    loaded = decks.load(decks.write(tmp_path, DECK))
    return decks.start(qtbot, loaded, Config(), authoring=authoring, size=(960, 540))


def texts_of(view) -> list[str]:
    return [item.text for item in decks.items_of(view) if isinstance(item, TextBox)]


def errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_slide_that_cannot_be_built_is_skipped_by_the_loop(qtbot, tmp_path, caplog, hook,
                                                             monkeypatch):
    def broken(self, *args, **kwargs):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(funnel.FunnelView, "__init__", broken)
    player, clock = show(qtbot, tmp_path)
    shown = []
    player.show.slide_changed.connect(lambda index, cause: shown.append(index))
    for _ in range(2):  # the loop: 10 s a slide
        clock.advance(10.1)
        player.poll()
        qtbot.wait(1)  # the deferred moves of the event loop (no time passes)
    assert 1 not in shown
    assert player.stage.index == 3  # 1, 3, 4: slide 2 was passed by
    assert 1 in player.stage.failed
    (message,) = [m for m in errors(caplog) if "cannot be shown" in m]
    assert re.search(r"deck\.yaml:\d+:\d+: slide 2 cannot be shown \(building: "
                     "ZeroDivisionError: float division by zero\\); the show goes on", message)
    assert not hook


def test_keys_pass_a_slide_that_cannot_be_built(qtbot, tmp_path, caplog, hook, monkeypatch):
    monkeypatch.setattr(funnel.FunnelView, "__init__",
                        lambda self, *a, **k: (_ for _ in ()).throw(ValueError("bad")))
    player, _ = show(qtbot, tmp_path)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)  # to slide 2, which fails to build
    qtbot.waitUntil(lambda: player.stage.index == 2, timeout=1000)
    qtbot.keyClick(player.stage, Qt.Key.Key_Left)
    assert player.stage.index == 0  # back past it too
    assert len([m for m in errors(caplog) if "cannot be shown" in m]) == 1  # logged once
    assert not hook


def test_an_author_sees_what_failed_on_the_slide(qtbot, tmp_path, caplog, hook, monkeypatch):
    monkeypatch.setattr(funnel.FunnelView, "__init__",
                        lambda self, *a, **k: (_ for _ in ()).throw(KeyError("stages")))
    player, _ = show(qtbot, tmp_path, authoring=True)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    qtbot.wait(1)
    assert player.stage.index == 1  # an author's window stays on it
    view = player.stage.current
    assert isinstance(view, FaultView)
    assert any("This slide cannot be shown" in text for text in texts_of(view))
    assert any("building: KeyError" in text for text in texts_of(view))
    assert not hook


def test_an_animation_that_raises_stops_and_the_show_moves_on(qtbot, tmp_path, caplog, hook,
                                                              monkeypatch):
    real = CountLabel.set_progress

    def fails_half_way(self, progress):
        if 0.5 < progress < 1.0:
            raise OverflowError("count")
        real(self, progress)

    monkeypatch.setattr(CountLabel, "set_progress", fails_half_way)
    player, clock = show(qtbot, tmp_path)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)  # the funnel counts its values
    for _ in range(30):
        clock.advance(0.1)
        player.stage.tick()
    qtbot.waitUntil(lambda: player.stage.index == 2, timeout=1000)  # left for the next
    assert 1 in player.stage.failed and "animating: OverflowError" in player.stage.failed[1]
    assert not player.stage.animating or player.stage.current.slide.type == "chart"
    assert not hook


def test_a_drawing_that_raises_takes_the_slide_off_not_the_process(qtbot, tmp_path, caplog,
                                                                  hook, monkeypatch):
    monkeypatch.setattr(proportion.Donut, "spans",
                        lambda self: (_ for _ in ()).throw(IndexError("colour")))
    player, clock = show(qtbot, tmp_path)
    qtbot.keyClick(player.stage, Qt.Key.Key_End)
    qtbot.keyClick(player.stage, Qt.Key.Key_Left)  # the donut: it raises as it is drawn
    clock.advance(1.0)
    player.stage.tick()
    player.stage.viewport().repaint()
    qtbot.waitUntil(lambda: player.stage.index == 3, timeout=1000)  # moved on
    assert 2 in player.stage.failed and "drawing: IndexError" in player.stage.failed[2]
    image = player.stage.grab().toImage()  # and the show still draws
    assert decks.distinct_colours(image) > 5
    assert not hook


def test_export_draws_what_failed_and_exits_70(qapp, tmp_path, capsys, monkeypatch):
    from kiosk.cli import EXIT_INTERNAL, main

    monkeypatch.setattr(funnel.FunnelView, "__init__",
                        lambda self, *a, **k: (_ for _ in ()).throw(KeyError("stages")))
    deck = decks.write(tmp_path / "site", DECK)
    status = main(["export", "--deck", str(deck), "--out", str(tmp_path / "out")])
    assert status == EXIT_INTERNAL
    assert "kiosk: slide 2: building: KeyError: 'stages'" in capsys.readouterr().err
    assert len(list((tmp_path / "out").glob("*.png"))) == 4  # the others are all there


def test_the_overview_shows_visitors_no_error_text(qtbot, tmp_path, caplog, hook,
                                                    monkeypatch):
    """The overview's thumbnail of a slide that could not be built showed visitors the
    error's words."""
    from kiosk.show.render import render_slide

    monkeypatch.setattr(funnel.FunnelView, "__init__",
                        lambda self, *a, **k: (_ for _ in ()).throw(ValueError("bad")))
    loaded = decks.built(tmp_path, DECK)
    _, quiet = render_slide(loaded, Config(), 1, (480, 270), "zh", explain_faults=False)
    _, told = render_slide(loaded, Config(), 1, (480, 270), "zh")
    assert isinstance(quiet, FaultView) and isinstance(told, FaultView)
    assert not any("cannot be shown" in text for text in texts_of(quiet))
    assert any("cannot be shown" in text for text in texts_of(told))
    player, _ = show(qtbot, tmp_path)
    made = []
    original = render_slide

    def spy(*args, **kwargs):
        made.append(kwargs.get("explain_faults", True))
        return original(*args, **kwargs)

    monkeypatch.setattr("kiosk.show.render.render_slide", spy)
    qtbot.keyClick(player.stage, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: bool(made), timeout=2000)
    assert made and not any(made)  # a kiosk's overview: thumbnails without error text
