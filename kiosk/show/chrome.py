"""What the show draws over the slides: progress, slide number, buttons, language."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.config import ShowOptions, Theme
from kiosk.show import fonts
from kiosk.show.theme import Palette, type_size

BUTTONS = ("previous", "home", "next")


class Chrome(QGraphicsItem):
    """The overlay. ``hit`` tells which control a point in the scene is on."""

    def __init__(self, width: float, height: float, theme: Theme, options: ShowOptions,
                 safe_area: float, languages: list[str]) -> None:
        super().__init__()
        self._w, self._h = width, height
        self._palette = Palette.from_theme(theme)
        self._options = options
        self._languages = languages
        self._margin = height * safe_area
        self._chrome_size = type_size("chrome", theme, min(width, height))
        self.button_side = max(64.0, min(width, height) * 0.065)
        self.index, self.count, self.language = 0, 1, languages[0]
        self.setZValue(50)

    def set_button_side(self, side: float) -> None:
        """Make the touch targets at least ``side`` design pixels (12 mm on the screen)."""
        self.prepareGeometryChange()
        self.button_side = max(self.button_side, side)
        self.update()

    def set_state(self, index: int, count: int, language: str) -> None:
        self.index, self.count, self.language = index, count, language
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._w, self._h)

    def button_rects(self) -> dict[str, QRectF]:
        """Where the on-screen controls are, in scene coordinates."""
        side = self.button_side
        gap = side * 0.25
        right = self._w - max(self._margin, self._w * 0.02)
        bottom = self._h - self._margin
        rects = {}
        for n, name in enumerate(reversed(BUTTONS)):
            rects[name] = QRectF(right - (n + 1) * side - n * gap, bottom - side, side, side)
        if len(self._languages) > 1:
            rects["language"] = QRectF(right - side * 1.6, self._margin, side * 1.6, side)
        return rects

    def hit(self, point: QPointF) -> str | None:
        """The control under ``point``, if any."""
        for name, rect in self.button_rects().items():
            if rect.adjusted(-8, -8, 8, 8).contains(point):
                return name
        return None

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        p = self._palette
        faint = QColor(p.text)
        faint.setAlphaF(0.14)
        line = QColor(p.text)
        line.setAlphaF(0.55)
        for name, rect in self.button_rects().items():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(faint)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setPen(QPen(line, max(2.0, rect.height() * 0.05)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if name == "language":
                self._language_label(painter, rect)
            else:
                painter.drawPath(_glyph(name, rect))
        self._progress(painter)

    def _language_label(self, painter: QPainter, rect: QRectF) -> None:
        others = {"zh": "中", "en": "EN"}
        labels = [others.get(lang, lang.upper()) for lang in self._languages[:2]]
        current = self._languages.index(self.language) if self.language in self._languages else 0
        font = fonts.font(rect.height() * 0.34, bold=True)
        painter.setFont(font)
        half = rect.width() / 2
        for n, text in enumerate(labels):
            color = QColor(self._palette.accent if n == current else self._palette.muted)
            painter.setPen(color)
            painter.drawText(QRectF(rect.left() + n * half, rect.top(), half, rect.height()),
                             Qt.AlignmentFlag.AlignCenter, text)

    def _progress(self, painter: QPainter) -> None:
        p, o = self._palette, self._options
        if self.count < 2:
            return
        bottom = self._h - self._margin - self.button_side / 2
        if o.progress == "dots":
            step = min(28.0, self._w * 0.5 / self.count)
            radius = min(6.0, step * 0.25)
            left = self._w / 2 - step * (self.count - 1) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            for n in range(self.count):
                color = QColor(p.accent if n == self.index else p.muted)
                if n != self.index:
                    color.setAlphaF(0.5)
                painter.setBrush(color)
                r = radius * (1.5 if n == self.index else 1.0)
                painter.drawEllipse(QPointF(left + n * step, bottom), r, r)
        elif o.progress == "bar":
            track = QRectF(0, self._h - 6, self._w, 6)
            painter.fillRect(track, QColor(p.surface))
            done = QRectF(0, self._h - 6, self._w * (self.index + 1) / self.count, 6)
            painter.fillRect(done, p.accent)
        if o.slide_number:
            painter.setFont(fonts.font(self._chrome_size, tabular=True))
            painter.setPen(p.muted)
            rects = self.button_rects()
            left = rects["previous"].left() - self._chrome_size * 5.5
            painter.drawText(QRectF(left, bottom - self._chrome_size, self._chrome_size * 5,
                                    self._chrome_size * 2),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{self.index + 1} / {self.count}")


def _glyph(name: str, rect: QRectF) -> QPainterPath:
    """A chevron or a house, drawn inside a button."""
    c = rect.center()
    s = rect.height() * 0.16
    path = QPainterPath()
    if name == "next":
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
