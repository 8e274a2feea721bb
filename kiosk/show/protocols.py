"""What some items of a slide can do beyond being drawn, declared once."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtGui import QPainter


@runtime_checkable
class Warmable(Protocol):
    """Draws its text once off screen, so that its glyphs are rasterised before its
    first frame (Stage.prebuild)."""

    def warm(self, painter: QPainter) -> None: ...


@runtime_checkable
class Releasable(Protocol):
    """Keeps pictures only to draw frames fast, and lets go of them when asked."""

    def release(self) -> None: ...


@runtime_checkable
class Printable(Protocol):
    """Draws something a PDF cannot show as the screen does (a fade of see-through
    colour, which PDF readers fill solid), and can draw it another way for print."""

    def for_print(self) -> None: ...
