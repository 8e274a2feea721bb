"""Text drawn from pictures made once: for numbers that change every frame.

Qt's raster engine draws glyphs larger than about 64 device pixels as paths, every
time; a count-up's big digits at 4K cost milliseconds a frame that way. Here each
distinct piece of text (a digit, a unit) is rendered once at the device's scale and
then only blitted. Painters that are not the screen's raster (PDF export, rotated)
get ordinary text.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPaintEngine, QPainter

MAX_BYTES = 8 * 1024 * 1024  # the pictures kept, at most (least recently used go first)
QT_CACHED_GLYPH_LIMIT = 64  # device px: below it Qt's own glyph cache is faster
_images: OrderedDict[tuple[str, str, int, float], tuple[QImage, QPointF]] = OrderedDict()
_bytes = 0


def _picture(text: str, font: QFont, color: QColor, scale: float) -> tuple[QImage, QPointF]:
    """The text rendered at ``scale``, and where its baseline origin is in the image."""
    key = (text, font.key(), color.rgba(), round(scale, 4))
    found = _images.get(key)
    if found is not None:
        _images.move_to_end(key)
        return found
    metrics = QFontMetricsF(font)
    pad = 2.0
    width = (metrics.horizontalAdvance(text) + 2 * pad) * scale
    height = (metrics.height() + 2 * pad) * scale
    image = QImage(max(1, int(width) + 2), max(1, int(height) + 2),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    painter.setFont(font)
    painter.setPen(color)
    origin = QPointF(pad, pad + metrics.ascent())
    painter.drawText(origin, text)
    painter.end()
    global _bytes
    _images[key] = (image, origin)
    _bytes += image.sizeInBytes()
    while _bytes > MAX_BYTES and len(_images) > 1:
        _, (old, _) = _images.popitem(last=False)
        _bytes -= old.sizeInBytes()
    return image, origin


def draw_text(painter: QPainter, baseline: QPointF, text: str, font: QFont,
              color: QColor, *, per_char: bool = False) -> None:
    """Draw ``text`` with its baseline starting at ``baseline`` (item coordinates).

    ``per_char`` draws each character from its own picture (digits that change: ten
    pictures serve every number); otherwise the whole text is one picture.
    """
    engine = painter.paintEngine()
    transform = painter.worldTransform()
    if (engine is None or engine.type() != QPaintEngine.Type.Raster or transform.isRotating()
            or abs(transform.m11() - transform.m22()) > 1e-6
            or font.pixelSize() * transform.m11() <= QT_CACHED_GLYPH_LIMIT):
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(baseline, text)
        return
    scale = transform.m11()
    pieces = list(text) if per_char else [text]
    metrics = QFontMetricsF(font)
    x = baseline.x()
    painter.save()
    painter.resetTransform()
    for piece in pieces:
        image, origin = _picture(piece, font, color, scale)
        device = transform.map(QPointF(x, baseline.y())) - origin * scale
        painter.drawImage(QPoint(round(device.x()), round(device.y())), image)
        x += metrics.horizontalAdvance(piece)
    painter.restore()
