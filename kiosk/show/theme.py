"""The config's theme as Qt colours and the type scale, in design pixels."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QColor

from kiosk.config.sections import Theme


@dataclasses.dataclass(frozen=True)
class Palette:
    """Colours of the show."""

    background: QColor
    surface: QColor
    text: QColor
    muted: QColor
    accent: QColor
    accent2: QColor
    warning: QColor
    data: tuple[QColor, ...]
    """Colours of data series, parts and node groups, in order: as many as a chart can
    need (SERIES_COLOURS); the first two are the accents."""

    @classmethod
    def from_theme(cls, theme: Theme) -> Palette:
        given = [*theme.series, *DATA_COLOURS[len(theme.series):]]
        accent, accent2 = QColor(theme.accent), QColor(theme.accent2)
        return cls(background=QColor(theme.background), surface=QColor(theme.surface),
                   text=QColor(theme.text), muted=QColor(theme.muted), accent=accent,
                   accent2=accent2, warning=QColor(theme.warning),
                   data=(accent, accent2, *map(QColor, given))[:SERIES_COLOURS])

    def faint(self, alpha: float) -> QColor:
        """The text colour, see-through (lines and fills that must not shout)."""
        colour = QColor(self.text)
        colour.setAlphaF(alpha)
        return colour

    def scrim(self, alpha: float) -> QColor:
        """The background colour, see-through: laid over the show under a panel."""
        colour = QColor(self.background)
        colour.setAlphaF(alpha)
        return colour

    def series(self, index: int) -> QColor:
        """The colour of data series (or part, or group) ``index``."""
        return QColor(self.data[index % len(self.data)])


SERIES_COLOURS = 12
"""Distinct data colours: a donut of 12 parts; a network's 8 groups and 3 highlights."""
DATA_COLOURS = ("#ff8a65", "#c77dff", "#d7ccc8", "#64b5f6", "#9ccc65", "#f06292",
                "#ffd54f", "#80cbc4", "#b0bec5", "#ce93d8")
"""After the two accents: coral, violet, sand, sky, green, pink, yellow, mint, slate,
lilac; each reads on the dark background and differs from its neighbours."""


# Font sizes in design pixels for a 1080-pixel-high stage.
TYPE = {
    "hero": 104, "title": 68, "subtitle": 34, "kicker": 28, "body": 32,
    "figure": 112, "figure_small": 40, "label": 28, "note": 24, "heading": 36,
    "detail": 26, "source": 19, "chrome": 24,
}


def type_size(name: str, theme: Theme, stage_height: float) -> float:
    """Font size of a named role, scaled to the stage and the theme's type scale."""
    return TYPE[name] * theme.type_scale * min(stage_height, 1920) / 1080
