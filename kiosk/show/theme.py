"""The config's theme as Qt colours and the type scale, in design pixels."""

from __future__ import annotations

import dataclasses
import functools

from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

from kiosk.config.sections import Theme
from kiosk.show.colourvision import apart


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
    apart: int = 12
    """How many of ``data``, from the first, every visitor tells apart (colour-blind
    visitors too): the rest are drawn with a pattern as well (``fill``)."""

    @classmethod
    def from_theme(cls, theme: Theme) -> Palette:
        given = [*theme.series, *DATA_COLOURS[len(theme.series):]]
        accent, accent2 = QColor(theme.accent), QColor(theme.accent2)
        data = (accent, accent2, *map(QColor, given))[:SERIES_COLOURS]
        return cls(background=QColor(theme.background), surface=QColor(theme.surface),
                   text=QColor(theme.text), muted=QColor(theme.muted), accent=accent,
                   accent2=accent2, warning=QColor(theme.warning), data=data,
                   apart=_apart(tuple(c.name() for c in data)))

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

    def fill(self, index: int) -> QBrush:
        """How series (or part) ``index`` fills a bar, an arc, a cell or its legend's
        swatch: its colour, and past the colours everyone tells apart, a pattern too, so
        that colour is not all that tells it from the others."""
        colour = self.series(index)
        if index < self.apart:
            return QBrush(colour)
        return QBrush(texture(colour.name(), self.background.name(),
                               (index - self.apart) % len(PATTERNS)))


SERIES_COLOURS = 12
"""Distinct data colours: a donut of 12 parts; a network's 8 groups and 3 highlights."""
DATA_COLOURS = ("#f0508c", "#9966ff", "#c5e0c0", "#8a8a3a", "#7ee8fa", "#ff8a65",
                "#b0bec5", "#ce93d8", "#64b5f6", "#9ccc65")
"""After the two accents: raspberry, violet, pale green, olive, ice, then coral, slate,
lilac, sky, green. The accents and the first five are told apart by visitors with any
colour-vision deficiency (CIEDE2000 over 12 under protanopia, deuteranopia and
tritanopia: tests/show/test_colours.py); no palette of twelve can be, so the others come
with a pattern (``Palette.fill``)."""
PATTERNS = ("rising", "falling", "across", "level", "upright")
"""Stripes over the colour, in the background's colour: for data colours past those
every visitor tells apart."""
TILE = 12
"""Design pixels a pattern repeats in (it scales with the stage, as the rest does)."""


_Line = tuple[float, float, float, float]


@functools.lru_cache(maxsize=64)
def texture(colour: str, background: str, pattern: int) -> QPixmap:
    """A tile of ``colour`` striped with ``background``: solid enough to keep its colour,
    striped enough to be told from the plain ones."""
    tile = QPixmap(TILE, TILE)
    tile.fill(QColor(colour))
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    stripe = QColor(background)
    stripe.setAlphaF(0.75)
    painter.setPen(QPen(stripe, TILE * 0.22))
    name, t = PATTERNS[pattern], float(TILE)
    rising: list[_Line] = [(-1, t + 1, t + 1, -1), (-1, 1, 1, -1), (t - 1, t + 1, t + 1, t - 1)]
    falling: list[_Line] = [(-1, -1, t + 1, t + 1), (t - 1, -1, t + 1, 1), (-1, t - 1, 1, t + 1)]
    drawn: dict[str, list[_Line]] = {
        "rising": rising, "falling": falling, "across": rising[:1] + falling[:1],
        "level": [(0.0, t / 2, t, t / 2)], "upright": [(t / 2, 0.0, t / 2, t)]}
    lines = drawn[name]
    for x1, y1, x2, y2 in lines:
        painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
    painter.end()
    return tile


@functools.lru_cache(maxsize=16)
def _apart(colours: tuple[str, ...]) -> int:
    return apart(colours)


# Font sizes in design pixels for a 1080-pixel-high stage.
TYPE = {
    "hero": 104, "title": 68, "subtitle": 34, "kicker": 28, "body": 32,
    "figure": 112, "figure_small": 40, "label": 28, "note": 24, "heading": 36,
    "detail": 26, "source": 19, "chrome": 24,
}


def type_size(name: str, theme: Theme, stage_height: float) -> float:
    """Font size of a named role, scaled to the stage and the theme's type scale."""
    return TYPE[name] * theme.type_scale * min(stage_height, 1920) / 1080
