"""What the command line asks of a show (``kiosk run``, ``kiosk preview``)."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class PlayOptions:
    """How to play: where, how locked, with what beside it."""

    screen: str | None = None
    """Screen index or name (the config's when None)."""
    windowed: bool = False
    kiosk: bool = False
    """Locked against closing, whatever the config says."""
    presenter: bool = False
    """A presenter console, whatever the config says."""
    preview: bool = False
    """An author's window: redrawn on each save, no loop, no lock, no log."""
    at: float | None = None
    """The wall time the show starts at (seconds since the epoch): ``--at``."""
