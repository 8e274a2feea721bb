"""What the show draws over the slides: progress, slide number, buttons, language.

Each control is its own small item with a cached picture, redrawn only when the
position in the deck or the language changes, so a frame of an animation pays
nothing for them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.config.sections import ShowOptions, Theme
from kiosk.show import fonts
from kiosk.show.context import SMALLEST_TEXT, button_side
from kiosk.show.guard import guarded
from kiosk.show.theme import Palette, type_size

BUTTONS = ("overview", "previous", "home", "next")


SOURCE_LINE = 0.42
"""Share of a landscape stage's width, from the left, that the source line may take in
the row of the controls (``SlideView._source_line``): the dots stay right of it."""

BACKING = 0.85
"""How opaque the show's dark is under a control: on white, the muted number and dots
read on it at 3:1 or better (at 0.6 a grey, 2:1)."""

NUMBER_PAD = 0.45
"""The slide number's backing reaches this many of its sizes past its text each side."""

CHANGING = ("progress", "number", "language")
"""Controls whose picture follows the slide or the language."""


class _Control(QGraphicsItem):
    """A cached picture inside ``rect``, drawn by ``draw`` (2,000 progress dots are a
    blit, not 2,000 ellipses a frame)."""

    def __init__(self, chrome: Chrome, name: str) -> None:
        super().__init__(chrome)
        self.chrome, self.name = chrome, name
        self.rect = QRectF()
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def redraw(self) -> None:
        """Draw it afresh in every view: ``update`` alone left a second view of the
        scene (the presenter's) with its own stale picture ("1 / 12" on slide 4)."""
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)  # drops every view's cache
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.update()

    def place(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.rect = rect
        self.update()

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, -2, 2, 2)

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chrome.draw(self.name, painter, self.rect)


class Chrome(QGraphicsItem):
    """The overlay. ``hit`` tells which control a point in the scene is on."""

    def __init__(self, width: float, height: float, theme: Theme, options: ShowOptions,
                 safe_area: float, languages: list[str]) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self._w, self._h = width, height
        self.palette = Palette.from_theme(theme)
        self._options = options
        self._languages = languages
        self._margin = height * safe_area  # top and bottom
        self._side = width * safe_area  # left and right
        self._chrome_size = max(type_size("chrome", theme, min(width, height)),
                                SMALLEST_TEXT * min(width, height, 1920) / 1080)
        self.button_side = button_side(width, height)
        self.index, self.count, self.language = 0, 1, languages[0]
        self.setZValue(50)
        self._buttons = BUTTONS if options.controls else ()
        names = [*self._buttons,
                 *(["language"] if len(languages) > 1 and options.controls else [])]
        self._controls = {name: _Control(self, name) for name in names}
        if options.progress != "none":
            self._controls["progress"] = _Control(self, "progress")
        if options.slide_number:
            self._controls["number"] = _Control(self, "number")
        self._layout()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        pass

    def set_button_side(self, side: float) -> None:
        """Make the touch targets at least ``side`` design pixels (12 mm on the screen)."""
        self.button_side = max(self.button_side, side)
        self._layout()

    def set_state(self, index: int, count: int, language: str) -> None:
        changed = (index, count, language) != (self.index, self.count, self.language)
        self.index, self.count, self.language = index, count, language
        if changed:
            for name in CHANGING:
                if name in self._controls:
                    self._controls[name].redraw()

    def button_rects(self) -> dict[str, QRectF]:
        """Where the on-screen controls are, in scene coordinates."""
        side = self.button_side
        gap = side * 0.25
        right = self._w - max(self._side, self._w * 0.02)
        bottom = self._h - self._margin
        rects = {}
        for n, name in enumerate(reversed(self._buttons)):
            rects[name] = QRectF(right - (n + 1) * side - n * gap, bottom - side, side, side)
        if "language" in self._controls:
            rects["language"] = QRectF(right - side * 1.6, self._margin, side * 1.6, side)
        return rects

    def _layout(self) -> None:
        """Buttons at the lower right, the slide number left of them, the progress dots
        in what is left of that row: centred on the stage where they fit, clear of the
        source line at the lower left in landscape (in portrait it stands above). On a
        stage too narrow for that (a totem), number and dots take a row of their own
        above the buttons."""
        rects = self.button_rects()
        for name, rect in rects.items():
            self._controls[name].place(rect)
        side, size = self.button_side, self._chrome_size
        middle = self._h - self._margin - side / 2
        edge = max(self._side, self._w * 0.02)
        right = self._w - edge
        free = min((rects[name].left() for name in self._buttons), default=right) - side * 0.4
        low = edge if self._h > self._w else self._w * SOURCE_LINE
        if free - low < size * 5 + side * 0.4 + 14 * 4:  # not even four dots beside them
            middle -= side / 2 + side * 0.3 + size
            free, low = right, edge
        if "number" in self._controls:
            number = QRectF(free - size * 5, middle - size, size * 5, size * 2)
            self._controls["number"].place(number)
            free = number.left() - side * 0.4
        if "progress" in self._controls:
            if self._options.progress == "dots":
                rect = QRectF(low, middle - 12, max(0.0, free - low), 24)
            else:
                rect = QRectF(0, self._h - 6, self._w, 6)
            self._controls["progress"].place(rect)

    def drawn(self) -> dict[str, QRectF]:
        """Where each control draws, in scene coordinates: the buttons, the number's text
        and the dots as they stand (for the layout audit)."""
        found = {name: QRectF(rect) for name, rect in self.button_rects().items()}
        if "number" in self._controls:
            found["number"] = self._number_backing(self._controls["number"].rect)
        if "progress" in self._controls and self.count > 1:
            rect = self._controls["progress"].rect
            if self._options.progress == "dots":
                found["progress"] = self._dots_backing(rect)
            else:
                found["progress"] = QRectF(rect)
        return found

    def _number_backing(self, rect: QRectF) -> QRectF:
        """Where the slide number's backing is, in ``rect`` (its place): around its text,
        at the right."""
        width = QFontMetricsF(fonts.font(self._chrome_size, tabular=True)
                              ).horizontalAdvance(f"{self.index + 1} / {self.count}")
        pad = self._chrome_size * NUMBER_PAD
        high = min(rect.height(), self._chrome_size * 1.6)
        return QRectF(rect.right() - width - pad * 2, rect.center().y() - high / 2,
                      width + pad * 2, high)

    def _dots_backing(self, rect: QRectF) -> QRectF:
        """Where the progress dots' backing is, in ``rect`` (their place): around the
        dots, inside the place."""
        step, radius = self._dot_step(rect)
        left = self._dots_centre(rect) - step * (self.count - 1) / 2
        pad = min(radius * 2.5, left - rect.left())
        return QRectF(left - pad, rect.top(), step * (self.count - 1) + pad * 2,
                      rect.height())

    def _dot_step(self, rect: QRectF) -> tuple[float, float]:
        step = min(28.0, rect.width() / max(1, self.count))
        return step, min(6.0, step * 0.25)

    def _dots_centre(self, rect: QRectF) -> float:
        """The middle of the dots: the stage's, unless they would leave ``rect``."""
        step, radius = self._dot_step(rect)
        half = step * (self.count - 1) / 2 + radius * 1.5
        return min(max(self._w / 2, rect.left() + half), rect.right() - half)

    def hit(self, point: QPointF) -> str | None:
        """The control under ``point``, if any."""
        for name, rect in self.button_rects().items():
            if rect.adjusted(-8, -8, 8, 8).contains(point):
                return name
        return None

    # --- drawing the controls ---------------------------------------------------------

    def draw(self, name: str, painter: QPainter, rect: QRectF) -> None:
        if name == "progress":
            self._progress(painter, rect)
        elif name == "number":
            self._backing(painter, self._number_backing(rect))
            painter.setFont(fonts.font(self._chrome_size, tabular=True))
            painter.setPen(self.palette.muted)
            painter.drawText(rect.adjusted(0, 0, -self._chrome_size * NUMBER_PAD, 0),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{self.index + 1} / {self.count}")
        else:
            self._button(name, painter, rect)

    def _backing(self, painter: QPainter, rect: QRectF) -> None:
        """The show's dark, see-through, under a control: over a light photo or PDF
        page it is read as on the stage (the number and the dots were 1.9:1 and 1.4:1
        over a photograph of fog); over the dark stage it is not seen."""
        under = QColor(self.palette.background)
        under.setAlphaF(BACKING)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(under)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)

    def _button(self, name: str, painter: QPainter, rect: QRectF) -> None:
        p = self.palette
        faint = QColor(p.text)
        faint.setAlphaF(0.14)
        line = QColor(p.text)
        line.setAlphaF(0.55)
        self._backing(painter, rect)
        painter.setBrush(faint)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QPen(line, max(2.0, rect.height() * 0.05)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if name == "language":
            self._language_label(painter, rect)
        else:
            painter.drawPath(_glyph(name, rect))

    def _language_label(self, painter: QPainter, rect: QRectF) -> None:
        names = {"zh": "中", "en": "EN"}
        labels = [names.get(lang, lang.upper()) for lang in self._languages[:2]]
        current = self._languages.index(self.language) if self.language in self._languages else 0
        painter.setFont(fonts.font(rect.height() * 0.34, bold=True))
        half = rect.width() / 2
        for n, text in enumerate(labels):
            painter.setPen(QColor(self.palette.accent if n == current else self.palette.muted))
            painter.drawText(QRectF(rect.left() + n * half, rect.top(), half, rect.height()),
                             Qt.AlignmentFlag.AlignCenter, text)

    def _progress(self, painter: QPainter, rect: QRectF) -> None:
        p = self.palette
        if self.count < 2:
            return
        if self._options.progress == "dots":
            self._backing(painter, self._dots_backing(rect))
            step, radius = self._dot_step(rect)
            left = self._dots_centre(rect) - step * (self.count - 1) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            for n in range(self.count):
                color = QColor(p.accent if n == self.index else p.muted)
                if n != self.index:
                    color.setAlphaF(0.5)
                painter.setBrush(color)
                r = radius * (1.5 if n == self.index else 1.0)
                painter.drawEllipse(QPointF(left + n * step, rect.center().y()), r, r)
        else:
            painter.fillRect(rect, QColor(p.surface))
            done = QRectF(rect.left(), rect.top(), rect.width() * (self.index + 1) / self.count,
                          rect.height())
            painter.fillRect(done, p.accent)


def _glyph(name: str, rect: QRectF) -> QPainterPath:
    """A chevron or a house, drawn inside a button."""
    c = rect.center()
    s = rect.height() * 0.16
    path = QPainterPath()
    if name == "overview":
        for row in (-1, 1):
            for col in (-1, 1):
                path.addRect(QRectF(c.x() + col * s * 0.6 - s * 0.45,
                                    c.y() + row * s * 0.6 - s * 0.45, s * 0.9, s * 0.9))
    elif name == "next":
        path.moveTo(c.x() - s * 0.6, c.y() - s * 1.2)
        path.lineTo(c.x() + s * 0.6, c.y())
        path.lineTo(c.x() - s * 0.6, c.y() + s * 1.2)
    elif name == "previous":
        path.moveTo(c.x() + s * 0.6, c.y() - s * 1.2)
        path.lineTo(c.x() - s * 0.6, c.y())
        path.lineTo(c.x() + s * 0.6, c.y() + s * 1.2)
    else:
        path.moveTo(c.x() - s * 1.2, c.y() - s * 0.1)
        path.lineTo(c.x(), c.y() - s * 1.2)
        path.lineTo(c.x() + s * 1.2, c.y() - s * 0.1)
        path.moveTo(c.x() - s * 0.85, c.y() - s * 0.35)
        path.lineTo(c.x() - s * 0.85, c.y() + s * 1.1)
        path.lineTo(c.x() + s * 0.85, c.y() + s * 1.1)
        path.lineTo(c.x() + s * 0.85, c.y() - s * 0.35)
    return path
