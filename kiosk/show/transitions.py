"""Slide transitions: fade and slide, eased over about half a second.

A transition interrupted by a newer one never finishes first: whatever is on screen
(the slides of the interrupted transition, where they were) becomes the outgoing
picture, which fades or slides away from there while the newest slide comes in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtWidgets import QGraphicsItem

from kiosk.play.easing import ease_out_cubic, progress

DURATION = 0.5


@dataclasses.dataclass
class Transition:
    """One running transition towards ``incoming``."""

    kind: str
    incoming: QGraphicsItem
    outgoing: Sequence[QGraphicsItem]
    direction: int
    start: float
    width: float
    duration: float = DURATION

    def __post_init__(self) -> None:
        self._origins = [item.x() for item in self.outgoing]
        self._opacities = [item.opacity() for item in self.outgoing]
        for n, item in enumerate(self.outgoing):
            item.setZValue(n)
        self.incoming.setZValue(len(self.outgoing) + 1)
        self.apply(self.start)

    def done(self, now: float) -> bool:
        return progress(self.start, self.duration, now) >= 1.0

    def apply(self, now: float) -> None:
        """Place the slides as they are at time ``now``."""
        p = ease_out_cubic(progress(self.start, self.duration, now))
        if self.kind == "fade":  # a cross-fade: the slides share the stage's background
            self.incoming.setOpacity(p)
            self.incoming.setX(0)
            for item, opacity in zip(self.outgoing, self._opacities, strict=True):
                item.setOpacity(opacity * (1.0 - p))
        elif self.kind == "slide":
            self.incoming.setOpacity(1.0)
            self.incoming.setX(self.direction * (1.0 - p) * self.width)
            for item, origin in zip(self.outgoing, self._origins, strict=True):
                item.setX(origin - self.direction * p * self.width)
        else:
            self.incoming.setOpacity(1.0)
            self.incoming.setX(0)
