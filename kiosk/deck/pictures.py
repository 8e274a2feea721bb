"""Pictures checked from their bytes, without Qt: what the file is, whether it is whole,
how big it decodes, and (for SVG) that it draws from nothing outside itself.

What passes still has to decode in Qt (``kiosk.show.pictures``); this part says, with
a sentence an author understands, what no decoder should be asked to read: an empty
file, text named ``.png``, a file still being copied, a header that claims a picture
larger than memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from kiosk.deck import rasters, svg
from kiosk.deck.rasters import MAX_DECODED_MB, MAX_SIDE
from kiosk.deck.remembered import remembered

__all__ = ["DRAWN", "MAX_DECODED_MB", "MAX_SIDE", "SUFFIXES", "check", "problem", "sniff"]

SUFFIXES = {"PNG": (".png",), "JPEG": (".jpg", ".jpeg"), "GIF": (".gif",),
            "WebP": (".webp",), "BMP": (".bmp",), "SVG": (".svg",)}
DRAWN = "PNG, JPEG, GIF, WebP, BMP or SVG"
_OTHERS = ((b"%PDF", "a PDF document"), (b"II*\x00", "a TIFF picture"),
           (b"MM\x00*", "a TIFF picture"), (b"8BPS", "a Photoshop document"),
           (b"PK\x03\x04", "a ZIP archive (an Office document?)"),
           (b"\x1f\x8b", "gzip-compressed"), (b"\x00\x00\x01\x00", "an icon (.ico)"))
_BMP_HEADERS = (12, 40, 52, 56, 64, 108, 124)  # the sizes of its header's versions
_HEIF = (b"heic", b"heix", b"hevc", b"mif1", b"msf1")
_cache: dict[tuple[str, int, int, int], str | None] = {}


def check(ref: str, path: Path) -> str | None:
    """The problem of the picture ``ref`` found at ``path`` as a sentence, or None."""
    why = problem(path)
    return None if why is None else f"picture '{ref}' {why}"


_kinds: dict[tuple[str, int, int, int], tuple[str | None] | str] = {}


def misnamed(ref: str, path: Path) -> str | None:
    """A picture whose name says another kind than it is (a PNG named .jpg): it is drawn
    (the show decodes by content), but a warning says to rename it."""
    def judge(size: int) -> tuple[str | None]:
        with path.open("rb") as file:
            return (sniff(file.read(4096)),)

    found = remembered(_kinds, path, 1024, judge)  # (read once while the file stays)
    kind = found[0] if isinstance(found, tuple) else None
    suffix = path.suffix.lower()
    if kind is None or kind == "SVG" or suffix in SUFFIXES[kind]:
        return None
    return (f"picture '{ref}' is a {kind} picture {_named(suffix)}: it is drawn, but "
            f"rename it to end in '{SUFFIXES[kind][0]}' (other programs go by the name)")


def _named(suffix: str) -> str:
    return f"named '{suffix}'" if suffix else "named without a suffix"


def problem(path: Path) -> str | None:
    """Why the picture at ``path`` cannot be drawn (a predicate: "is empty ..."), or None.

    Remembered while the file keeps its size, time and inode.
    """
    def judge(size: int) -> str | None:
        with path.open("rb") as file:
            return _inspect(file, size, path.suffix.lower())

    return remembered(_cache, path, 1024, judge)


def sniff(head: bytes) -> str | None:
    """The format the show draws that these first bytes are, if any."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[:2] == b"BM" and int.from_bytes(head[14:18], "little") in _BMP_HEADERS:
        return "BMP"
    if not _is_html(head) and svg.looks_like(head):
        return "SVG"
    return None


def _inspect(file: BinaryIO, size: int, suffix: str) -> str | None:
    if size == 0:
        return "is empty (0 bytes)"
    head = file.read(4096)
    kind = sniff(head)
    if kind is None and suffix == ".svg" and head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        kind = "SVG"  # XML named .svg: the parser says what is wrong with it
    if kind is None:
        return _not_a_picture(head)
    if suffix not in SUFFIXES[kind] and kind == "SVG":  # (drawn by another engine:
        return f"is an SVG picture {_named(suffix)}: rename it to end in '.svg'"  # refused)
    if kind == "SVG":
        if size > svg.MAX_BYTES:
            return (f"is {size / 2**20:.1f} MB: an SVG may be at most "
                    f"{svg.MAX_BYTES // 2**20} MB (put big pictures in files of their own)")
        file.seek(0)
        return svg.problem(file.read())
    return rasters.check(kind, file, size)


def _not_a_picture(head: bytes) -> str:
    for magic, what in _OTHERS:
        if head.startswith(magic):
            return f"is {what}, not a picture the show draws ({DRAWN})"
    if head[4:8] == b"ftyp":
        what = ("a HEIC picture" if head[8:12] in _HEIF else
                "an AVIF picture" if head[8:12] == b"avif" else "a video")
        return f"is {what}, not a picture the show draws ({DRAWN}): convert it"
    if _is_html(head):
        return "is a web page (HTML), not a picture: save the picture itself"
    text = _as_text(head)
    if text is not None:
        line = next((s.strip() for s in text.splitlines() if s.strip()), "")
        shown = line if len(line) <= 40 else line[:37] + "..."
        return f"is text, not a picture (it starts with {shown!r})"
    return f"is not a picture the show draws ({DRAWN}): its content is none of these"


def _is_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    return start.startswith((b"<!doctype html", b"<html"))


def _as_text(head: bytes) -> str | None:
    if b"\x00" in head:
        return None
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not only a character cut at the end of the block
            return None
        return head[:exc.start].decode("utf-8")
