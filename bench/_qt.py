"""Shared set-up of the Qt benchmarks: an offscreen 1920x1080 screen and the default show."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


def offscreen_screen(width: int = 1920, height: int = 1080) -> None:
    """Make Qt's offscreen platform present one screen of the given size (before Qt starts)."""
    screens = Path(tempfile.mkdtemp()) / "screens.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "bench", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def default_show(width: int = 1920, height: int = 1080):  # type: ignore[no-untyped-def]
    """The default deck playing in a shown stage on a fake clock: (app, player, clock).

    The player's wall-time timer is stopped: the benchmark drives everything.
    """
    from PySide6.QtWidgets import QApplication

    from kiosk.app.player import Player
    from kiosk.config import find_config
    from kiosk.deck.load import load_deck
    from kiosk.play.clock import FakeClock

    app = QApplication.instance() or QApplication([])
    installation = find_config(None)
    loaded = load_deck(installation.deck_path, installation.asset_roots)
    clock = FakeClock()
    player = Player(loaded, installation.config, clock)
    player.housekeeping.stop()
    player.stage.resize(width, height)
    player.stage.show()
    app.processEvents()
    import gc

    gc.freeze()  # as kiosk.app.main does once the show is up
    # Let the show's first idle build happen, as it does seconds before anyone presses.
    from PySide6.QtTest import QTest

    from kiosk.app.controllers.frames import FIRST_PREBUILD_MS

    QTest.qWait(FIRST_PREBUILD_MS + 50)
    return app, player, clock
