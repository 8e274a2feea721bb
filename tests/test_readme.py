"""The README's examples are valid, and show every slide type."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.deck.load import load_deck
from kiosk.deck.model import SLIDE_TYPES
from tests.conftest import ROOT


def yaml_blocks() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.S)


def test_slide_examples_load_and_cover_every_type(tmp_path: Path):
    (examples,) = [b for b in yaml_blocks() if b.lstrip().startswith("- type: title")]
    deck = tmp_path / "deck.yaml"
    deck.write_text("title: README\nlanguages: [zh, en]\nslides:\n" + examples, "utf-8")
    loaded = load_deck(deck)
    assert {s.type for s in loaded.deck.slides} == set(SLIDE_TYPES)
