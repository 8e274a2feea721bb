"""What every slide view needs: geometry, palette, language, fonts and helpers."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from kiosk.config.sections import Theme
from kiosk.deck.model import Deck
from kiosk.deck.text import Text
from kiosk.show.textbox import TextBox
from kiosk.show.theme import Palette, type_size

log = logging.getLogger(__name__)


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

    def __post_init__(self) -> None:
        self.palette = Palette.from_theme(self.theme)
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
        top = safe.top() + self.height * 0.06
        bottom = safe.top() + self.height * 0.11  # room for the source line and controls
        return QRectF(side, top, self.width - 2 * side, self.height - top - bottom)

    def text(self, value: Text | None) -> str:
        """A text in the current language (the deck's default where it lacks one)."""
        if value is None:
            return ""
        return value.get_text(self.language, self.deck.default_language)

    def size(self, role: str) -> float:
        return type_size(role, self.theme, min(self.height, self.width * 9 / 16)
                         if not self.portrait else self.width * 1.0)

    def box(
        self,
        parent: QGraphicsItem,
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
    ) -> TextBox:
        """A text box of a named type role, placed at ``rect`` inside ``parent``."""
        item = TextBox(text, rect.width(), rect.height(), size=self.size(role),
                       color=color or self.palette.text, bold=bold, align=align,
                       valign=valign, max_lines=max_lines, tabular=tabular,
                       line_height=line_height, parent=parent)
        item.setPos(rect.topLeft())
        return item
