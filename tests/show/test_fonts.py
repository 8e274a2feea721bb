"""The show draws with its own font only: the same picture on every machine."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.deck import glyphs
from kiosk.show import fonts


def drawn(text: str) -> QImage:
    image = QImage(120, 80, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("black"))
    painter = QPainter(image)
    painter.setFont(fonts.font(48))
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, 120, 80), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def test_a_character_the_shipped_font_lacks_is_a_box_even_where_the_machine_has_it(qapp):
    # ✓ and € are in common system fonts (DejaVu), not in the shipped one: `kiosk check`
    # warns that they show as boxes, and so they do here, whatever fonts are installed.
    assert glyphs.missing("✓€") == ["✓", "€"]
    assert drawn("✓") == drawn("€")  # the same box
    assert drawn("中") != drawn("文") and drawn("A") != drawn("B")  # the font draws its own
