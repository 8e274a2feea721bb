"""The stage's background: one gradient for every slide, drawn once per screen size."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QLinearGradient, QPainter, QPixmap

from kiosk.show.theme import Palette


def gradient_brush(palette: Palette, width: float, height: float) -> QBrush:
    """The theme's diagonal gradient over a stage of ``width`` x ``height``."""
    gradient = QLinearGradient(0, 0, width * 0.3, height)
    gradient.setColorAt(0, palette.surface)
    gradient.setColorAt(0.7, palette.background)
    gradient.setColorAt(1, palette.background)
    return QBrush(gradient)


def background_pixmap(palette: Palette, design: tuple[float, float], scale: float) -> QPixmap:
    """The background at device resolution: blitted each frame, never recomputed."""
    width, height = max(1, round(design[0] * scale)), max(1, round(design[1] * scale))
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.black)
    painter = QPainter(pixmap)
    painter.scale(width / design[0], height / design[1])
    painter.fillRect(QRectF(0, 0, *design), gradient_brush(palette, *design))
    painter.end()
    return pixmap
