"""Every slide of the default deck draws inside the stage, legibly, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QRawFont

from kiosk.config import Config, Display
from kiosk.deck.load import walk
from kiosk.deck.text import Text
from kiosk.show import fonts
from kiosk.show.render import render_slide
from kiosk.show.textbox import TextBox


def all_items(view):
    stack = list(view.childItems())
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.childItems())


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


SIZES = [(1920, 1080), (3840, 2160)]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_draws_inside_the_stage_without_overflow(qapp, default_deck,
                                                               installation, size, language):
    config = installation.config
    stage = QRectF(0, 0, *config.display.design_size).adjusted(-0.5, -0.5, 0.5, 0.5)
    for index in range(len(default_deck.deck.slides)):
        image, view = render_slide(default_deck, config, index, size, language)
        assert (image.width(), image.height()) == size
        assert distinct_colours(image) > 20, f"slide {index + 1} looks blank"
        boxes = 0
        for item in all_items(view):
            rect = item.sceneBoundingRect()
            assert stage.contains(rect), f"slide {index + 1}: {type(item).__name__} {rect}"
            if isinstance(item, TextBox):
                boxes += 1
                assert not item.elided, f"slide {index + 1}: text cut off: {item.text!r}"
                assert item.text_height <= item.box.height() + 0.5
                assert item.text_width <= item.box.width() + 0.5
                shrink = item.font_size / item.requested_size
                assert shrink > 0.6, f"slide {index + 1}: {item.text!r} shrunk to {shrink:.0%}"
        assert boxes >= 1
        assert_no_text_overlaps(view, index)


def assert_no_text_overlaps(view, index):
    inks = [(item.text, item.ink_rect()) for item in all_items(view)
            if isinstance(item, TextBox) and item.text]
    for n, (text, rect) in enumerate(inks):
        for other, other_rect in inks[n + 1:]:
            overlap = rect.intersected(other_rect)
            assert overlap.width() * overlap.height() < 4, (
                f"slide {index + 1}: {text!r} overlaps {other!r}")


def test_portrait_totem_layout_stays_inside(qapp, default_deck, installation):
    config = installation.config.model_copy(update={
        "display": Display(design_size=(1080, 1920))})
    stage = QRectF(0, 0, 1080, 1920).adjusted(-0.5, -0.5, 0.5, 0.5)
    for index in range(len(default_deck.deck.slides)):
        _, view = render_slide(default_deck, config, index, (1080, 1920), "zh")
        for item in all_items(view):
            assert stage.contains(item.sceneBoundingRect()), f"slide {index + 1}"
            if isinstance(item, TextBox):
                assert not item.elided, f"slide {index + 1}: {item.text!r}"
        assert_no_text_overlaps(view, index)


def test_every_character_of_the_deck_is_in_the_shipped_font(qapp, default_deck):
    """Checked against the font file alone: system fonts must not fill the gaps."""
    texts = [s for _, text in walk(default_deck.deck, Text) for s in text.all_strings()]
    for path in (fonts.font_dir() / name for name in fonts.FILES):
        raw = QRawFont(str(path), 40)
        missing = {c for s in texts for c in s if c.isprintable() and c != " "
                   and not raw.supportsCharacter(ord(c))}
        assert not missing, path.name


def test_chinese_is_drawn_with_glyphs_not_boxes(qapp):
    """Different characters give different pixels; missing glyphs all look alike."""
    raw = QRawFont.fromFont(fonts.font(64))
    assert raw.familyName() == fonts.FAMILY

    def draw(text: str) -> QImage:
        box = TextBox(text, 200, 100, size=64, color=QColor("white"))
        image = QImage(200, 100, QImage.Format.Format_RGB32)
        image.fill(QColor("black"))
        from PySide6.QtGui import QPainter

        painter = QPainter(image)
        box.paint(painter, None)
        painter.end()
        return image

    pictures = [draw(c) for c in "南京缩影"]
    assert all(distinct_colours(p, 2) > 3 for p in pictures)
    assert len({bytes(p.constBits()) for p in pictures}) == 4


def test_text_shrinks_then_wraps_to_fit(qapp):
    long = "南京努力成为发展新质生产力的重要阵地，" * 8
    box = TextBox(long, 600, 120, size=48, color=QColor("white"))
    assert box.font_size < 48
    assert box.text_height <= 120.5 and box.text_width <= 600.5
    short = TextBox("南京", 600, 120, size=48, color=QColor("white"))
    assert short.font_size == 48 and short.lines == ["南京"]


def test_closing_punctuation_never_starts_a_line(qapp):
    text = "一是打造科技创新“策源地”。二是厚植产业强市“新动能”，三是争当绿色转型“引领者”。"
    for width in range(180, 700, 37):
        box = TextBox(text, width, 2000, size=32, color=QColor("white"))
        for line in box.lines[1:]:
            assert line[0] not in "，。、；：？！”）》」』", (width, box.lines)


def test_missing_image_becomes_a_placeholder(qapp, write_deck, caplog):
    from kiosk.deck.load import load_deck

    path = write_deck("title: T\nslides:\n  - type: story\n    headline: 南京\n"
                      "    visual: {kind: image, src: gone.png}\n")
    (path.parent / "broken.png").write_bytes(b"not a png")
    loaded = load_deck(path, strict_assets=False)
    _, view = render_slide(loaded, Config(), 0, (960, 540))
    placeholders = [i for i in all_items(view) if i.data(0) == "placeholder"]
    assert len(placeholders) == 1
    assert "gone.png" in caplog.text and "placeholder" in caplog.text
    corrupt = write_deck("title: T\nslides:\n  - type: story\n    headline: 南京\n"
                         "    visual: {kind: image, src: broken.png}\n", name="deck2.yaml")
    loaded = load_deck(corrupt, strict_assets=False)  # as the show loads: a warning
    _, view = render_slide(loaded, Config(), 0, (960, 540))
    assert [i for i in all_items(view) if i.data(0) == "placeholder"]
    assert "image 'broken.png' is text, not a picture" in caplog.text
