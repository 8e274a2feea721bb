"""PDF documents checked by opening them (pdfium): pages there, and their sizes.

pdfium is not made for threads: every call into it here or in the show holds ``LOCK``.
No Qt here.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.deck.remembered import remembered

LOCK = threading.Lock()
"""Held around every call into pdfium (the checks and the show's decoder)."""
_cache: dict[tuple[str, int, int, int], tuple[tuple[float, float], ...] | str] = {}


def probe(path: Path) -> tuple[tuple[float, float], ...] | str:
    """The size of each page (points), or why the PDF cannot be shown (a predicate)."""
    return remembered(_cache, path, 128, lambda size: _open(path, size))


def check(ref: str, path: Path, pages: list[int] | None) -> str | None:
    """The problem of the PDF ``ref`` at ``path`` (and the ``pages`` asked for)."""
    found = probe(path)
    if isinstance(found, str):
        return f"PDF '{ref}' {found}"
    missing = [n for n in pages or [] if not 1 <= n <= len(found)]
    if missing:
        return (f"PDF '{ref}' has {len(found)} page{'s' * (len(found) != 1)}: page "
                f"{missing[0]} is not one of them")
    return None


@contextlib.contextmanager
def opened(path: Path) -> Iterator[Any]:
    """The PDF at ``path`` open (pdfium's document), or why it cannot be opened (a
    predicate), with ``LOCK`` held."""
    import pypdfium2 as pdfium

    with LOCK:
        try:
            document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            yield f"cannot be opened ({str(exc).rstrip('.').lower()})"
            return
        try:
            yield document
        finally:
            document.close()


def _open(path: Path, size: int) -> tuple[tuple[float, float], ...] | str:
    if size == 0:
        return "is empty"
    with opened(path) as document:
        if isinstance(document, str):
            return document
        sizes = tuple(document.get_page_size(n) for n in range(len(document)))
    if not sizes:
        return "has no pages"
    return tuple((float(w), float(h)) for w, h in sizes)


Run = tuple[str, tuple[float, float, float, float]]
"""A line of a page's text, and its box (left, top, width, height) in points from the
page's top left."""


def page_text(path: Path, page: int) -> list[Run]:
    """The text of page ``page`` (0 the first) in lines with their boxes (pdfium's text
    rectangles), for an export's text layer; none where the page has no text or the file
    cannot be read."""
    with opened(path) as document:
        if isinstance(document, str) or not 0 <= page < len(document):
            return []
        sheet = document[page]
        height = sheet.get_height()
        text = sheet.get_textpage()
        lines: list[list[float]] = []  # (pdfium's rectangles may be a glyph each: the
        for n in range(text.count_rects()):  # ones of a line joined)
            left, bottom, right, top = text.get_rect(n)
            last = lines[-1] if lines else None
            tall = max(top - bottom, last[3] - last[1]) if last is not None else 0.0
            if last is not None and min(last[3], top) - max(last[1], bottom) > min(
                    top - bottom, last[3] - last[1]) * 0.4 and \
                    -tall * 0.5 < left - last[2] < tall * 1.5:  # (on its line, a comma's
                # small box too: "Green belt" / "," / "rail corridors" lost the commas)
                last[1], last[2], last[3] = min(last[1], bottom), right, max(last[3], top)
            else:
                lines.append([left, bottom, right, top])
        runs = []
        for left, bottom, right, top in lines:
            words = " ".join(text.get_text_bounded(left, bottom, right, top).split())
            if words:
                runs.append((words, (left, height - top, right - left, top - bottom)))
        text.close()
        sheet.close()
        return runs
