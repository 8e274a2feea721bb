"""The config's theme as Qt colours and the type scale, in design pixels."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QColor

from kiosk.config import Theme


@dataclasses.dataclass(frozen=True)
class Palette:
    """Colours of the show."""

    background: QColor
    surface: QColor
    text: QColor
    muted: QColor
    accent: QColor
    accent2: QColor

    @classmethod
    def from_theme(cls, theme: Theme) -> Palette:
        return cls(*(QColor(getattr(theme, f.name)) for f in dataclasses.fields(cls)))


# Font sizes in design pixels for a 1080-pixel-high stage.
TYPE = {
    "hero": 104, "title": 68, "subtitle": 34, "kicker": 28, "body": 32,
    "figure": 112, "figure_small": 40, "label": 28, "note": 23, "heading": 36,
    "detail": 26, "source": 19, "chrome": 22,
}


def type_size(name: str, theme: Theme, stage_height: float) -> float:
    """Font size of a named role, scaled to the stage and the theme's type scale."""
    return TYPE[name] * theme.type_scale * min(stage_height, 1920) / 1080
