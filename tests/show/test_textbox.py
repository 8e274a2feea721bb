"""How text is set in its box."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontMetricsF

from kiosk.show import fonts
from kiosk.show.textbox import TextBox


@pytest.mark.parametrize(("text", "full"), [
    ("基本公共服务水平连续居全省第一", "基本公共服务水平连续居全省"),
    ("The strongest economy of the whole province", "The strongest economy of the whole"),
])
def test_no_last_line_is_left_with_a_word_or_two(qapp, text, full):
    # The box is as wide as the first line the text would naturally fill; the rest
    # ("第一", "province") would sit alone on a last line.
    width = QFontMetricsF(fonts.font(26)).horizontalAdvance(full) + 2
    box = TextBox(text, width, 400, size=26, color=QColor("white"))
    assert len(box.lines) == 2 and "".join(box.lines).replace(" ", "") == text.replace(
        " ", "")
    first, last = (len(line) for line in box.lines)
    assert last * 3 > first  # evened out, not 13 and 2


def test_a_short_quoted_term_is_not_split_across_lines(qapp):
    text = "国家级专精特新“小巨人”企业"
    width = QFontMetricsF(fonts.font(26)).horizontalAdvance("国家级专精特新“小巨") + 2
    box = TextBox(text, width, 400, size=26, color=QColor("white"))
    assert "".join(box.lines) == text
    assert any("“小巨人”" in line for line in box.lines)  # not "“小巨" / "人”企业"
