"""Picture files made by the tests, never downloaded: written byte by byte, or by Qt."""

from __future__ import annotations

import base64
import struct
import zlib


def png(width: int = 4, height: int = 3) -> bytes:
    """An RGB PNG of one colour (the header may claim any size: the data is tiny)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    rows = b"".join(b"\x00" + b"\x13\x80\x80" * width for _ in range(min(height, 64)))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def gif(width: int = 4, height: int = 3) -> bytes:
    """A GIF of two colours (Qt writes no GIF): LZW with a clear code every two pixels,
    so every code stays 3 bits wide."""
    codes = []
    for n in range(width * height):
        if n % 2 == 0:
            codes.append(4)  # clear
        codes.append(n % 2)
    codes.append(5)  # end of information
    bits = "".join(format(code, "03b")[::-1] for code in codes)
    bits += "0" * (-len(bits) % 8)
    data = bytes(int(bits[i:i + 8][::-1], 2) for i in range(0, len(bits), 8))
    blocks = b"".join(bytes([len(data[i:i + 255])]) + data[i:i + 255]
                      for i in range(0, len(data), 255))
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0x81, 0, 0)
            + b"\x13\x80\x80\xff\xff\xff\x00\x00\x00\x00\x00\x00"
            + b"," + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02"
            + blocks + b"\x00;")


def saved(fmt: str, width: int = 64, height: int = 48, color: str = "teal", *,
          noise: bool = False) -> bytes:
    """A picture saved by Qt as ``fmt`` (PNG, JPG, WEBP, BMP): of one colour, or of
    pixels that do not compress (a file mostly of picture data)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    if noise:
        pixels = bytes((n * 7919 + n // 251 * 104729) % 256 for n in range(width * height * 3))
        image = QImage(pixels, width, height, width * 3, QImage.Format.Format_RGB888).copy()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt)
    return bytes(data.data())


def svg(body: str = '<rect width="8" height="6" fill="teal"/>', head: str = "",
        attributes: str = "") -> str:
    """An SVG of 80x60 with ``body`` inside, ``head`` before the root element."""
    return (f'{head}<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" width="80" height="60" '
            f'viewBox="0 0 8 6" {attributes}>{body}</svg>')


def data_uri(data: bytes, media: str = "image/png") -> str:
    return f"data:{media};base64,{base64.b64encode(data).decode()}"


def with_orientation(jpeg: bytes, orientation: int) -> bytes:
    """A JPEG with an EXIF orientation (6: the camera was turned a quarter clockwise)."""
    tiff = (b"MM\x00*\x00\x00\x00\x08" + struct.pack(">H", 1)
            + struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + bytes(4))
    app1 = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:]


def object_on_ground(folder, name: str, ground: str, colour: str,
                     at: tuple[float, float, float, float],
                     size: tuple[int, int] = (1600, 1000)) -> str:
    """A studio shot saved as ``folder/images/name``: an oval of ``colour`` (``at``: x, y,
    width, height) on a plain ``ground``; its path as a deck gives it."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(ground))
    painter = QPainter(image)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor(colour))
    painter.drawEllipse(QRectF(*at))
    painter.end()
    (folder / "images").mkdir(parents=True, exist_ok=True)
    assert image.save(str(folder / "images" / name))
    return f"images/{name}"
