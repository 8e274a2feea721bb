"""What every slide view needs: geometry, palette, language, fonts and helpers."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem

from kiosk.config.sections import Sound, Theme
from kiosk.deck.model import Deck
from kiosk.deck.text import Text, typeset
from kiosk.show import fonts
from kiosk.show.textbox import TextBox
from kiosk.show.theme import Palette, type_size

log = logging.getLogger(__name__)

SMALLEST_TEXT = 24.0
SMALLEST_SOURCE = 18.0
OPTICAL_MIDDLE = 0.42
"""Where a group sits in the room left to it: a little above the middle, where the eye
takes the middle to be."""
HEADINGS = ("hero", "title", "subtitle", "kicker")
"""Roles that keep their size on every slide."""
BALANCED_ROLES = ("title", "hero")
"""Roles whose lines are made of about equal length, like a typeset headline."""


def button_side(width: float, height: float) -> float:
    """The side of an on-screen button on a stage of ``width`` x ``height`` (the
    least: a small screen's are made larger, 12 mm)."""
    return max(64.0, min(width, height) * 0.065)


@dataclasses.dataclass
class SlideContext:
    """Everything a slide view draws with."""

    deck: Deck
    theme: Theme
    language: str
    width: float
    height: float
    safe_area: float
    """Margin at each edge, as a share of the screen's side across it (overscan crops
    both ways): of the width at the left and right, of the height at top and bottom."""
    assets: dict[str, Path | None] = dataclasses.field(default_factory=dict)
    explain_faults: bool = True
    """A slide that cannot be drawn says why (an author's window, exports); on a kiosk's
    screen it stays empty while the show moves on."""
    steady: Theme | None = None
    """The theme the headings keep when the rest of a slide is made smaller to fit
    (``SlideView._build_to_fit``): every title of the show at one size."""
    sound: Sound | None = None
    """Volume and captions of the show's audio guides; None: silent (an export, check)."""
    configured: Theme | None = None
    """The theme as configured, before a slide was made smaller to fit (None: ``theme``):
    what a choice made alike in every language is made at."""
    kept_free: float = 0.0
    """Height kept free at the content's foot, for the band of a slide's captions."""
    headline: str = ""
    """What the slide's headings say, where a chart is drawn under them: a year they name
    is said on its time axis first (2023年反弹创新高 over an axis of even years, trial 28)."""
    source_lines: int = 2
    """Lines kept for the source line on a totem, above the row of the controls: as
    many as its citation needs (``SlideView``), two at least."""
    source_above: int = 0
    """Lines of a wall's source line set across the slide above the row of the
    controls, where the column beside them cannot hold it (0: beside them)."""

    def __post_init__(self) -> None:
        self.palette = Palette.from_theme(self.theme)
        self.remarks: list[str] = []
        """What a part of the slide had to leave out, in words (the layout audit says it)."""
        self.headings_crowd = False
        """Set by a slide whose headings leave the rest too little room (they are then
        made smaller with the rest: SlideView._build_to_fit)."""
        self.cramped = False
        """Set by a part of the slide that had less room than it needs to be read (a
        plot squeezed flat, legend rows thinner than their text): the slide is then
        built again with smaller type."""

    def needs(self, room: float, wanted: float) -> float:
        """``room``, noting the slide as cramped when it is less than ``wanted``."""
        if room < wanted:
            self.cramped = True
        return room

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    @property
    def safe(self) -> QRectF:
        """The safe area: what TV overscan leaves of the stage."""
        x, y = self.width * self.safe_area, self.height * self.safe_area
        return QRectF(x, y, self.width - 2 * x, self.height - 2 * y)

    @property
    def content(self) -> QRectF:
        """The area slides lay their content in: inside the safe area and a margin."""
        safe = self.safe
        side = max(safe.left(), self.width * 0.05)
        top = safe.top() + max(self.height * 0.06,  # under the language switch, at the
                               min(self.width, self.height) * 0.065 + self.height * 0.015)
        # top right (Chrome.button_side), not beside it
        if self.portrait:  # the source line's lines above the row of the controls
            bottom = safe.top() + self.height * 0.1 + self.room("source", self.source_lines) \
                + self.size("source") * 1.2  # (a line's air over it: 20 px under the
            # last point read as one block with it, trial 35)
        else:  # the source line beside the controls, or above them
            bottom = safe.top() + self.height * 0.11
            if self.source_above:
                bottom = max(bottom, self.controls_height + self.size("source") * 2.0
                             + self.room("source", self.source_above))  # (a line's
                # air over it, and half of one under it: trial 31 found 30 px crowded)
        return QRectF(side, top, self.width - 2 * side,
                      self.height - top - bottom - self.kept_free)

    @property
    def controls_height(self) -> float:
        """How far the row of the on-screen controls reaches up from the stage's foot."""
        return self.height * self.safe_area + button_side(self.width, self.height)

    def room(self, role: str, lines: int, line_height: float = 1.3) -> float:
        """The height ``lines`` lines of text of ``role`` take (``TextBox``'s measure)."""
        size = self.size(role)
        return QFontMetricsF(fonts.font(size)).height() + (lines - 1) * size * line_height + 1

    def text(self, value: Text | None) -> str:
        """A text in the current language (the deck's default where it lacks one), with
        curly quotation marks and apostrophes for straight ones."""
        if value is None:
            return ""
        return typeset(value.get_text(self.language, self.deck.default_language))

    @property
    def reference(self) -> float:
        """The stage's side type is scaled to (1080 on a 1920 x 1080 stage): its height,
        or its width in portrait."""
        side = min(self.height, self.width * 9 / 16) if not self.portrait else self.width
        return min(side, 1920.0)

    def smallest(self, role: str) -> float:
        """The smallest size text of ``role`` may have: read at two metres, 24 px at
        1080 px (18 for source lines), whatever the type scale."""
        return (SMALLEST_SOURCE if role == "source" else SMALLEST_TEXT) * self.reference / 1080

    def size(self, role: str) -> float:
        """Font size of a type role: the theme's, never below the smallest readable; a
        source line's the configured theme's, on a slide made smaller to fit too."""
        theme = self.steady if self.steady is not None and role in HEADINGS else self.theme
        if role == "source":  # (a line in one place on every slide, at one size; at a
            shown = self.configured or self.theme  # larger type scale, no larger than the
            scale = shown.type_scale  # slide's own where it was drawn smaller, down to 1:
            if scale > 1.0 and self.theme.type_scale < scale:  # the source as large as a
                scale = max(1.0, self.theme.type_scale)  # chart's labels, trial 26)
            return max(type_size(role, shown, self.reference) * scale / shown.type_scale,
                       self.smallest(role))
        return max(type_size(role, theme, self.reference), self.smallest(role))

    def lines(self, text: str, width: float, role: str) -> int:
        """How many lines ``text`` takes in ``width`` at the size of ``role`` (made no
        smaller): what a box for it must be tall enough for."""
        size = self.size(role)
        return len(TextBox(text, width, 1e4, size=size, color=QColor(), smallest=size).lines)

    def box(
        self,
        parent: QGraphicsItem | None,
        text: str,
        rect: QRectF,
        role: str,
        *,
        color: QColor | None = None,
        bold: bool = False,
        align: str = "left",
        valign: str = "top",
        max_lines: int | None = None,
        tabular: bool = False,
        line_height: float = 1.3,
        size: float | None = None,
        balance: bool | None = None,
    ) -> TextBox:
        """A text box of a named type role, placed at ``rect`` inside ``parent`` (at
        ``size`` rather than the role's, for texts that share one: a row's headings); its
        lines balanced as a title's where ``balance`` says (by default, for titles)."""
        item = TextBox(text, rect.width(), rect.height(), size=size or self.size(role),
                       color=color or self.palette.text, bold=bold, align=align,
                       valign=valign, max_lines=max_lines, tabular=tabular,
                       line_height=line_height, smallest=self.smallest(role), role=role,
                       balance=role in BALANCED_ROLES if balance is None else balance,
                       parent=parent)
        item.setPos(rect.topLeft())
        return item
