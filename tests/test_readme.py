"""The README's examples are valid, and show every slide type."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.deck.load import load_deck
from kiosk.deck.model import SLIDE_TYPES
from tests import decks
from tests.conftest import ROOT


def yaml_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def test_slide_examples_load_and_cover_every_type(tmp_path: Path):
    (examples,) = [b for b in yaml_blocks() if b.lstrip().startswith("- type: title")]
    deck = tmp_path / "deck.yaml"
    deck.write_text("title: README\nlanguages: [zh, en]\nslides:\n" + examples, "utf-8")
    decks.write_pictures(tmp_path)  # (the photograph the example names)
    for name in ("zhonghua.jpg", "yijiang.jpg"):  # (the gallery's)
        (tmp_path / "images" / name).write_bytes((tmp_path / "images" / "photo.jpg").read_bytes())
    (tmp_path / "images" / "photo.jpg").rename(tmp_path / "images" / "hall.jpg")
    (tmp_path / "videos" / "clip.mp4").rename(tmp_path / "videos" / "river.mp4")
    (tmp_path / "docs" / "pages.pdf").rename(tmp_path / "docs" / "brochure.pdf")
    loaded = load_deck(deck)
    assert {s.type for s in loaded.deck.slides} == set(SLIDE_TYPES)


def test_unattended_config_example_is_a_valid_config(tmp_path: Path):
    from kiosk.config import load_config

    (example,) = [b for b in yaml_blocks() if b.lstrip().startswith("kiosk:")]
    (tmp_path / "config.yaml").write_text("deck: deck.yaml\n" + example, "utf-8")
    config = load_config(tmp_path / "config.yaml").config
    assert config.kiosk.lock and config.schedule is not None
    assert config.schedule.to_schedule().deck_for(__import__("datetime").date(2026, 5, 16)) \
        == "slides/event.yaml"


def test_the_pictures_the_readme_shows_are_there_and_are_pictures():
    from PySide6.QtGui import QImage

    text = (ROOT / "README.md").read_text("utf-8")
    shown = re.findall(r"(docs/pictures/[\w-]+\.png)", text)
    assert len(set(shown)) >= 5
    for name in shown:
        image = QImage(str(ROOT / name))
        assert not image.isNull() and image.width() >= 540, name
