"""Big changing text drawn from pictures looks like text drawn directly."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.show import fonts
from kiosk.show.textcache import draw_text


def render(scale: float, size: float, direct: bool, text: str = "1.74万亿") -> QImage:
    image = QImage(int(700 * scale), int(200 * scale), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.black)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    font = fonts.font(size, bold=True, tabular=True)
    if direct:
        painter.setFont(font)
        painter.setPen(QColor("#e8b04b"))
        painter.drawText(QPointF(10, 150), text)
    else:
        draw_text(painter, QPointF(10, 150), text, font, QColor("#e8b04b"), per_char=True)
    painter.end()
    return image


def lit(image: QImage) -> set[tuple[int, int]]:
    return {(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
            if QColor(image.pixel(x, y)).red() > 128}


def test_pictures_match_direct_text_at_4k_scale(qapp):
    direct, cached = lit(render(2.0, 112, True)), lit(render(2.0, 112, False))
    assert direct and cached
    overlap = len(direct & cached) / len(direct | cached)
    assert overlap > 0.85  # the same glyphs in the same places, give or take a pixel


def test_small_text_is_drawn_directly(qapp):
    small, direct = render(1.0, 30, False), render(1.0, 30, True)
    assert bytes(small.constBits()) == bytes(direct.constBits())
