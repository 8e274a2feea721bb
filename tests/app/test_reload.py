"""Live content updates: good updates swap in at the next slide, broken ones never show."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from kiosk.app.player import Player
from kiosk.config import load_config
from kiosk.deck.load import load_deck
from kiosk.play.clock import FakeClock

DECK = """title: T
defaults: {{duration: 600}}
slides:
  - type: title
    title: {title}
  - type: closing
    title: 再见
"""
STORY = """title: T
defaults: {duration: 600}
slides:
  - type: title
    title: 新的
  - type: story
    headline: 图
    visual: {kind: image, src: images/map.png}
"""


@pytest.fixture
def site(tmp_path):
    (tmp_path / "config.yaml").write_text("deck: deck.yaml\n", encoding="utf-8")
    (tmp_path / "deck.yaml").write_text(DECK.format(title="第一版"), encoding="utf-8")
    return tmp_path


def start(qtbot, site, *, at_once: bool = False):
    """The site's show, watching its files, on a fake clock."""
    clock = FakeClock()
    installation = load_config(site / "config.yaml")
    loaded = load_deck(installation.deck_path, installation.asset_roots)
    player = Player(loaded, installation.config, clock)
    player.housekeeping.stop()
    player.watch_content(installation, installation.deck_path, banner=True, at_once=at_once)
    qtbot.addWidget(player.stage)
    return player, clock


@pytest.fixture
def show(qtbot, site):
    return start(qtbot, site)


def settle(player, clock, seconds=5):
    for _ in range(int(seconds)):
        clock.advance(1.0)
        player.poll()


def title_on_screen(player) -> str:
    return player.stage.current.slide.title.get_text("zh", "zh")


def test_good_update_swaps_in_at_the_next_slide_change(qtbot, show, site):
    player, clock = show
    (site / "deck.yaml").write_text(DECK.format(title="第二版"), encoding="utf-8")
    settle(player, clock)
    assert player.show.pending is not None
    assert title_on_screen(player) == "第一版"  # not in the middle of a slide
    qtbot.keyClick(player.stage, Qt.Key.Key_Home)
    assert player.show.pending is None
    assert title_on_screen(player) == "第二版"


def test_broken_update_keeps_the_last_good_deck(qtbot, show, site, caplog):
    player, clock = show
    caplog.set_level(logging.WARNING)
    (site / "deck.yaml").write_text("title: T\nslides:\n  - type: title\n    title: [\n",
                                    encoding="utf-8")
    settle(player, clock)
    assert player.show.pending is None
    assert "rejected" in caplog.text and "YAML syntax error" in caplog.text
    assert player.stage.banner is not None  # windowed: the author sees why
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    qtbot.keyClick(player.stage, Qt.Key.Key_Home)
    assert title_on_screen(player) == "第一版"
    (site / "deck.yaml").write_text(DECK.format(title="修好了"), encoding="utf-8")
    settle(player, clock)
    assert player.stage.banner is None
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.stage.current.slide.type == "closing"
    assert player.show.deck.slides[0].title == "修好了"


def test_deck_replaced_file_by_file_waits_for_its_pictures(qtbot, show, site):
    player, clock = show
    # First the new deck arrives, naming a picture not yet copied: rejected.
    (site / "deck.yaml").write_text(STORY, encoding="utf-8")
    settle(player, clock)
    assert player.show.pending is None and "images/map.png" in player.content.reloader.last_error
    # Then half of the picture: still rejected.
    (site / "images").mkdir()
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    image.save(str(site / "map-full.png"))
    data = (site / "map-full.png").read_bytes()
    (site / "images" / "map.png").write_bytes(data[: len(data) // 3])
    settle(player, clock)
    assert player.show.pending is None
    assert "still being copied" in player.content.reloader.last_error
    # Then all of it: taken at the next slide change.
    (site / "images" / "map.png").write_bytes(data)
    settle(player, clock)
    assert player.show.pending is not None, player.content.reloader.last_error
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.stage.current.slide.type == "story"


def test_a_half_copied_photo_waits_until_it_is_whole(qtbot, show, site):
    """A JPEG cut off half-way still has a header Qt reads (and draws half grey)."""
    from tests.picturefiles import saved

    player, clock = show
    photo = saved("JPG", 640, 480, noise=True)
    (site / "images").mkdir()
    (site / "images" / "photo.jpg").write_bytes(photo[: len(photo) // 2])
    (site / "deck.yaml").write_text(STORY.replace("map.png", "photo.jpg"), encoding="utf-8")
    settle(player, clock)
    assert player.show.pending is None
    refused = player.content.reloader.last_error
    assert "deck.yaml:8:32: picture 'images/photo.jpg' is cut off after" in refused
    assert "(still being copied?)" in refused
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.stage.current.slide.type == "closing"  # the last good deck plays on
    (site / "images" / "photo.jpg").write_bytes(photo)  # the copy completes
    settle(player, clock)
    assert player.show.pending is not None, player.content.reloader.last_error
    qtbot.keyClick(player.stage, Qt.Key.Key_Home)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    view = player.stage.current
    assert view.slide.type == "story"
    stack = list(view.childItems())
    kinds = set()
    while stack:
        item = stack.pop()
        kinds.add("placeholder" if item.data(0) == "placeholder" else type(item).__name__)
        stack.extend(item.childItems())
    assert "QGraphicsPixmapItem" in kinds and "placeholder" not in kinds


def test_loop_takes_the_update_at_its_next_step(qtbot, show, site):
    player, clock = show
    (site / "deck.yaml").write_text(DECK.format(title="第二版"), encoding="utf-8")
    settle(player, clock)
    clock.advance(600)
    player.poll()
    assert player.show.pending is None and player.show.deck.slides[0].title == "第二版"


def test_preview_redraws_on_save_on_the_same_slide(qtbot, site):
    player, clock = start(qtbot, site, at_once=True)
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.stage.index == 1
    (site / "deck.yaml").write_text(DECK.format(title="改过") .replace("再见", "改了结尾"),
                                    encoding="utf-8")
    for _ in range(4):
        clock.advance(0.3)
        player.poll()
    assert player.stage.index == 1  # still where the author was
    assert player.stage.current.slide.title == "改了结尾"
    (site / "deck.yaml").write_text("title: T\nslides:\n  - type: closng\n", encoding="utf-8")
    for _ in range(4):
        clock.advance(0.3)
        player.poll()
    assert player.stage.current.slide.title == "改了结尾"  # the last good slide stays
    banner = player.stage.banner
    assert banner is not None
    (line,) = banner.childItems()
    assert "deck.yaml:3:11: unknown slide type 'closng'" in line.text


def test_a_blank_screen_lifts_when_the_update_comes_in(qtbot, show, site):
    player, clock = show
    qtbot.keyClick(player.stage, Qt.Key.Key_B)
    assert player.stage.blank_item.isVisible()
    (site / "deck.yaml").write_text(DECK.format(title="第二版"), encoding="utf-8")
    settle(player, clock)
    assert player.show.pending is not None
    qtbot.keyClick(player.stage, Qt.Key.Key_Right)
    assert player.show.deck.slides[0].title == "第二版" and player.stage.index == 1
    assert not player.stage.blank_item.isVisible()  # any move unblanks, as without update
