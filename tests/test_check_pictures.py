"""``kiosk check`` and pictures: every one decoded; what cannot draw is an error at its src."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kiosk.cli import main
from tests import picturefiles as make
from tests.conftest import ROOT


def story_deck(folder: Path, pictures: dict[str, bytes | str]) -> Path:
    """A deck with one story per picture (slide n's src is on line 5 + 3n, column 32),
    and the pictures in ``images/``."""
    (folder / "images").mkdir(parents=True, exist_ok=True)
    lines = ["title: T", "slides:"]
    for name, data in pictures.items():
        lines += ["  - type: story", "    headline: H",
                  f"    visual: {{kind: image, src: images/{name}}}"]
        path = folder / "images" / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    deck = folder / "deck.yaml"
    deck.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return deck


def damaged_png() -> bytes:
    data = bytearray(make.saved("PNG", 64, 48, noise=True))
    start = data.index(b"IDAT") + 8
    data[start:start + 64] = bytes(64)
    return bytes(data)


def test_pictures_that_cannot_draw_are_errors_at_their_lines(tmp_path, capsys):
    photo = make.saved("JPG", 320, 240, noise=True)
    deck = story_deck(tmp_path, {
        "empty.png": b"",
        "notes.png": "to do: draw the map\n",
        "half.jpg": photo[: len(photo) // 2],
        "huge.png": make.png(100000, 100000),
        "peek.svg": make.svg('<image href="/etc/passwd"/>'),
        "laughs.svg": make.svg(head='<!DOCTYPE svg [<!ENTITY a "ha">]>', body="&a;"),
        "good.png": make.png(),
    })
    assert main(["check", str(deck)]) == 2
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        f"{deck}:5:32: picture 'images/empty.png' is empty (0 bytes)",
        f"{deck}:8:32: picture 'images/notes.png' is text, not a picture (it starts with "
        "'to do: draw the map')",
        f"{deck}:11:32: picture 'images/half.jpg' is cut off after {len(photo) // 2:,} "
        "bytes: the JPEG has no end marker (still being copied?)",
        f"{deck}:14:32: picture 'images/huge.png' is 100000x100000 pixels, over the limit "
        "of 16384 pixels a side: scale it down",
        f"{deck}:17:32: picture 'images/peek.svg' refers to '/etc/passwd' (<image href>, "
        "line 1): an SVG must carry all it draws (the show follows no reference out of it, "
        "even beside the deck); embed it as a data: URI, or remove it",
        f"{deck}:20:32: picture 'images/laughs.svg' declares a DTD of its own "
        "(<!DOCTYPE ... [ ]>, entities): remove it",
    ]
    assert "1 file checked (" in out.err and "deck.yaml): 6 errors" in out.err


def test_a_picture_qt_cannot_decode_is_an_error_at_its_line(tmp_path, capsys):
    deck = story_deck(tmp_path, {"good.png": make.png(), "damaged.png": damaged_png()})
    assert main(["check", str(deck)]) == 2
    assert capsys.readouterr().out == (
        f"{deck}:8:32: picture 'images/damaged.png' cannot be decoded (Unable to read "
        "image data): it is damaged\n")


def test_every_format_the_show_draws_passes(tmp_path, capsys):
    deck = story_deck(tmp_path, {
        "a.png": make.png(), "a.jpg": make.saved("JPG"), "a.jpeg": make.saved("JPG"),
        "a.gif": make.gif(), "a.webp": make.saved("WEBP"), "a.bmp": make.saved("BMP"),
        "a.svg": make.svg(),
        "b.svg": make.svg(f'<image width="8" height="6" href="{make.data_uri(make.png())}"/>'),
    })
    assert main(["check", str(deck)]) == 0
    out = capsys.readouterr()
    assert out.out == "" and "0 errors, 0 warnings" in out.err


def test_check_decodes_in_a_process_without_a_screen(tmp_path):
    """Qt is imported by ``kiosk check`` only for a deck with pictures, offscreen."""
    deck = story_deck(tmp_path, {"good.svg": make.svg("<text y='5'>南京</text>"),
                                 "damaged.png": damaged_png()})
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "kiosk", "check", str(deck)], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stdout == (f"{deck}:8:32: picture 'images/damaged.png' cannot be decoded "
                             "(Unable to read image data): it is damaged\n")
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_picture_folder_the_show_cannot_read_is_a_problem_not_a_traceback():
    """Run as a user who may not read ``images/`` (root reads everything: the child
    drops to nobody): check exits 2 at the src line, the show starts with a warning."""
    base = Path(tempfile.mkdtemp(prefix="kiosk-"))  # tmp_path is root's alone
    try:
        base.chmod(0o755)
        deck = story_deck(base, {"map.png": make.png()})
        deck.chmod(0o644)
        (base / "images").chmod(0o000)
        args = ["check", "--config", str(ROOT / "config.yaml"), str(deck)]
        child = (  # the interpreter lives where nobody may read: drop once all is imported
            "import os, pathlib, sys\n"
            "from kiosk.cli import main\n"
            "from kiosk.deck.load import load_deck\n"
            "if os.geteuid() == 0:\n"
            f"    assert main({args!r}) == 0  # root reads it all, importing what check needs\n"
            "    os.setgroups([]); os.setgid(65534); os.setuid(65534)\n"
            f"code = main({args!r})\n"
            f"loaded = load_deck(pathlib.Path({str(deck)!r}), strict_assets=False)\n"
            "print('show starts:', [w.message for w in loaded.warnings])\n"
            "sys.exit(code)\n")
        result = subprocess.run([sys.executable, "-c", child], cwd=ROOT, capture_output=True,
                                text=True, timeout=60)
    finally:
        (base / "images").chmod(0o755)
        shutil.rmtree(base)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    message = (f"asset 'images/map.png' cannot be read ({base}/images/map.png): permission "
               "denied; the show's user needs to read it and its folders")
    assert result.stdout.splitlines() == [f"{deck}:5:32: {message}",
                                          f"show starts: [{message!r}]"]


def test_a_cut_picture_and_a_damaged_one_come_in_one_run(tmp_path):
    """The cut one fails on its bytes, the damaged one only once decoded: both are
    reported at once, and the decoder's own complaints do not leak onto the screen."""
    gif = make.gif()
    deck = story_deck(tmp_path, {"cut.gif": gif[: len(gif) // 2], "damaged.png": damaged_png()})
    result = subprocess.run([sys.executable, "-m", "kiosk", "check", str(deck)],
                            capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{deck}:5:32: picture 'images/cut.gif' is cut off")
    assert lines[1] == (f"{deck}:8:32: picture 'images/damaged.png' cannot be decoded "
                        "(Unable to read image data): it is damaged")
    assert result.stderr == f"1 file checked ({deck}): 2 errors, 0 warnings\n"


def test_a_photo_drawn_far_larger_than_it_is_is_warned_of(tmp_path, capsys):
    """Trial 15: an 800 x 600 archive photo filled a 1920 x 1080 wall, 2.4 times its
    size and soft, with no word from check; a photo of the screen's size is not warned."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "old.jpg").write_bytes(make.saved("JPG", 800, 600))
    (tmp_path / "images" / "new.jpg").write_bytes(make.saved("JPG", 1920, 1440))
    deck = tmp_path / "deck.yaml"
    deck.write_text("title: T\nslides:\n  - type: image\n    src: images/old.jpg\n"
                    "  - type: image\n    src: images/new.jpg\n", encoding="utf-8")
    assert main(["check", str(deck)]) == 0
    out = capsys.readouterr().out
    assert "deck.yaml:4:10: warning: slide 1" in out and "800 x 600 pixels, drawn 2.4 " \
        "times its size (1920 x 1440): it will look soft" in out
    assert "slide 2" not in out


def test_a_film_drawn_far_larger_than_it_is_is_warned_of(tmp_path, capsys):
    """Trial 19: a 640 x 360 video stretched across a 1920 x 1080 wall, three times its
    size, had no word from check (a photo had)."""
    from tests.media import counting_clip

    (tmp_path / "videos").mkdir()
    counting_clip(tmp_path / "videos" / "small.mp4", frames=10, size=(320, 180))
    deck = tmp_path / "deck.yaml"
    deck.write_text("title: T\nslides:\n  - type: video\n    src: videos/small.mp4\n",
                    encoding="utf-8")
    assert main(["check", str(deck)]) == 0
    out = capsys.readouterr().out
    assert "deck.yaml:4:10: warning: slide 1" in out and "320 x 180 pixels, drawn 6.0 " \
        "times its size" in out, out
