"""``kiosk init DIR``: a new show folder an author can start from, outside this repo."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

from kiosk.config import config_json_schema
from kiosk.deck.model import model_json_schema

CONFIG = """\
# yaml-language-server: $schema=config.schema.json
# The installation: which deck, and how it plays. `kiosk check` checks it with its deck.
deck: slides/deck.yaml
languages: {default: zh, offered: [zh, en]}
kiosk:
  idle_timeout: 90       # seconds without a touch before the show goes home
"""

DECK = """\
# yaml-language-server: $schema=deck.schema.json
# One slide of each type, in Chinese and English: change them, keep what you need.
# `kiosk preview slides/deck.yaml` redraws the slide you are on each time you save.
title: {zh: 我的展览, en: My Exhibition}
languages: [zh, en]
source: {zh: 资料来源：示例, en: "Source: an example"}
defaults: {duration: 12}
slides:
  - type: title
    kicker: {zh: 展厅一, en: Hall 1}
    title: {zh: 城市的十年, en: A Decade of the City}
    subtitle: {zh: 数字里的变化, en: The change in numbers}

  - type: figures
    title: {zh: 关键数字, en: Key Figures}
    figures:
      - {value: 1.74, unit: {zh: 万亿元, en: trillion yuan}, label: {zh: 地区生产总值, en: GDP}}
      - {value: 3500, qualifier: 近, unit: {zh: 项, en: items}, label: {zh: 成果, en: Results}}
      - {value: 52.1, unit: "%", label: {zh: 优良天数比例, en: Good-air days}}

  - type: story
    kicker: {zh: 一个故事, en: A story}
    headline: {zh: 从一间实验室开始, en: It began in one laboratory}
    body:
      zh: 十年前，这里只有一间实验室；今天，一百多家企业在这里扎根。
      en: Ten years ago there was one laboratory here; today more than a hundred firms.
    visual: {kind: icon, name: network}

  - type: image
    src: photo.png                  # your own photograph in its place (JPEG, PNG, WebP)
    title: {zh: 展厅一角, en: A Corner of the Hall}
    caption:
      zh: 换上你的照片。focus 是裁切时保留的位置，zoom 让画面缓缓推近。
      en: >-
        Put your own photograph here. focus is what stays in view when it is
        cropped; zoom moves slowly closer.
    credit: {zh: 图片：示例, en: "Picture: an example"}
    focus: [0.5, 0.4]
    zoom: 1.08

  - type: gallery                   # swipe (or tap the edges) from photo to photo
    title: {zh: 展厅里的一天, en: A Day in the Hall}
    photos:
      - src: photo.png
        caption:
          zh: 黄昏。双指捏合可以放大，双击复原。
          en: Dusk. Pinch to look closer; double-tap to see it whole.
        credit: {zh: 图片：示例, en: "Picture: an example"}
      - src: photo-2.png            # a portrait photo: cropped around its focus
        caption: {zh: 清晨, en: Dawn}
        focus: [0.5, 0.3]

  - type: video
    src: clip.mp4                   # your own film in its place (MP4, MOV, WebM, MKV)
    title: {zh: 流动的城市, en: The City in Motion}
    caption: {zh: 视频在轮播中静音循环播放, en: Videos loop without sound in the show}
    # advance: end                  # the loop moves on when the video ends (with a loop)

  - type: pdf
    src: pages.pdf                  # a designer's PDF: each page a slide (pages: [1, 3])

  - type: chart
    title: {zh: 十年的变化, en: Ten Years of Change}
    chart:
      kind: compare
      before_label: {zh: 2014年, en: "2014"}
      after_label: {zh: 2024年, en: "2024"}
      items:
        - label: {zh: 居民收入, en: Income}
          before: 3.7
          after: 7.2
          unit: {zh: 万元, en: yuan}
          scale: {en: 10000}            # 3.7万元 reads 37,000 yuan in English
        - {label: {zh: 优良天数, en: Good-air days}, before: 52.1, after: 81.9, unit: "%"}

  - type: points
    title: {zh: 下一步, en: What Comes Next}
    points:
      - heading: {zh: 科技创新, en: Innovation}
        detail: {zh: 建设实验室, en: New laboratories}
        icon: chip
      - heading: {zh: 绿色发展, en: Green growth}
        detail: {zh: 守护长江, en: Protecting the river}
        icon: river

  - type: closing
    title: {zh: 谢谢观看, en: Thank You}
    subtitle: {zh: 欢迎再来, en: Come again}
"""


class FolderInUseError(Exception):
    """The folder already holds a show: nothing is overwritten."""


def init(folder: Path) -> list[Path]:
    """Write a new show into ``folder`` (made if needed): the files written."""
    files = {folder / "config.yaml": CONFIG, folder / "slides" / "deck.yaml": DECK,
             folder / "config.schema.json": _json(config_json_schema()),
             folder / "slides" / "deck.schema.json": _json(model_json_schema())}
    there = [path for path in files if path.exists()]
    if there:
        raise FolderInUseError(f"{there[0]} exists already: kiosk init writes into a new or "
                          "empty folder, and overwrites nothing")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    photo = folder / "slides" / "photo.png"
    photo.write_bytes(example_photo())
    dawn = folder / "slides" / "photo-2.png"
    dawn.write_bytes(example_photo(900, 1200, dawn=True))
    clip = example_video(folder / "slides" / "clip.mp4")
    pages = folder / "slides" / "pages.pdf"
    pages.write_bytes(example_document())
    return [*files, photo, dawn, clip, pages]


def example_document(title: str = "A page of your own design") -> bytes:
    """A one-page PDF (16:9, a title on a dark field), written by hand: no library."""
    width, height = 960, 540
    content = (f"0.04 0.09 0.16 rg 0 0 {width} {height} re f "
               f"0.91 0.69 0.29 rg 72 300 160 6 re f "
               f"BT /F1 44 Tf 0.96 0.95 0.92 rg 72 330 Td ({title}) Tj ET").encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
               f"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".encode(),
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def example_video(path: Path, seconds: int = 4, rate: int = 25) -> Path:
    """An H.264 clip to stand for a film: light moving across a dusk sky, made here."""
    import av
    import numpy as np

    width, height = 960, 540  # (half a wall: sharp enough; 640 x 360 was warned of as soft)
    ys = np.linspace(0.0, 1.0, height)[:, None]
    xs = np.linspace(0.0, 1.0, width)[None, :]
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=rate)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for n in range(seconds * rate):
            glow = np.exp(-((xs - n / (seconds * rate)) ** 2) * 18)  # light moving across
            red = 24 + 200 * ys + 30 * glow
            green = 40 + 120 * ys + 30 * glow
            blue = 90 + 40 * ys + 20 * glow
            pixels = np.clip(np.stack([red, green, blue], axis=-1), 0, 255).astype(np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def example_photo(width: int = 1600, height: int = 900, *, dawn: bool = False) -> bytes:
    """A PNG to stand for a photograph: a dusk (or dawn) sky over a dark ground, made
    here (no picture ships with the code)."""
    horizon = int(height * (0.6 if dawn else 0.68))
    rows = []
    for y in range(height):
        if y < horizon:
            t = y / horizon
            colour = (round(60 + 190 * t), round(110 + 110 * t), round(170 + 40 * t)) \
                if dawn else (round(24 + 200 * t), round(40 + 120 * t), round(90 + 40 * t))
        else:
            colour = (20, 26, 38)
        rows.append(b"\x00" + bytes(colour) * width)
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + \
        chunk(b"IEND", b"")


def _json(schema: dict[str, object]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
