"""Which characters the shipped font can draw, read from its cmap without Qt."""

from __future__ import annotations

import struct
from bisect import bisect_right
from functools import cache
from pathlib import Path

from kiosk import resources

FONT = Path("assets") / "fonts" / "NotoSansSC-Kiosk-Regular.otf"


class Coverage:
    """Sorted, non-overlapping code point ranges a font maps to glyphs."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges.sort()
        self._starts = [start for start, _ in ranges]
        self._ends = [end for _, end in ranges]

    def __contains__(self, char: str) -> bool:
        code = ord(char)
        n = bisect_right(self._starts, code) - 1
        return n >= 0 and code <= self._ends[n]

    def __len__(self) -> int:
        return sum(end - start + 1 for start, end in zip(self._starts, self._ends, strict=True))


def read_cmap(path: Path) -> Coverage:
    """The characters of an OpenType font (cmap formats 12 and 4)."""
    data = path.read_bytes()
    (tables,) = struct.unpack_from(">H", data, 4)
    cmap = None
    for n in range(tables):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, 12 + 16 * n)
        if tag == b"cmap":
            cmap = offset
    if cmap is None:
        raise ValueError(f"{path} has no cmap table")
    _, subtables = struct.unpack_from(">HH", data, cmap)
    found: dict[int, int] = {}
    for n in range(subtables):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * n)
        if (platform, encoding) in ((3, 10), (0, 4), (3, 1), (0, 3)):
            (fmt,) = struct.unpack_from(">H", data, cmap + offset)
            found.setdefault(fmt, cmap + offset)
    if 12 in found:
        base = found[12]
        (groups,) = struct.unpack_from(">I", data, base + 12)
        return Coverage([struct.unpack_from(">II", data, base + 16 + 12 * g)
                         for g in range(groups)])
    if 4 in found:
        base = found[4]
        (seg_x2,) = struct.unpack_from(">H", data, base + 6)
        count = seg_x2 // 2
        ends = struct.unpack_from(f">{count}H", data, base + 14)
        starts = struct.unpack_from(f">{count}H", data, base + 16 + seg_x2)
        return Coverage([(s, e) for s, e in zip(starts, ends, strict=True) if s != 0xFFFF])
    raise ValueError(f"{path}: no Unicode cmap of format 4 or 12")


@cache
def shipped() -> Coverage:
    """Characters the show's own font draws."""
    return read_cmap(resources.data_root() / FONT)


def missing(text: str, coverage: Coverage | None = None) -> list[str]:
    """Characters of ``text`` the font cannot draw, each once, in order of appearance."""
    coverage = coverage or shipped()
    seen: dict[str, None] = {}
    for char in text:
        if char.isprintable() and not char.isspace() and char not in coverage:
            seen.setdefault(char, None)
    return list(seen)
