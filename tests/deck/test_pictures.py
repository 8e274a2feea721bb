"""Pictures checked from their bytes: what draws passes, what cannot draw is named."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from kiosk.deck import pictures
from kiosk.deck.assets import IMAGE_SUFFIXES
from kiosk.deck.errors import DeckError, Severity
from kiosk.deck.load import load_deck
from tests import picturefiles as make

GOOD = {
    "a.png": lambda: make.png(),
    "a.jpg": lambda: make.saved("JPG"),
    "a.jpeg": lambda: make.saved("JPG"),
    "a.gif": lambda: make.gif(),
    "a.webp": lambda: make.saved("WEBP"),
    "a.bmp": lambda: make.saved("BMP"),
    "a.svg": lambda: make.svg().encode(),
    "embedded.svg": lambda: make.svg(
        f'<image width="8" height="6" href="{make.data_uri(make.png())}"/>').encode(),
    "gradient.svg": lambda: make.svg(
        '<linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>'
        '<rect width="8" height="6" fill="url(#g)" style="stroke: url(\'#g\')"/>'
        '<use xlink:href="#g"/>').encode(),
    "illustrator.svg": lambda: make.svg(head=(
        '<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator -->\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n')).encode(),
}


def problem(tmp_path: Path, name: str, data: bytes | str) -> str | None:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return pictures.problem(path)


def test_the_formats_checked_are_the_suffixes_a_deck_may_name():
    assert {s for suffixes in pictures.SUFFIXES.values() for s in suffixes} == set(
        IMAGE_SUFFIXES)


@pytest.mark.parametrize("name", GOOD)
def test_a_good_picture_of_each_format_passes(tmp_path, name):
    assert problem(tmp_path, name, GOOD[name]()) is None


@pytest.mark.parametrize(("name", "data", "message"), [
    ("a.png", b"", "is empty (0 bytes)"),
    ("a.png", "hello, world\nthis is no picture", "is text, not a picture (it starts with "
                                                   "'hello, world')"),
    ("a.png", "<!DOCTYPE html><html><body>a map</body></html>", "is a web page (HTML)"),
    ("a.png", b"%PDF-1.7\n%\xe2\xe3", "is a PDF document, not a picture the show draws "
                                      "(PNG, JPEG, GIF, WebP, BMP or SVG)"),
    ("a.jpg", b"\x00\x00\x00\x18ftypheic" + bytes(64), "is a HEIC picture"),
    ("a.png", b"\x01\x02\x03\xfe" * 40, "is not a picture the show draws"),
    ("a.jpg", make.svg().encode(), "is an SVG picture named '.jpg'"),
])
def test_what_is_no_picture_says_what_it_is(tmp_path, name, data, message):
    found = problem(tmp_path, name, data)
    assert found is not None and found.startswith(message)


@pytest.mark.parametrize("name", ["a.png", "a.jpg", "a.gif", "a.webp", "a.bmp", "a.svg"])
def test_no_part_of_a_picture_passes_for_the_whole(tmp_path, name):
    """A copy in progress is a prefix of the file: every prefix is refused, and once the
    header is there, as cut off (still being copied)."""
    data = GOOD[name]()
    step = max(1, len(data) // 200)
    for length in range(1, len(data), step):
        found = problem(tmp_path, name, data[:length])
        assert found is not None, length
        if length >= 32:
            assert "cut off" in found and "(still being copied?)" in found, (length, found)


def test_a_half_copied_jpeg_says_how_far_it_got(tmp_path):
    data = make.saved("JPG", 320, 240, noise=True)
    half = len(data) // 2
    assert problem(tmp_path, "a.jpg", data[:half]) == (
        f"is cut off after {half:,} bytes: the JPEG has no end marker (still being copied?)")


def test_a_file_preallocated_and_half_filled_is_refused(tmp_path):
    data = make.png(16, 16)
    assert "damaged" in problem(tmp_path, "a.png", data[:40] + bytes(len(data) - 40))


def _png_sized(width: int, height: int) -> bytes:
    return make.png(width, height)


def _patch(data: bytes, at: int, value: bytes) -> bytes:
    return data[:at] + value + data[at + len(value):]


def _jpeg_sized(width: int, height: int) -> bytes:
    data = make.saved("JPG")
    frame = data.index(b"\xff\xc0")
    return _patch(data, frame + 5, struct.pack(">HH", height, width))


@pytest.mark.parametrize(("name", "data", "message"), [
    ("huge.png", _png_sized(100000, 100000), "is 100000x100000 pixels, over the limit of "
                                              "16384 pixels a side: scale it down"),
    ("wide.png", _png_sized(16385, 2), "over the limit of 16384 pixels a side"),
    ("big.png", _png_sized(10000, 10000), "is 10000x10000 pixels: it would take 381 MB "
                                          "decoded, over the limit of 256 MB: scale it down"),
    ("huge.jpg", _jpeg_sized(30000, 20000), "is 30000x20000 pixels, over the limit"),
    ("huge.gif", _patch(make.gif(), 6, struct.pack("<HH", 20000, 20000)), "over the limit"),
    ("huge.bmp", _patch(make.saved("BMP"), 18, struct.pack("<ii", 9000, -9000)),
     "is 9000x9000 pixels: it would take 309 MB decoded"),
])
def test_a_header_claiming_more_than_the_limits_is_refused(tmp_path, name, data, message):
    assert len(data) < 20000  # tiny files: the size is read from the header
    assert message in problem(tmp_path, name, data)


def test_the_largest_allowed_picture_passes(tmp_path):
    assert problem(tmp_path, "a.png", _png_sized(16384, 4096)) is None  # 256 MB exactly


OUTSIDE = [
    ('<image href="/etc/passwd"/>', "'/etc/passwd' (<image href>, line 1)"),
    ('<image href="file:///etc/passwd"/>', "'file:///etc/passwd'"),
    ('<image xlink:href="../secret.png"/>', "'../secret.png' (<image xlink:href>"),
    ('<image foo:href="x.png" xmlns:foo="http://www.w3.org/1999/xlink"/>', "'x.png'"),
    ('<use href="other.svg#a"/>', "'other.svg#a' (<use href>"),
    ('<feImage href="https://example.com/a.png"/>', "'https://example.com/a.png'"),
    ('<rect style="fill: url(/x)"/>', "'/x' (url() in <rect style>"),
    ('<rect fill="url( \'photo.png\' )"/>', "'photo.png' (url() in <rect fill>"),
    ("<style>rect { fill: url(a.png) }</style>", "'a.png' (url() in <style>"),
    ("<style><![CDATA[rect { fill: u\\72 l(a.png) }]]></style>", "'a.png' (url() in <style>"),
    ('<g xml:base="/home/"><rect/></g>', "'/home/' (<g xml:base>"),
    ('<image href="' + make.data_uri(make.svg('<image href="/etc/hosts"/>').encode()) + '"/>',
     "embeds an SVG (<image href>, line 1) that refers to '/etc/hosts'"),
]


@pytest.mark.parametrize(("body", "named"), OUTSIDE, ids=[n for _, n in OUTSIDE])
def test_an_svg_reaching_outside_itself_is_refused(tmp_path, body, named):
    found = problem(tmp_path, "a.svg", make.svg(body))
    assert found is not None and named in found
    if "embeds" not in found:
        assert found.startswith("refers to ") and "embed it as a data: URI" in found


@pytest.mark.parametrize(("svg", "message"), [
    (make.svg(head='<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>',
              body="<text>&b;</text>"), "declares a DTD of its own"),
    (make.svg(head='<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
              body="<text>&x;</text>"), "declares a DTD of its own"),
    (make.svg(head='<!DOCTYPE svg SYSTEM "http://example.com/x.dtd">', body="<text>&x;</text>"),
     "uses the undeclared entity '&x;'"),
    (make.svg(head='<?xml-stylesheet type="text/css" href="style.css"?>'),
     "links a stylesheet"),
    (make.svg("<style>@import 'style.css';</style>"), "imports a stylesheet (<style>"),
    (make.svg()[:-10], "is cut off at line 1 (still being copied?)"),
    ('<html xmlns="http://www.w3.org/1999/xhtml"><svg/></html>',
     "is XML but not an SVG (its root element is <html>)"),
    (make.svg("<rect></g>"), "is not well-formed XML (line 1"),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="0px" height="60"/>',
     "has no size (its width is '0px')"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0,0 8 0"/>',
     "has no size (its viewBox is '0,0 8 0')"),
])
def test_an_svg_with_declarations_or_broken_xml_is_refused(tmp_path, svg, message):
    found = problem(tmp_path, "a.svg", svg)
    assert found is not None and message in found


def test_an_svg_too_big_to_be_a_drawing_is_refused(tmp_path):
    padding = "<!-- " + "x" * (16 * 2**20) + " -->"
    assert problem(tmp_path, "a.svg", make.svg(padding)).startswith(
        "is 16.0 MB: an SVG may be at most 16 MB")


STORY = ("title: T\nslides:\n  - type: story\n    headline: H\n"
         "    visual: {{kind: image, src: {src}}}\n")


def test_a_picture_that_cannot_draw_is_an_error_at_its_src(write_deck):
    path = write_deck(STORY.format(src="images/map.png"))
    (path.parent / "images").mkdir()
    (path.parent / "images" / "map.png").write_text("a map, to be drawn\n")
    with pytest.raises(DeckError) as info:
        load_deck(path)
    assert [str(p) for p in info.value.problems] == [
        f"{path}:5:32: picture 'images/map.png' is text, not a picture "
        "(it starts with 'a map, to be drawn')"]
    loaded = load_deck(path, strict_assets=False)  # the show: a warning, a placeholder
    (warning,) = loaded.warnings
    assert warning.severity is Severity.WARNING and "is text" in warning.message
    assert loaded.assets["images/map.png"] == (path.parent / "images" / "map.png").resolve()


def test_a_name_too_long_for_the_file_system_is_a_problem_not_a_traceback(write_deck):
    ref = "images/" + "a" * 300 + ".png"
    path = write_deck(STORY.format(src=ref))
    (path.parent / "images").mkdir()  # the long name is looked up inside it
    with pytest.raises(DeckError) as info:
        load_deck(path)
    (found,) = info.value.problems
    assert (found.line, found.column) == (5, 32)
    assert found.message == f"asset '{ref}': the name is too long for the file system"
    loaded = load_deck(path, strict_assets=False)  # the show starts, with a placeholder
    assert loaded.assets == {ref: None} and len(loaded.warnings) == 1


def test_a_picture_named_as_another_kind_is_drawn_and_warned_of(qapp, tmp_path):
    """A PNG named .jpg was refused by the check and a blank placeholder in the hall,
    though it decodes: now it is drawn, and the check says to rename it."""
    from kiosk.config import Config
    from kiosk.show.render import render_slide
    from tests import decks

    folder = tmp_path / "site"
    decks.write(folder, decks.deck(decks.title_slide()))
    (folder / "images" / "really_png.jpg").write_bytes(make.saved("PNG", 64, 48, "teal"))
    loaded = decks.built(folder, decks.deck({"type": "image", "src":
                                             "images/really_png.jpg"}))
    (warning,) = [str(w) for w in loaded.warnings if "really_png" in str(w)]
    assert "is a PNG picture named '.jpg': it is drawn, but rename it" in warning
    image, _view = render_slide(loaded, Config(), 0, (320, 180), "zh")
    from PySide6.QtGui import QColor

    assert QColor(image.pixel(160, 90)).name() == QColor("teal").name()
