"""kiosk export: a file per slide at the right size, none blank, the same bytes twice."""

from __future__ import annotations

import re
import subprocess
import sys

from PySide6.QtGui import QImage

from tests.conftest import ROOT


def kiosk_export(*args: str) -> subprocess.CompletedProcess[str]:
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "kiosk", "export", "--config",
                           str(ROOT / "config.yaml"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_png_per_slide_at_the_size_asked_and_the_same_bytes_twice(tmp_path, default_deck):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        result = kiosk_export("--out", str(out), "--size", "960x540", "--lang", "en")
        assert result.returncode == 0, result.stderr
    files = sorted(first.glob("*.png"))
    assert [f.name for f in files][:2] == ["01-en.png", "02-en.png"]
    assert len(files) == len(default_deck.deck.slides)
    for path in files:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (960, 540)
        colours = {image.pixel(x, y) for x in range(0, 960, 24) for y in range(0, 540, 24)}
        assert len(colours) > 20, f"{path.name} looks blank"
        assert path.read_bytes() == (second / path.name).read_bytes()


def test_pdf_has_a_page_per_slide_with_the_font_embedded(tmp_path, default_deck):
    result = kiosk_export("--out", str(tmp_path), "--format", "pdf")
    assert result.returncode == 0, result.stderr
    data = (tmp_path / "nanjing.pdf").read_bytes()
    pages = re.findall(rb"/Type\s*/Page(?!s)", data)
    assert len(pages) == len(default_deck.deck.slides)
    assert b"NotoSansSCKiosk" in data and b"/FontFile" in data


def test_bad_export_arguments_exit_2(tmp_path):
    assert kiosk_export("--out", str(tmp_path), "--size", "big").returncode == 2
    result = kiosk_export("--out", str(tmp_path), "--lang", "fr")
    assert result.returncode == 2 and "no language 'fr'" in result.stderr
