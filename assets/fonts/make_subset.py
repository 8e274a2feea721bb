"""Cut Noto Sans CJK SC down to the CJK Unified Ideographs plus Latin, for the kiosk to ship.

Run from the repository root on Debian with ``fonts-noto-cjk`` installed::

    python assets/fonts/make_subset.py [--source-dir /usr/share/fonts/opentype/noto]

It writes ``NotoSansSC-Kiosk-Regular.otf`` and ``NotoSansSC-Kiosk-Bold.otf`` beside this
script. The family is renamed so that the subset never stands in for a full system copy
of Noto Sans CJK SC; the SIL Open Font License 1.1 (``OFL.txt``) applies to both files.
"""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

HERE = Path(__file__).resolve().parent
FAMILY = "Noto Sans SC Kiosk"
SC_INDEX = 2  # face order in Debian's NotoSansCJK-*.ttc: JP, KR, SC, TC, HK, mono...
WEIGHTS = ("Regular", "Bold")


def gb2312() -> set[str]:
    """Every character of GB 2312 (rows 0xA1-0xF7, cells 0xA1-0xFE)."""
    chars: set[str] = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def unified_ideographs() -> set[str]:
    """Every character of the CJK Unified Ideographs block (U+4E00-9FFF): beyond GB 2312,
    the rarer characters of names and history (乐僔, 王圆箓) and the traditional forms."""
    return {chr(c) for c in range(0x4E00, 0xA000)}


def latin_and_punctuation() -> set[str]:
    """Printable ASCII, Latin-1, Latin Extended-A and -B and Additional (Ōtani, Łódź,
    Dvořák, Nguyễn), Greek, Cyrillic, general and CJK punctuation, full-width forms."""
    ranges = [
        (0x20, 0x7E), (0xA0, 0xFF), (0x100, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF),
        (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x2100, 0x215F),
        (0x2190, 0x21FF), (0x2212, 0x2212), (0x25A0, 0x25FF), (0x3000, 0x303F),
        (0xFF00, 0xFFEF),
    ]
    chars = {chr(c) for lo, hi in ranges for c in range(lo, hi + 1)}
    return {c for c in chars if unicodedata.category(c) not in ("Cn", "Cs", "Co")}


def extra_text(paths: list[Path]) -> set[str]:
    """Characters used by the given text files (decks, the source article)."""
    chars: set[str] = set()
    for path in paths:
        files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
        for file in files:
            chars.update(c for c in file.read_text("utf-8") if c.isprintable())
    return chars


def rename(font, weight: str) -> None:
    """Give the subset its own family name (names 1, 3, 4, 6, 16, 17)."""
    names = font["name"]
    ps_name = FAMILY.replace(" ", "") + "-" + weight
    for record in list(names.names):
        if record.nameID in (16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    for set_name in (names.setName,):
        set_name(FAMILY, 1, 3, 1, 0x409)
        set_name(weight, 2, 3, 1, 0x409)
        set_name(f"{ps_name};subset", 3, 3, 1, 0x409)
        set_name(f"{FAMILY} {weight}", 4, 3, 1, 0x409)
        set_name(ps_name, 6, 3, 1, 0x409)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [ps_name]
        top = cff.topDictIndex[0]
        top.FamilyName = FAMILY
        top.FullName = f"{FAMILY} {weight}"


TWO_EM_DASH = 0x2E3A


def name_two_em_dash(font) -> None:
    """Map U+2E3A TWO-EM DASH to the glyph the font draws for "——".

    The font joins two em dashes into one glyph (a ligature) that no character maps to,
    so a PDF's text layer, which names each glyph by a character of the font's cmap,
    lost the Chinese dash; with this entry it has one (kiosk.export writes "——" for it).
    """
    dash = font.getBestCmap()[0x2014]
    found = set()
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            table = getattr(table, "ExtSubTable", table)
            for first, ligatures in getattr(table, "ligatures", {}).items():
                found.update(lig.LigGlyph for lig in ligatures
                             if first == dash and lig.Component == [dash])
    if len(found) != 1:
        raise SystemExit(f"expected one ligature for two em dashes, found {sorted(found)}")
    (glyph,) = found
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[TWO_EM_DASH] = glyph


PROPORTIONAL = 0xE000
"""The first of the private-use code points given to the proportional glyphs below."""


def name_proportional_punctuation(font) -> list[tuple[int, int]]:
    """Map private-use code points (from U+E000) to the glyphs that the ``pwid`` feature
    draws for punctuation (the narrow “ ” ‘ ’ … of English text) and no character maps
    to: as for "——", a PDF's text layer names a glyph by a character of the cmap, and
    lost them. Returns (private, meant) code point pairs (kiosk/textlayer.py)."""
    cmap = font.getBestCmap()
    named = {glyph for glyph in cmap.values()}
    gsub = font["GSUB"].table
    lookups = {index for record in gsub.FeatureList.FeatureRecord
               if record.FeatureTag == "pwid" for index in record.Feature.LookupListIndex}
    proportional: dict[str, str] = {}
    for index in sorted(lookups):
        for table in gsub.LookupList.Lookup[index].SubTable:
            proportional.update(getattr(getattr(table, "ExtSubTable", table), "mapping", {}))
    pairs = []
    for code in sorted(cmap):
        glyph = proportional.get(cmap[code])
        if glyph is None or glyph in named or unicodedata.category(chr(code))[0] != "P":
            continue
        private = PROPORTIONAL + len(pairs)
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[private] = glyph
        named.add(glyph)
        pairs.append((private, code))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path,
                        default=Path("/usr/share/fonts/opentype/noto"))
    parser.add_argument("--text", type=Path, nargs="*",
                        default=[HERE.parent.parent / "slides"],
                        help="also keep every character of these files or folders")
    args = parser.parse_args()

    wanted = gb2312() | unified_ideographs() | latin_and_punctuation() | extra_text(args.text)
    unicodes = sorted(ord(c) for c in wanted)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = True
    for weight in WEIGHTS:
        collection = TTCollection(args.source_dir / f"NotoSansCJK-{weight}.ttc")
        font = collection.fonts[SC_INDEX]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        name_two_em_dash(font)
        pairs = name_proportional_punctuation(font)
        rename(font, weight)
        out = HERE / f"NotoSansSC-Kiosk-{weight}.otf"
        font.save(out)
        print(f"{out.name}: {len(font.getBestCmap())} characters, "
              f"{out.stat().st_size / 1e6:.2f} MB; proportional punctuation: "
              + ", ".join(f"U+{a:04X} {chr(b)}" for a, b in pairs))


if __name__ == "__main__":
    main()
