"""A text as the layout audit sees it (``kiosk.show.audit``)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QRectF


@dataclasses.dataclass(frozen=True)
class Placed:
    """A text as it is drawn: where (scene coordinates), how large, in which lines."""

    text: str
    rect: QRectF
    size: float
    role: str
    lines: tuple[str, ...] = ()
    cut: bool = False
    item: object = dataclasses.field(default=None, compare=False, repr=False)
    """The item that draws it (to find what is drawn over it)."""
