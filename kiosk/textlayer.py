"""The text layer of an exported PDF, corrected where Qt names a glyph by the wrong
character.

A PDF reader copies and searches text by each font's ToUnicode map, which Qt writes by
asking the font which character each glyph draws, taking the lowest when several share
one: an en dash (U+2013) shares its glyph with the figure dash (U+2012), a full-width
tilde (U+FF5E) with the wave dash (U+301C), and the glyph the font draws for "——" (two
em dashes joined) is named U+2E3A TWO-EM DASH by the shipped font (assets/fonts), and the
narrow quotes and ellipsis of English text (the font's ``pwid`` forms) private-use code
points from U+E000. This maps them back to the characters an author writes.
"""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader, PdfWriter

MEANT = {"2012": "2013", "301C": "FF5E", "2E3A": "20142014", "E000": "2018", "E001": "2019",
         "E002": "201C", "E003": "201D", "E004": "2026"}
"""Character (as written in a ToUnicode map) to what the glyph stands for in text."""
_TARGET = re.compile(r"<(" + "|".join(MEANT) + r")>", re.IGNORECASE)
_RANGE = re.compile(r"^(\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>)(.*)$")


def corrected(cmap: str) -> str:
    """A ToUnicode CMap with the characters of ``MEANT`` written as meant (only where a
    line maps to them, never a glyph code)."""
    lines, in_chars = [], False
    for line in cmap.splitlines():
        if line.rstrip().endswith(("beginbfrange", "beginbfchar")):
            in_chars = True
        elif line.strip() in ("endbfrange", "endbfchar"):
            in_chars = False
        elif in_chars and (match := _RANGE.match(line)):
            line = match.group(1) + _TARGET.sub(
                lambda hit: f"<{MEANT[hit.group(1).upper()]}>", match.group(2))
        lines.append(line)
    return "\n".join(lines) + "\n"


def correct(path: Path) -> None:
    """Rewrite the PDF at ``path`` with its fonts' ToUnicode maps corrected (left as it
    is when none needs it)."""
    reader = PdfReader(path)
    writer = PdfWriter(clone_from=reader)
    changed = False
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if "/ToUnicode" not in font:
                continue
            stream = font["/ToUnicode"].get_object()
            text = stream.get_data().decode("latin-1")
            fixed = corrected(text)
            if fixed != text:
                stream.set_data(fixed.encode("latin-1"))
                changed = True
    if changed:
        with path.open("wb") as out:
            writer.write(out)
