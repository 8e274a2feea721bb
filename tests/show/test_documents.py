"""PDF pages as slides: each page a slide of the loop, drawn whole and sharp; and a
photograph's shades as a PDF reader draws them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.config import Config
from kiosk.deck.errors import DeckError
from kiosk.deck.load import load_deck
from kiosk.show.render import render_slide
from tests import decks

COLOURS = ["#d02020", "#20a040", "#2040d0"]


def brochure(path, pages=3):
    """A landscape PDF of ``pages`` pages, page n a field of COLOURS[n]."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(640, 360), QPageSize.Unit.Point),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    for n in range(pages):
        if n:
            writer.newPage()
        painter.fillRect(QRectF(0, 0, writer.width(), writer.height()), QColor(COLOURS[n]))
    painter.end()
    return path


def test_each_page_asked_for_is_a_slide_of_its_own(qapp, tmp_path):
    brochure(tmp_path / "docs" / "brochure.pdf")
    loaded = decks.built(tmp_path, decks.deck(
        decks.title_slide(), {"type": "pdf", "id": "brochure", "src": "docs/brochure.pdf",
                              "pages": [3, 1]}, {"type": "pdf", "src": "docs/brochure.pdf"}))
    slides = loaded.deck.slides
    assert [s.type for s in slides] == ["title", "pdf", "pdf", "pdf", "pdf", "pdf"]
    assert [s.pages for s in slides[1:]] == [[3], [1], [1], [2], [3]]
    assert [s.id for s in slides[1:3]] == ["brochure-3", "brochure-1"]
    for index, colour in ((1, COLOURS[2]), (2, COLOURS[0]), (4, COLOURS[1])):
        image, view = render_slide(loaded, Config(), index, (640, 360), "zh")
        assert QColor(image.pixel(320, 180)).name() == colour
        assert view.picture.image.width() == image.width()  # drawn at the size shown


def test_an_upright_page_on_a_wall_stays_inside_the_safe_area(qapp, tmp_path):
    """Trial 25: an A4 brochure page on a wall ran from the screen's top edge to its
    bottom, where a television's overscan cuts. A page of the screen's own shape still
    fills it (laid out for it); one of another shape is framed inside the safe area."""
    path = tmp_path / "docs" / "a4.pdf"
    path.parent.mkdir(parents=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    painter.fillRect(QRectF(0, 0, writer.width(), writer.height()), QColor(COLOURS[1]))
    painter.end()
    brochure(tmp_path / "docs" / "wide.pdf", pages=1)
    loaded = decks.built(tmp_path, decks.deck({"type": "pdf", "src": "docs/a4.pdf"},
                                              {"type": "pdf", "src": "docs/wide.pdf"}))
    _image, view = render_slide(loaded, Config(), 0, (1920, 1080), "zh")
    drawn = view.picture.mapRectToScene(view.picture.target())
    assert view.ctx.safe.adjusted(-1, -1, 1, 1).contains(drawn), drawn
    assert drawn.height() >= view.ctx.safe.height() - 1  # (as tall as it may be)
    _image, view = render_slide(loaded, Config(), 1, (1920, 1080), "zh")
    drawn = view.picture.mapRectToScene(view.picture.target())
    assert drawn.height() >= 1079 and drawn.width() >= 1919


def test_a_page_the_pdf_lacks_is_said_at_the_page_asked_for(qapp, tmp_path):
    brochure(tmp_path / "docs" / "brochure.pdf")
    (tmp_path / "docs" / "broken.pdf").write_text("%PDF-1.4 this is not really one")
    deck = decks.write(tmp_path, decks.deck(
        {"type": "pdf", "src": "docs/brochure.pdf", "pages": [1, 9]},
        {"type": "pdf", "src": "docs/broken.pdf"}))
    with pytest.raises(DeckError) as raised:
        load_deck(deck)
    said = [str(p) for p in raised.value.problems]
    assert any("PDF 'docs/brochure.pdf' has 3 pages: page 9 is not one of them" in line
               for line in said)
    assert any("PDF 'docs/broken.pdf' cannot be opened" in line for line in said)


def test_a_photographs_shades_are_not_black_in_a_pdf(qapp, tmp_path):
    """A PDF reader drew the shades (black fading to clear) as solid black bands."""
    import pypdfium2 as pdfium

    from kiosk.export import export_pdf
    from tests.show.test_photos import SKY, near, write_photo

    src = write_photo(tmp_path, dot=(0.5, 0.5))
    loaded = decks.built(tmp_path, decks.deck({"type": "image", "src": src, "title": "T",
                                               "caption": "A caption"}))
    export_pdf(loaded, Config(), tmp_path / "out.pdf", "zh")
    page = pdfium.PdfDocument(str(tmp_path / "out.pdf"))[0]
    pixels = page.render(scale=0.5, rev_byteorder=True).to_numpy()  # (RGB)
    height, width = pixels.shape[:2]
    top = pixels[int(height * 0.28), int(width * 0.9)]
    middle = pixels[height // 2, int(width * 0.9)]
    assert near(QColor(*top[:3]).rgb(), SKY, 90)  # shaded a little, not black
    assert near(QColor(*middle[:3]).rgb(), SKY, 40)


def test_a_lines_area_in_a_pdf_is_a_tint_not_solid_colour(qapp, tmp_path):
    """Trial 14: in the PDF the area under a line was solid gold (a fade of see-through
    colour, which PDF readers fill solid), hiding the line and its points."""
    import pypdfium2 as pdfium

    from kiosk.export import export_pdf
    from kiosk.show.render import context

    chart = {"kind": "line", "area": True, "unit": "%", "categories": ["2020", "2022", "2024"],
             "series": [{"name": "A", "values": [100, 100, 100]}]}
    loaded = decks.built(tmp_path, decks.deck(decks.chart_slide(chart)))
    export_pdf(loaded, Config(), tmp_path / "out.pdf", "en")
    page = pdfium.PdfDocument(str(tmp_path / "out.pdf"))[0]
    pixels = page.render(scale=0.5, rev_byteorder=True).to_numpy()  # (RGB)
    height, width = pixels.shape[:2]
    gold = context(loaded, Config(), "en").palette.series(0)
    inside = QColor(*(int(c) for c in pixels[int(height * 0.6), width // 2][:3]))
    assert inside.lightness() < gold.lightness() * 0.6, inside.name()  # (a tint of it
    assert inside.red() > inside.blue()  # over the dark, not the gold itself)


def test_a_deck_of_one_pdf_plays_its_pages_as_a_kiosk_plays_any_deck(qapp, qtbot, tmp_path):
    """``deck: brochure.pdf`` in a config: an exhibitor's PDF, with the loop, idle return
    and the check as for any deck."""
    import subprocess
    import sys

    from kiosk.config import load_config
    from kiosk.play.clock import FakeClock

    brochure(tmp_path / "brochure.pdf")
    (tmp_path / "config.yaml").write_text("deck: brochure.pdf\nkiosk: {idle_timeout: 30}\n")
    installation = load_config(tmp_path / "config.yaml")
    loaded = load_deck(installation.deck_path, installation.asset_roots)
    assert [s.pages for s in loaded.deck.slides] == [[1], [2], [3]]
    assert loaded.deck.title.get_text("zh", "zh") == "brochure"
    clock = FakeClock()
    player, _ = decks.start(qtbot, loaded, installation.config, clock=clock)
    clock.advance(loaded.deck.defaults.duration + 0.01)
    player.poll()
    assert player.stage.index == 1  # the loop goes on to the second page
    checked = subprocess.run([sys.executable, "-m", "kiosk", "check"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stdout
    (tmp_path / "brochure.pdf").write_text("not a PDF")
    checked = subprocess.run([sys.executable, "-m", "kiosk", "check", "brochure.pdf"],
                             cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert checked.returncode == 2
    assert checked.stdout.startswith("brochure.pdf:1:") and "cannot be opened" in checked.stdout


def test_a_show_starts_with_a_page_its_pdf_lacks_and_check_still_refuses_it(qapp, tmp_path):
    """A wrong page number stopped the kiosk from starting at all: the hall stayed dark."""
    brochure(tmp_path / "docs" / "brochure.pdf")
    deck = decks.write(tmp_path, decks.deck(
        decks.title_slide(), {"type": "pdf", "src": "docs/brochure.pdf", "pages": [1, 9]}))
    with pytest.raises(DeckError):
        load_deck(deck)  # kiosk check: an error
    loaded = load_deck(deck, strict_assets=False)  # the show: a warning and a placeholder
    assert any("page 9 is not one of them" in str(w) for w in loaded.warnings)
    assert [s.pages for s in loaded.deck.slides[1:]] == [[1], [9]]
    _image, view = render_slide(loaded, Config(), 2, (640, 360), "zh")
    assert view.fault is None  # (a quiet fill where the page would be)


def test_a_pdf_deck_plays_in_english_too(tmp_path):
    import subprocess
    import sys

    brochure(tmp_path / "brochure.pdf")
    (tmp_path / "config.yaml").write_text("deck: brochure.pdf\nlanguages: {default: en}\n")
    checked = subprocess.run([sys.executable, "-m", "kiosk", "check"], cwd=tmp_path,
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stdout


def test_a_pdf_pages_words_are_text_in_an_exported_pdf(qapp, tmp_path):
    """Trial 6: a PDF slide's page was a picture in the exported PDF: its words could
    not be found, copied or read out. They are there as text now, unseen."""
    import subprocess
    import sys

    from pypdf import PdfReader

    from kiosk.show import fonts

    path = tmp_path / "docs" / "leaflet.pdf"
    path.parent.mkdir(parents=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(640, 360), QPageSize.Unit.Point),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    painter.fillRect(QRectF(0, 0, writer.width(), writer.height()), QColor("#f4ecd8"))
    painter.setFont(fonts.font(28, bold=True))
    painter.setPen(QColor("#202020"))
    painter.drawText(QRectF(40, 40, 560, 60), "Blue and white porcelain")
    painter.drawText(QRectF(40, 120, 560, 60), "青花瓷的故事")
    painter.end()
    folder = tmp_path
    decks.write(folder, decks.deck({"type": "pdf", "src": "docs/leaflet.pdf"}),
                name="show.yaml")
    (folder / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "export", "--config", str(folder / "config.yaml"),
         "--out", str(tmp_path / "out.pdf")], capture_output=True, text=True, timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    text = " ".join(PdfReader(tmp_path / "out.pdf").pages[0].extract_text().split())
    assert "Blue and white porcelain" in text and "青花瓷的故事" in text, text


def test_a_pages_words_keep_their_commas_in_an_exports_text(qapp, tmp_path):
    """Trial 12: a designer's page said "Green belt, rail corridors, river parks"; the
    exported PDF's text had "Green belt rail corridors river parks", its commas on a
    line of their own (pdfium gives a comma a small box of its own)."""
    from kiosk.deck.documents import page_text
    from kiosk.show import fonts

    path = tmp_path / "plan.pdf"
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(1600, 900), QPageSize.Unit.Point),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    painter.setFont(fonts.font(36))
    painter.drawText(100, 260, "Green belt, rail corridors, river parks")
    painter.end()
    runs = [words for words, _box in page_text(path, 0)]
    assert runs == ["Green belt, rail corridors, river parks"]


def test_check_names_a_slide_after_a_pdf_by_its_number_as_written(qapp, tmp_path):
    """Trial 28: after a PDF slide of two pages, a layout warning said "slide 3" of the
    deck's second slide as written, where the errors of the same run count slides as
    written: one numbering, the author's."""
    from kiosk.show.layoutcheck import layout_problems

    brochure(tmp_path / "docs" / "brochure.pdf", pages=2)
    long = decks.both("很长的说明文字" * 30, "A very long label that says much " * 12)
    deck = decks.deck({"type": "pdf", "src": "docs/brochure.pdf"},
                      decks.figures_slide(decks.figure(12, label=long), decks.figure(3),
                                          decks.figure(4), decks.figure(5)))
    cfg = decks.config()
    loaded = decks.built(tmp_path, deck, cfg)
    assert len(loaded.deck.slides) == 3  # (the PDF's pages: a slide each, played)
    said = [p.message for p in layout_problems(loaded, cfg)]
    assert said and all(m.startswith("slide 2 in") for m in said), said
