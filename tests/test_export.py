"""kiosk export: a file per slide at the right size, none blank, the same bytes twice.

Exported here: a deck of one slide of each type (tests/decks.py), played by a config of
its own, and the same deck in English alone.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtGui import QImage

from tests import decks
from tests.conftest import ROOT


@pytest.fixture
def site(tmp_path):
    """A folder with config.yaml and the deck it plays: title, figures, story (with a
    picture), chart, points, closing, in Chinese and English."""
    folder = tmp_path / "site"
    decks.write(folder, decks.every_type(), name="show.yaml")
    (folder / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    return folder


def kiosk_export(site, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "kiosk", "export", "--config",
                           str(site / "config.yaml"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_png_per_slide_at_the_size_asked_and_the_same_bytes_twice(tmp_path, site):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        result = kiosk_export(site, "--out", str(out), "--size", "960x540", "--lang", "en")
        assert result.returncode == 0, result.stderr
    files = sorted(first.glob("*.png"))
    assert [f.name for f in files] == [f"{n:02d}-en.png" for n in range(1, 7)]  # 6 slides
    for path in files:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (960, 540)
        colours = {image.pixel(x, y) for x in range(0, 960, 24) for y in range(0, 540, 24)}
        assert len(colours) > 20, f"{path.name} looks blank"
        assert path.read_bytes() == (second / path.name).read_bytes()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_pdf_text_is_text_a_reader_can_copy_in_both_faces_and_no_pictures(
        tmp_path, site, language):
    from pypdf import PdfReader

    result = kiosk_export(site, "--out", str(tmp_path), "--format", "pdf", "--lang",
                          language)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(tmp_path / f"show-{language}.pdf")
    assert len(reader.pages) == 6
    words = " ".join(page.extract_text() for page in reader.pages).split()
    said = {"zh": ["向新而行", "经济强", "缩影", "变化", "重点工作", "科技创新", "1.74"],
            "en": ["Heading", "New", "Strong", "Economy", "Snapshot", "Change", "Key",
                   "Tasks", "Innovation", "1.74"]}[language]
    text = " ".join(words)
    assert all(word in text for word in said), [w for w in said if w not in text]
    fonts, pictures = set(), 0
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
        for thing in resources.get("/XObject", {}).values():
            pictures += thing.get_object()["/Subtype"] == "/Image"
    assert {"NotoSansSCKiosk-Regular", "NotoSansSCKiosk-Bold"} <= fonts
    assert pictures == 1  # the story's photo; titles, text and charts are text and lines


def test_a_deck_in_english_alone_exports_in_english(tmp_path):
    folder = tmp_path / "site"
    decks.write(folder, decks.only("en", decks.every_type()), name="show.yaml")
    (folder / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    out = tmp_path / "out"
    result = kiosk_export(folder, "--out", str(out), "--size", "480x270")  # its language
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.png"))
    assert [f.name for f in files] == [f"{n:02d}-en.png" for n in range(1, 7)]  # (named
    english = kiosk_export(folder, "--out", str(tmp_path / "en"), "--size", "480x270",  # with
                           "--lang", "en")  # their language, as the README says: trial 14)
    assert english.returncode == 0, english.stderr
    for path in files:  # the deck's only language is the one drawn without --lang
        assert path.read_bytes() == (tmp_path / "en" / path.name).read_bytes()
    result = kiosk_export(folder, "--out", str(out), "--lang", "zh")
    assert result.returncode == 2 and "no language 'zh'" in result.stderr


def test_bad_export_arguments_exit_2(tmp_path, site):
    assert kiosk_export(site, "--out", str(tmp_path), "--size", "big").returncode == 2
    result = kiosk_export(site, "--out", str(tmp_path), "--lang", "fr")
    assert result.returncode == 2 and "no language 'fr'" in result.stderr


def test_a_deck_named_on_the_command_line_is_the_one_exported(tmp_path, site):
    decks.write(site, decks.titles(2), name="other.yaml")
    result = kiosk_export(site, str(site / "other.yaml"), "--out", str(tmp_path), "--size",
                          "320x180")
    assert result.returncode == 0, result.stderr
    assert sorted(f.name for f in tmp_path.glob("*.png")) == ["01-zh.png", "02-zh.png"]


def test_a_contact_sheet_puts_every_slide_on_one_page_for_review(tmp_path, site):
    result = kiosk_export(site, "--out", str(tmp_path), "--format", "sheet", "--lang", "en")
    assert result.returncode == 0, result.stderr
    sheet = QImage(str(tmp_path / "show-en-sheet.png"))
    assert (sheet.width(), sheet.height()) == (4 * (480 + 24) + 24, 2 * (270 + 40 + 24) + 24)
    for n in range(6):  # six slides, four to a row: each place holds a drawn slide
        row, column = divmod(n, 4)
        x0, y0 = 24 + column * 504, 24 + row * 334
        colours = {sheet.pixel(x, y) for x in range(x0, x0 + 480, 16)
                   for y in range(y0, y0 + 270, 16)}
        assert len(colours) > 20, n
    empty = {sheet.pixel(x, y) for x in range(24 + 2 * 504, 24 + 3 * 504 - 30, 16)
             for y in range(24 + 334, 24 + 334 + 270, 16)}
    assert len(empty) == 1  # the seventh place is empty


def test_dashes_and_tildes_copy_from_the_pdf_as_written(tmp_path):
    """The font draws "——" as one joined glyph and shares the en dash's glyph with the
    figure dash: the PDF's text layer lost the Chinese dash and turned "–" into "‒"."""
    from pypdf import PdfReader

    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "show.yaml").write_text(
        "title: 破折号\nslides:\n  - type: title\n    id: t\n"
        "    title: 顶山——汉河产业集聚区\n    subtitle: 1990–2020 年，5～10 家\n",
        encoding="utf-8")
    (folder / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    result = kiosk_export(folder, "--out", str(tmp_path), "--format", "pdf")
    assert result.returncode == 0, result.stderr
    text = PdfReader(tmp_path / "show-zh.pdf").pages[0].extract_text()  # (its language)
    assert "顶山——汉河" in text and "1990–2020" in text and "5～10" in text, text


def test_a_name_in_italics_leans_in_the_pdf_too(tmp_path):
    """Trial 27: *Camellia sinensis* leaned on the screen and in PNGs, but stood upright
    in the exported PDF (its writer drops a font's synthetic italic). It is slanted by
    the painter: the PDF draws it through a leaning matrix, and reads it as written."""
    from pypdf import PdfReader

    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "show.yaml").write_text(
        "title: 茶\nslides:\n  - type: title\n    id: t\n"
        "    title: 从*Camellia sinensis*到一杯茶\n", encoding="utf-8")
    (folder / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    result = kiosk_export(folder, "--out", str(tmp_path), "--format", "pdf")
    assert result.returncode == 0, result.stderr
    page = PdfReader(tmp_path / "show-zh.pdf").pages[0]
    drawn = page.get_contents().get_data().decode("latin-1")
    leaning = [line for line in drawn.splitlines() if line.endswith(" cm")
               and len(line.split()) == 7 and float(line.split()[2]) != 0.0]
    assert leaning, "no text drawn leaning"
    assert "Camellia sinensis" in " ".join(page.extract_text().split())


def test_english_quotes_and_ellipses_copy_from_the_pdf_as_written(tmp_path):
    """English quotes are drawn narrow (the font's proportional forms, which no character
    maps to): the PDF's text layer had "From the Library Cave to Digital Dunhuang"."""
    from pypdf import PdfReader

    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "show.yaml").write_text(
        "title: Quotes\nlanguages: [en]\nslides:\n  - type: title\n    id: t\n"
        "    title: From the “Library Cave” to ‘Digital Dunhuang’\n"
        "    subtitle: Wang’s find… and Ōtani’s expedition\n", encoding="utf-8")
    (folder / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    result = kiosk_export(folder, "--out", str(tmp_path), "--format", "pdf")
    assert result.returncode == 0, result.stderr
    text = " ".join(PdfReader(tmp_path / "show-en.pdf").pages[0].extract_text().split())
    for said in ("“Library Cave”", "‘Digital Dunhuang’", "Wang’s find…", "Ōtani’s"):
        assert said in text, text


def test_every_photo_of_a_gallery_is_exported(tmp_path):
    """Only a gallery's first photo was written: an author could not review the rest."""
    from pypdf import PdfReader

    folder = tmp_path / "site"
    gallery = {"type": "gallery", "photos": [
        {"src": "images/photo.png", "caption": "第一张"},
        {"src": "images/photo.jpg", "caption": "第二张"}]}
    decks.write(folder, decks.deck(decks.title_slide(), gallery), name="show.yaml")
    (folder / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    result = kiosk_export(folder, "--out", str(tmp_path / "png"), "--size", "480x270",
                          "--lang", "zh")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "png").glob("*.png"))
    assert names == ["01-zh.png", "02-zh.png", "02.2-zh.png"]
    assert "2 slides (3 pictures) written" in result.stderr  # (trial 14: "24 slides" of 27)
    assert (tmp_path / "png" / "02-zh.png").read_bytes() != (
        tmp_path / "png" / "02.2-zh.png").read_bytes()
    result = kiosk_export(folder, "--out", str(tmp_path), "--format", "pdf", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    pages = PdfReader(tmp_path / "show-zh.pdf").pages
    assert len(pages) == 3 and "第二张" in pages[2].extract_text()
    assert "2 slides (3 pages) written" in result.stderr


def test_an_out_named_pdf_is_the_pdf_and_its_figures_read_number_then_unit(tmp_path):
    """Trial 6 setup: `--out talk.pdf` made a folder of PNGs named talk.pdf; and a unit
    under its number came before it in the PDF's text (square metres / 45,000)."""
    from pypdf import PdfReader

    folder = tmp_path / "site"
    figures = [decks.figure(45000, "square metres", "Floor area"),
               decks.figure(22, "sites", "Component sites of the World Heritage property")]
    decks.write(folder, decks.only("en", decks.deck(decks.figures_slide(*figures))),
                name="show.yaml")
    (folder / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    result = kiosk_export(folder, "--out", str(tmp_path / "talk.pdf"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "talk.pdf").is_file()
    text = " ".join(PdfReader(tmp_path / "talk.pdf").pages[0].extract_text(
        extraction_mode="plain").split())
    assert text.index("45,000") < text.index("square metres") < text.index("Floor area"), text


def test_one_slide_is_counted_as_one_slide(tmp_path):
    """Trial 19: "1 slides written"."""
    folder = tmp_path / "site"
    decks.write(folder, decks.deck(decks.title_slide()), name="show.yaml")
    (folder / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    result = kiosk_export(folder, "--out", str(tmp_path / "png"), "--size", "480x270")
    assert result.returncode == 0, result.stderr
    assert "1 slide written to" in result.stderr, result.stderr
