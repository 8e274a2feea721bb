"""kiosk export: a file per slide at the right size, none blank, the same bytes twice.

Exported here: a deck of one slide of each type (tests/decks.py), played by a config of
its own, and the same deck in English alone.
"""

from __future__ import annotations

import re
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


def test_pdf_has_a_page_per_slide_with_the_font_embedded(tmp_path, site):
    result = kiosk_export(site, "--out", str(tmp_path), "--format", "pdf")
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "show.pdf").read_bytes()
    pages = re.findall(rb"/Type\s*/Page(?!s)", data)
    assert len(pages) == 6
    assert b"NotoSansSCKiosk" in data and b"/FontFile" in data


def test_a_deck_in_english_alone_exports_in_english(tmp_path):
    folder = tmp_path / "site"
    decks.write(folder, decks.only("en", decks.every_type()), name="show.yaml")
    (folder / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    out = tmp_path / "out"
    result = kiosk_export(folder, "--out", str(out), "--size", "480x270")  # its language
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.png"))
    assert [f.name for f in files] == [f"{n:02d}.png" for n in range(1, 7)]
    english = kiosk_export(folder, "--out", str(tmp_path / "en"), "--size", "480x270",
                           "--lang", "en")
    assert english.returncode == 0, english.stderr
    for path in files:  # the deck's only language is the one drawn without --lang
        assert path.read_bytes() == (tmp_path / "en" / f"{path.stem}-en.png").read_bytes()
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
    assert sorted(f.name for f in tmp_path.glob("*.png")) == ["01.png", "02.png"]
