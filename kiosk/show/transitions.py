"""Slide transitions: fade and slide, eased over about half a second.

A transition interrupted by a newer one never finishes first: whatever is on screen
(the slides of the interrupted transition, where they were) becomes the outgoing
picture, which fades or slides away from there while the newest slide comes in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtWidgets import QGraphicsItem

from kiosk.play.easing import ease_in_out_cubic, ease_out_cubic, progress

DURATION = 0.5
FADE_SPLIT = 0.4  # share of a fade spent taking the old slide away


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
        t = progress(self.start, self.duration, now)
        p = ease_out_cubic(t)
        if self.kind == "fade":
            # Through the shared background: the old slide fades out in the first half,
            # the new one in during the second. Never two slides blended at once, which
            # halves what a frame draws (it decides whether 4K keeps 60 frames a second).
            out = 1.0 - ease_in_out_cubic(min(1.0, t / FADE_SPLIT))
            self.incoming.setOpacity(ease_out_cubic(max(0.0, (t - FADE_SPLIT)
                                                        / (1.0 - FADE_SPLIT))))
            self.incoming.setX(0)
            for item, opacity in zip(self.outgoing, self._opacities, strict=True):
                item.setOpacity(opacity * out)
        elif self.kind == "slide":
            self.incoming.setOpacity(1.0)
            self.incoming.setX(self.direction * (1.0 - p) * self.width)
            for item, origin in zip(self.outgoing, self._origins, strict=True):
                item.setX(origin - self.direction * p * self.width)
        else:
            self.incoming.setOpacity(1.0)
            self.incoming.setX(0)
