"""Pictures as the show decodes them: at the size drawn, never from outside the deck."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QImageReader

from kiosk.config import Config
from kiosk.deck.load import load_deck
from kiosk.show import pictures
from kiosk.show.render import render_slide
from tests import picturefiles as make

TEAL = QColor("teal").rgb()
STORY = ("title: T\nslides:\n  - type: story\n    headline: 南京\n"
         "    visual: {{kind: image, src: {src}}}\n")


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 5)
            for y in range(0, image.height(), 5)}


def test_an_svg_naming_a_file_outside_the_deck_is_never_drawn(qapp, tmp_path, write_deck,
                                                               caplog):
    secret = tmp_path / "elsewhere" / "secret.png"
    secret.parent.mkdir()
    secret.write_bytes(make.saved("PNG", 80, 60))
    path = write_deck(STORY.format(src="peek.svg"), name="show/deck.yaml")
    svg = make.svg(f'<image width="8" height="6" xlink:href="{secret}"/>')
    (path.parent / "peek.svg").write_text(svg, encoding="utf-8")
    # Qt alone would draw the file from elsewhere:
    assert TEAL in colours(QImageReader(str(path.parent / "peek.svg")).read())
    loaded = load_deck(path, strict_assets=False)
    (warning,) = loaded.warnings
    assert f"picture 'peek.svg' refers to '{secret}'" in warning.message
    image, _ = render_slide(loaded, Config(), 0, (960, 540))
    assert TEAL not in colours(image)
    assert "image 'peek.svg' refers to" in caplog.text and "placeholder" in caplog.text


def test_an_svg_with_its_picture_embedded_is_drawn(qapp, write_deck):
    path = write_deck(STORY.format(src="map.svg"))
    embedded = make.data_uri(make.saved("PNG", 80, 60))
    (path.parent / "map.svg").write_text(
        make.svg(f'<image width="8" height="6" href="{embedded}"/>'), encoding="utf-8")
    image, _ = render_slide(load_deck(path), Config(), 0, (960, 540))
    assert TEAL in colours(image)


def test_pictures_are_decoded_at_the_size_they_are_drawn(qapp, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(make.saved("JPG", 1600, 1200, noise=True))
    image = pictures.decode(photo, QSize(400, 400))
    assert isinstance(image, QImage) and image.size() == QSize(400, 300)
    drawing = tmp_path / "drawing.svg"
    drawing.write_text(make.svg(), encoding="utf-8")  # 80x60, drawn sharp at any size
    image = pictures.decode(drawing, QSize(800, 800))
    assert isinstance(image, QImage) and image.size() == QSize(800, 600)


def test_a_photo_taken_upright_is_shown_upright(qapp, tmp_path):
    photo = tmp_path / "turned.jpg"  # stored 400x200, with "turn a quarter" in its EXIF
    photo.write_bytes(make.with_orientation(make.saved("JPG", 400, 200), 6))
    image = pictures.decode(photo, QSize(100, 100))
    assert isinstance(image, QImage) and image.size() == QSize(50, 100)


def test_a_picture_whole_but_damaged_inside_is_refused_by_the_decoder(qapp, tmp_path):
    broken = bytearray(make.saved("PNG", 64, 48, noise=True))
    start = broken.index(b"IDAT") + 8
    broken[start:start + 64] = bytes(64)  # the chunks are all there, the data is not
    path = tmp_path / "broken.png"
    path.write_bytes(bytes(broken))
    assert pictures.problem(path, None) == (
        "cannot be decoded (Unable to read image data): it is damaged")


def test_a_jpeg_whose_data_ends_early_is_refused(qapp, tmp_path):
    """An end marker glued to half a scan: libjpeg would draw the rest grey."""
    data = make.saved("JPG", 320, 240, noise=True)
    path = tmp_path / "short.jpg"
    path.write_bytes(data[:len(data) // 2] + b"\xff\xd9")
    found = pictures.problem(path, None)
    assert found is not None and "premature end of data segment" in found


def test_a_jpeg_with_a_run_of_its_data_lost_is_refused(qapp, tmp_path):
    data = make.saved("JPG", 320, 240, noise=True)
    third = len(data) // 3
    path = tmp_path / "hole.jpg"
    path.write_bytes(data[:third] + bytes(64) + data[third + 64:])
    found = pictures.problem(path, None)
    assert found is not None and "it is damaged" in found


def test_a_jpeg_with_padding_before_its_end_marker_is_shown(qapp, tmp_path):
    """The byte or two of padding many cameras leave: libjpeg complains, nothing is
    lost."""
    data = make.saved("JPG", 320, 240, noise=True)
    path = tmp_path / "camera.jpg"
    path.write_bytes(data[:-2] + b"\0\0" + data[-2:])
    assert pictures.problem(path, None) is None
    assert isinstance(pictures.decode(path, QSize(320, 240)), QImage)


def test_a_verdict_holds_until_the_file_changes(qapp, tmp_path):
    path = tmp_path / "map.png"
    data = make.saved("PNG", 64, 48, noise=True)
    path.write_bytes(data[:100])
    assert "still being copied" in pictures.problem(path)
    assert "still being copied" in pictures.problem(path)
    path.write_bytes(data)
    assert pictures.problem(path) is None
