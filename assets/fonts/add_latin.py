"""Add the Latin letters Noto Sans CJK lacks (Ł, ř, ş, ő...) to the shipped subsets, from
Source Sans 3, whose design the CJK font's own Latin is (scaled by about 1.12).

Run from the repository root, once, after ``make_subset.py``::

    npm pack @fontsource/source-sans-3 && tar xzf fontsource-source-sans-3-*.tgz
    python assets/fonts/add_latin.py package/files

It reads ``source-sans-3-latin-ext-{400,700}-normal.woff`` from that folder and adds every
character of them above U+00FF that the subsets lack, as outlines of their own (the CFF
font's CID-keyed glyphs, drawn in the faces' Latin private dictionaries), with their
widths, in both weights. Source Sans 3: Adobe, SIL Open Font License 1.1, with Reserved
Font Name "Source" (``OFL-SourceSans3.txt``); the subsets keep their own name.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
FACES = (("NotoSansSC-Kiosk-Regular.otf", 400, 1.117), ("NotoSansSC-Kiosk-Bold.otf", 700, 1.122))
"""The subset, the Source Sans 3 weight drawn into it, and the scale (the CJK font's Latin
advances over Source Sans 3's, measured on a, n, o, H)."""
ASCENT = 880
"""The CJK font's vertical origin: a glyph's top side bearing in vertical metrics."""


def add(subset: Path, latin: Path, scale: float) -> str:
    """Add ``latin``'s characters that ``subset`` lacks; the characters added."""
    font, source = TTFont(subset), TTFont(latin)
    have, give = font.getBestCmap(), source.getBestCmap()
    glyphs = source.getGlyphSet()
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    strings, order = top.CharStrings, font.getGlyphOrder()
    latin_fd = top.FDSelect[order.index(have[ord("a")])]
    private = top.FDArray[latin_fd].Private
    used = {int(name[3:]) for name in order if name.startswith("cid")}
    free = (cid for cid in range(1, 65535) if cid not in used)
    added = []
    for code, name in sorted(give.items()):
        if code in have or code <= 0xFF:
            continue
        recorded = DecomposingRecordingPen(glyphs)
        glyphs[name].draw(recorded)
        width = round(glyphs[name].width * scale)
        pen = T2CharStringPen(width, None)
        recorded.replay(TransformPen(pen, (scale, 0, 0, scale, 0, 0)))
        bounds = BoundsPen(None)
        recorded.replay(TransformPen(bounds, (scale, 0, 0, scale, 0, 0)))
        box = bounds.bounds or (0, 0, 0, 0)
        glyph = f"cid{next(free):05d}"
        strings.charStringsIndex.append(pen.getCharString(private=private,
                                                          globalSubrs=cff.GlobalSubrs))
        strings.charStrings[glyph] = len(strings.charStringsIndex) - 1
        top.charset.append(glyph)
        top.FDSelect.gidArray.append(latin_fd)
        order.append(glyph)
        font["hmtx"].metrics[glyph] = (width, round(box[0]))
        font["vmtx"].metrics[glyph] = (1000, max(0, ASCENT - round(box[3])))
        for table in font["cmap"].tables:
            if table.isUnicode() and (code <= 0xFFFF or table.format in (12, 13)):
                table.cmap[code] = glyph
        added.append(chr(code))
    font.setGlyphOrder(order)
    font["maxp"].numGlyphs = len(order)
    font.save(subset)
    return "".join(added)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="folder of Source Sans 3's .woff files")
    args = parser.parse_args()
    for subset, weight, scale in FACES:
        latin = args.source / f"source-sans-3-latin-ext-{weight}-normal.woff"
        added = add(HERE / subset, latin, scale)
        print(f"{subset}: {len(added)} characters added ({added[:40]}...)")


if __name__ == "__main__":
    main()
