"""Shared fixtures: every test runs offscreen, from the repository root.

There is no fixture for the default deck: tests build the decks they need (tests/decks.py);
the few about the default deck itself are in tests/test_default_deck.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _collect_after():
    """What fell due for collection while a test ran is collected after it, in this
    thread (once a decoding thread has run, the collector does not run by itself:
    kiosk/show/collector.py)."""
    yield
    from kiosk.show.collector import collect_due

    collect_due()


@pytest.fixture
def write_deck(tmp_path: Path):
    """Write YAML text to a deck file in a fresh folder and return its path."""

    def write(text: str, name: str = "deck.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write

