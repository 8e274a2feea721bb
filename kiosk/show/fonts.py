"""The fonts the show ships and draws with; it never depends on the system's."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from kiosk import resources

log = logging.getLogger(__name__)

INK_INSET = 0.17
"""The room a line's box keeps above and below its letters, in type sizes (about a
sixth each): what the layout audit takes off to find where the letters are."""
FAMILY = "Noto Sans SC Kiosk"
FILES = ("NotoSansSC-Kiosk-Regular.otf", "NotoSansSC-Kiosk-Bold.otf")


def font_dir() -> Path:
    return resources.data_root() / "assets" / "fonts"


@cache
def register() -> str:
    """Register the shipped fonts with Qt (once) and return their family name."""
    families: set[str] = set()
    for name in FILES:
        font_id = QFontDatabase.addApplicationFont(str(font_dir() / name))
        if font_id < 0:
            log.error("cannot load font %s: Chinese text may show as boxes", name)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FAMILY not in families:
        log.error("shipped font family %r not registered (got %s)", FAMILY, families)
    return FAMILY


_for_print = False


@contextlib.contextmanager
def for_print() -> Iterator[None]:
    """Fonts made meanwhile write text a PDF reader can copy and search: without the
    font's localised digit forms and ligatures, which Qt's PDF writer cannot map back
    to characters ("a1" read back as "a", "firms" as "rms")."""
    global _for_print
    _for_print = True
    try:
        yield
    finally:
        _for_print = False


def font(pixel_size: float, *, bold: bool = False, tabular: bool = False,
         latin: bool = False) -> QFont:
    """The show's font at a size in design pixels (a copy: callers may change it);
    ``latin`` for a text without Chinese: its punctuation proportional (the CJK font's
    “ ” ‘ ’ are a whole em wide, "“ hello ”" in English)."""
    return QFont(_font(max(1, round(pixel_size)), bold, tabular, _for_print, latin))


@cache
def _font(pixel_size: int, bold: bool, tabular: bool, printed: bool,
          latin: bool = False) -> QFont:
    f = QFont(register())
    f.setPixelSize(max(1, pixel_size))
    f.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    # Only the shipped font, on every machine: what it lacks is a box everywhere (and
    # `kiosk check` warns of it), never a look-alike from the fonts this machine has.
    f.setStyleStrategy(QFont.StyleStrategy.PreferAntialias
                       | QFont.StyleStrategy.NoFontMerging)
    if tabular:
        f.setFeature(QFont.Tag("tnum"), 1)
    if latin:
        f.setFeature(QFont.Tag("pwid"), 1)
    if printed:
        f.setFeature(QFont.Tag("locl"), 0)
        f.setFeature(QFont.Tag("liga"), 0)
    return f
