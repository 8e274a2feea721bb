"""The stage fits the design-size scene to any screen, letterboxed, without scroll bars."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QRawFont

from kiosk.deck import glyphs
from kiosk.play.clock import FakeClock
from kiosk.show import fonts
from kiosk.show.stage import Stage, letterbox
from tests import decks


def stage_on(qtbot, folder, data, config):
    """A stage playing ``data`` (written to ``folder``) with ``config``."""
    stage = Stage(decks.built(folder, data, config), config, FakeClock())
    qtbot.addWidget(stage)
    return stage


@pytest.mark.parametrize(("screen", "expected"), [
    ((3840, 2160), (0, 0, 3840, 2160)),
    ((1920, 1080), (0, 0, 1920, 1080)),
    ((1366, 768), (0, 0, 1365, 768)),
    ((1080, 1920), (0, 656, 1080, 608)),  # a landscape deck on a portrait totem
    ((1920, 1200), (0, 60, 1920, 1080)),
])
def test_letterboxing_at_screen_sizes(qtbot, tmp_path, screen, expected):
    stage = stage_on(qtbot, tmp_path, decks.every_type(), decks.config())  # 1920x1080
    stage.resize(*screen)
    stage.show()
    qtbot.waitExposed(stage)
    top_left = stage.mapFromScene(QPointF(0, 0))
    bottom_right = stage.mapFromScene(QPointF(1920, 1080))
    x, y, w, h = expected
    assert abs(top_left.x() - x) <= 1 and abs(top_left.y() - y) <= 1
    assert abs(bottom_right.x() - (x + w)) <= 1 and abs(bottom_right.y() - (y + h)) <= 1
    assert stage.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    image = stage.grab().toImage()
    if y > 2:  # the bands outside the stage are black
        assert image.pixel(screen[0] // 2, y // 2) == 0xFF000000
        assert image.pixel(screen[0] // 2, screen[1] - y // 2) == 0xFF000000
    assert image.pixel(screen[0] // 2, y + h // 2) != 0xFF000000


@pytest.mark.parametrize(("screen", "expected"), [
    ((1080, 1920), (0, 0, 1080, 1920)),
    ((1920, 1080), (656, 0, 608, 1080)),  # a portrait deck on a landscape screen
    ((2160, 3840), (0, 0, 2160, 3840)),
])
def test_a_portrait_deck_is_pillarboxed_on_a_landscape_screen(qtbot, tmp_path, screen,
                                                               expected):
    stage = stage_on(qtbot, tmp_path, decks.every_type(), decks.config(portrait=True))
    stage.resize(*screen)
    stage.show()
    qtbot.waitExposed(stage)
    top_left = stage.mapFromScene(QPointF(0, 0))
    bottom_right = stage.mapFromScene(QPointF(1080, 1920))
    x, y, w, h = expected
    assert abs(top_left.x() - x) <= 1 and abs(top_left.y() - y) <= 1
    assert abs(bottom_right.x() - (x + w)) <= 1 and abs(bottom_right.y() - (y + h)) <= 1
    image = stage.grab().toImage()
    if x > 2:  # the bands beside the stage are black
        assert image.pixel(x // 2, screen[1] // 2) == 0xFF000000
        assert image.pixel(screen[0] - x // 2, screen[1] // 2) == 0xFF000000
    assert image.pixel(x + w // 2, screen[1] // 2) != 0xFF000000


def test_letterbox_arithmetic():
    scale, rect = letterbox(1080, 1920, 1920, 1080)
    assert scale == pytest.approx(0.5625)
    assert rect.top() == pytest.approx(656.25) and rect.height() == pytest.approx(607.5)


def test_cmap_reader_agrees_with_qt(qapp):
    raw = QRawFont(str(fonts.font_dir() / fonts.FILES[0]), 40)
    assert raw.isValid()
    coverage = glyphs.shipped()
    sample = "南京缩影汊滁浦镇ABCxyz0123。，“”％%€→☃𠀀한あ"
    for char in sample:
        assert (char in coverage) == raw.supportsCharacter(ord(char)), char


def test_opengl_falls_back_to_software_where_there_is_none(qtbot, tmp_path, caplog):
    stage = stage_on(qtbot, tmp_path, decks.deck(), decks.config(display={"opengl": True}))
    assert type(stage.viewport()).__name__ == "QWidget"
    assert "no OpenGL" in caplog.text
