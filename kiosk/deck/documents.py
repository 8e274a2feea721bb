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
