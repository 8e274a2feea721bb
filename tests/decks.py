"""Decks made by the tests: written as YAML beside the pictures they name, then played.

App tests build the deck they need here, so a new default deck breaks none of them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.app.player import Player
from kiosk.config import Config, Installation
from kiosk.deck.load import LoadedDeck, load_deck
from kiosk.play.clock import FakeClock

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90">'
       '<rect width="160" height="90" fill="#4fb3bf"/><circle cx="80" cy="45" r="30" '
       'fill="#e8b04b"/></svg>')


def deck(*slides: dict[str, Any], **top: Any) -> dict[str, Any]:
    """A deck of ``slides`` (a title slide when none), in Chinese and English."""
    return {"version": 1, "title": {"zh": "测试", "en": "Test"}, "languages": ["zh", "en"],
            **top, "slides": list(slides) or [{"type": "title", "title": "T"}]}


def titles(count: int, **top: Any) -> dict[str, Any]:
    """A deck of ``count`` title slides named 1, 2, 3..."""
    return deck(*({"type": "title", "title": str(n + 1)} for n in range(count)), **top)


def write_pictures(folder: Path) -> None:
    """The pictures a test deck may name: a PNG, a JPEG and an SVG (made here)."""
    images = folder / "images"
    images.mkdir(parents=True, exist_ok=True)
    image = QImage(320, 180, QImage.Format.Format_RGB32)
    image.fill(QColor("#13233d"))
    painter = QPainter(image)
    painter.fillRect(40, 30, 240, 120, QColor("#e8b04b"))
    painter.end()
    image.save(str(images / "photo.png"))
    image.save(str(images / "photo.jpg"))
    (images / "shape.svg").write_text(SVG, encoding="utf-8")


def write(folder: Path, data: dict[str, Any], name: str = "deck.yaml") -> Path:
    """The deck as a YAML file in ``folder``, with the test pictures beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "images").is_dir():
        write_pictures(folder)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def load(path: Path, config: Config | None = None) -> LoadedDeck:
    """The deck at ``path`` as the show loads it (a missing picture is a placeholder)."""
    roots = Installation(config or Config(), None).asset_roots
    return load_deck(path, roots, strict_assets=False)


def config(*, portrait: bool = False, **sections: Any) -> Config:
    """A config with the given sections, landscape or portrait."""
    size = (1080, 1920) if portrait else (1920, 1080)
    data = {"display": {"design_size": size, **sections.pop("display", {})}, **sections}
    return Config.model_validate(data)


def start(qtbot: Any, loaded: LoadedDeck, cfg: Config | None = None, *,
          clock: FakeClock | None = None, locked: bool = False,
          size: tuple[int, int] | None = None) -> tuple[Player, FakeClock]:
    """A player on screen (offscreen), its timers stopped: tests move the clock."""
    cfg = cfg or Config()
    clock = clock or FakeClock()
    player = Player(loaded, cfg, clock, locked=locked)
    player.housekeeping.stop()
    qtbot.addWidget(player.stage)
    width, height = size or cfg.display.design_size
    player.stage.resize(width, height)
    player.stage.show()
    qtbot.waitExposed(player.stage)
    return player, clock


@contextlib.contextmanager
def playing(loaded: LoadedDeck, cfg: Config, clock: FakeClock, size: tuple[int, int]
            ) -> Iterator[Player]:
    """A player for one test example, closed and deleted afterwards (for hypothesis,
    whose examples must not pile up windows)."""
    player = Player(loaded, cfg, clock)
    player.housekeeping.stop()
    player.stage.resize(*size)
    player.stage.show()
    try:
        yield player
    finally:
        player.frame_timer.stop()
        if player.lock is not None:
            player.lock.released = True
        player.stage.close()
        player.stage.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.deleteLater()
