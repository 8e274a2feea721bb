"""Shared fixtures: every test runs offscreen, from the repository root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.config import find_config
from kiosk.deck.load import load_deck

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def write_deck(tmp_path: Path):
    """Write YAML text to a deck file in a fresh folder and return its path."""

    def write(text: str, name: str = "deck.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def installation():
    """The repository's config.yaml and what it names."""
    return find_config(ROOT / "config.yaml")


@pytest.fixture(scope="session")
def default_deck(installation):
    """The default deck, loaded once."""
    return load_deck(installation.deck_path, installation.asset_roots)
