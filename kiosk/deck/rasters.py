"""Raster pictures walked from their headers to their last byte, without decoding them:
is the file whole, and how big does it decode?

Each check reads little: PNG chunk headers, JPEG segment headers then the end marker,
GIF blocks, the size a WebP or BMP header announces. A file still being copied is a
prefix of the whole one, and every prefix fails here as "cut off".
"""

from __future__ import annotations

import struct
from typing import BinaryIO

MAX_SIDE = 16384
"""Pixels a side: the largest texture of many GPUs, four times a 4K screen."""
MAX_DECODED_MB = 256
"""Memory one decoded picture may take: Qt's own default allocation limit."""


def check(kind: str, file: BinaryIO, size: int) -> str | None:
    """Why the ``kind`` picture (PNG, JPEG, GIF, WebP, BMP) in ``file`` of ``size`` bytes
    cannot be drawn (a predicate: "is cut off ..."), or None."""
    return _CHECKS[kind](_File(file, size))


class _File:
    """Reads at offsets; ``size`` is the length on disk."""

    def __init__(self, file: BinaryIO, size: int) -> None:
        self.file, self.size = file, size

    def at(self, offset: int, count: int) -> bytes:
        self.file.seek(offset)
        return self.file.read(count)

    def find(self, needle: bytes, start: int) -> int:
        """Offset of ``needle`` at or after ``start``, or -1 (read in blocks)."""
        block = 1 << 20
        while start < self.size:
            data = self.at(start, block + len(needle) - 1)
            found = data.find(needle)
            if found >= 0:
                return start + found
            start += block
        return -1


def _png(f: _File) -> str | None:
    pos, first = 8, True
    while True:
        head = f.at(pos, 8)
        if len(head) < 8:
            return _cut(f, "PNG has no end chunk (IEND)")
        length, kind = struct.unpack(">I4s", head)
        if not kind.isalpha() or length > 0x7FFFFFFF:
            return _damaged(f, pos, "not a PNG chunk")
        if first:
            if kind != b"IHDR":
                return _damaged(f, pos, "the PNG does not start with its header (IHDR)")
            ihdr = f.at(pos + 8, 13)
            if len(ihdr) < 13:
                return _cut(f, "PNG ends inside its header")
            width, height, depth = struct.unpack(">IIB", ihdr[:9])
            too_big = _too_big(width, height, 8 if depth == 16 else 4)
            if too_big:
                return too_big
            first = False
        pos += 12 + length
        if pos > f.size:
            return _cut(f, "PNG has no end chunk (IEND)")
        if kind == b"IEND":
            return None


_SOF = {*range(0xC0, 0xC4), *range(0xC5, 0xC8), *range(0xC9, 0xCC), *range(0xCD, 0xD0)}


def _jpeg(f: _File) -> str | None:
    pos, size = 2, None
    while True:
        head = f.at(pos, 4)
        if len(head) < 4:
            return _cut(f, "JPEG ends before its picture data")
        if head[0] != 0xFF:
            return _damaged(f, pos, "not a JPEG marker")
        marker = head[1]
        if marker == 0xFF:
            pos += 1  # fill byte
            continue
        if marker in (0x01, 0xD8) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if marker == 0xD9:
            return _damaged(f, pos, "the JPEG ends before its picture data")
        length = int.from_bytes(head[2:4], "big")
        if marker in _SOF:
            frame = f.at(pos + 5, 4)
            if len(frame) == 4:
                height, width = struct.unpack(">HH", frame)
                size = (width, height)
                too_big = _too_big(width, height)
                if too_big:
                    return too_big
        pos += 2 + length
        if marker == 0xDA:  # start of scan: the picture data runs to the end marker
            break
    if size is None:
        return _damaged(f, 2, "the JPEG has no frame header")
    if f.find(b"\xff\xd9", pos) < 0:
        return _cut(f, "JPEG has no end marker")
    return None


def _gif(f: _File) -> str | None:
    if f.size < 13:
        return _cut(f, "GIF ends inside its header")
    width, height, flags = struct.unpack("<HHB", f.at(6, 5))
    too_big = _too_big(width, height)
    if too_big:
        return too_big
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    while True:
        block = f.at(pos, 1)
        if not block or pos >= f.size:
            return _cut(f, "GIF has no trailer")
        if block == b";":
            return None
        if block == b"!":  # extension: label, then sub-blocks
            pos += 2
        elif block == b",":  # image: descriptor, local colours, LZW code size, sub-blocks
            descriptor = f.at(pos + 1, 9)
            if len(descriptor) < 9:
                return _cut(f, "GIF has no trailer")
            local = descriptor[8]
            pos += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0) + 1
        else:
            return _damaged(f, pos, "not a GIF block")
        while True:  # sub-blocks, up to an empty one
            length = f.at(pos, 1)
            if not length:
                return _cut(f, "GIF has no trailer")
            pos += 1 + length[0]
            if length[0] == 0:
                break


def _webp(f: _File) -> str | None:
    head = f.at(0, 30)
    announced = _u32le(head, 4) + 8
    if len(head) < 30 or f.size < announced:
        return _cut(f, f"WebP's header announces {announced:,} bytes")
    chunk = head[12:16]
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = (_u16le(head, 26) & 0x3FFF, _u16le(head, 28) & 0x3FFF)
    elif chunk == b"VP8L" and head[20] == 0x2F:
        bits = _u32le(head, 21)
        width, height = (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    elif chunk == b"VP8X":
        width = int.from_bytes(head[24:27], "little") + 1
        height = int.from_bytes(head[27:30], "little") + 1
    else:
        return _damaged(f, 12, "not a WebP picture chunk")
    return _too_big(width, height)


def _bmp(f: _File) -> str | None:
    head = f.at(0, 38)
    if len(head) < 26:
        return _cut(f, "BMP ends inside its header")
    declared, offset, header = _u32le(head, 2), _u32le(head, 10), _u32le(head, 14)
    if header == 12:
        width, height, bits, compression, image = (_u16le(head, 18), _u16le(head, 20),
                                                   _u16le(head, 24), 0, 0)
    elif len(head) >= 38:
        width, height = struct.unpack("<ii", head[18:26])
        bits, compression, image = _u16le(head, 28), _u32le(head, 30), _u32le(head, 34)
    else:
        return _cut(f, "BMP ends inside its header")
    too_big = _too_big(width, abs(height))
    if too_big:
        return too_big
    if compression in (0, 3, 6):  # uncompressed rows, each padded to 4 bytes
        needed = offset + (width * bits + 31) // 32 * 4 * abs(height)
    else:
        needed = declared or offset + image
    if f.size < needed:
        return _cut(f, f"BMP's header announces {needed:,} bytes")
    return None


_CHECKS = {"PNG": _png, "JPEG": _jpeg, "GIF": _gif, "WebP": _webp, "BMP": _bmp}


def _too_big(width: int, height: int, bytes_per_pixel: int = 4) -> str | None:
    if width <= 0 or height <= 0:
        return f"is damaged: its header says it is {width}x{height} pixels"
    if width > MAX_SIDE or height > MAX_SIDE:
        return (f"is {width}x{height} pixels, over the limit of {MAX_SIDE} pixels a side: "
                "scale it down")
    decoded = width * height * bytes_per_pixel / 2**20
    if decoded > MAX_DECODED_MB:
        return (f"is {width}x{height} pixels: it would take {decoded:,.0f} MB decoded, over "
                f"the limit of {MAX_DECODED_MB} MB: scale it down")
    return None


def _cut(f: _File, what: str) -> str:
    return f"is cut off after {f.size:,} bytes: the {what} (still being copied?)"


def _damaged(f: _File, at: int, what: str) -> str:
    return f"is damaged at byte {at:,} of {f.size:,}: {what} (or still being copied?)"


def _u16le(data: bytes, at: int) -> int:
    return int.from_bytes(data[at:at + 2], "little")


def _u32le(data: bytes, at: int) -> int:
    return int.from_bytes(data[at:at + 4], "little")
