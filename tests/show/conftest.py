"""Fixtures for drawing: the default deck and config, loaded once."""

from __future__ import annotations

import pytest

from kiosk.config import find_config
from kiosk.deck.load import load_deck
from tests.conftest import ROOT


@pytest.fixture(scope="session")
def installation():
    return find_config(ROOT / "config.yaml")


@pytest.fixture(scope="session")
def default_deck(installation):
    return load_deck(installation.deck_path, installation.asset_roots)
