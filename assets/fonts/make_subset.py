"""Cut Noto Sans CJK SC down to GB 2312 plus Latin, for the kiosk to ship.

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


def latin_and_punctuation() -> set[str]:
    """Printable ASCII, Latin-1, general and CJK punctuation, full-width forms."""
    ranges = [
        (0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x215F),
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path,
                        default=Path("/usr/share/fonts/opentype/noto"))
    parser.add_argument("--text", type=Path, nargs="*",
                        default=[HERE.parent.parent / "slides"],
                        help="also keep every character of these files or folders")
    args = parser.parse_args()

    wanted = gb2312() | latin_and_punctuation() | extra_text(args.text)
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
        rename(font, weight)
        out = HERE / f"NotoSansSC-Kiosk-{weight}.otf"
        font.save(out)
        print(f"{out.name}: {len(font.getBestCmap())} characters, "
              f"{out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
