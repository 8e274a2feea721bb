"""Key figures as text: the number with its decimals, qualifier and unit, per language.

Chinese places a qualifier where the article writes it: 近3500项, 超千亿元 and 突破1万家
before the number, 1500余家 and 50多所 between number and unit, 30家左右 after the unit.
English says "nearly 3,500 items", "over 1,500 firms", "about 30".
"""

from __future__ import annotations

import dataclasses
import math
import re
from decimal import ROUND_HALF_UP, Decimal

from kiosk.deck.model import Figure
from kiosk.deck.precision import decimals_of

QUALIFIERS_BEFORE = {"近", "约", "超", "突破", "逾"}
QUALIFIERS_BETWEEN = {"余", "多"}
QUALIFIERS_AFTER = {"左右"}
ENGLISH = {"近": "nearly", "约": "about", "超": "over", "突破": "over", "逾": "over", "余": "over",
           "多": "more than", "左右": "about"}


@dataclasses.dataclass(frozen=True)
class FigureText:
    """A figure split for drawing: small text before, the big number, small text after."""

    before: str
    number: str
    after: str

    def __str__(self) -> str:
        return f"{self.before}{self.number}{self.after}"


MINUS = "\u2212"


def format_number(value: float, decimals: int, lang: str, *, group: bool = False) -> str:
    """The number with exactly ``decimals`` decimals; English groups thousands, Chinese
    from five digits on (3500 and 12,450, as GB/T 15835 and the press write them), or
    from four with ``group`` (an axis whose 10,000 stands over 5,000)."""
    if not math.isfinite(value):
        return "–"
    rounded = Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    # (as the number is written, half up: 0.85 to one decimal is 0.9, as a reader rounds
    # it, not 0.8 for the binary 0.8499…)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0.0"
    grouped = abs(rounded) >= (10_000 if lang.startswith("zh") and not group else 1000)
    spec = f"{',' if grouped else ''}.{decimals}f"
    return format(rounded, spec).replace("-", MINUS)  # (the minus sign, not a hyphen)


COMPACT = {"zh": ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")),
           "en": ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"))}
"""Large numbers shortened as each language writes them: 3亿, 300 million."""
COMPACT_AXIS = {"zh": 1e5, "en": 1e6}
"""From where an axis's ticks are shortened (320万, 3 million)."""
COMPACT_VALUE = {"zh": 1e8, "en": 1e9}
"""From where a chart's values are (73.2亿元, 7.32 billion yuan); below it, values round in
the axis's step are too (25万件, 3.2 million, as a figure writes them; 1,234,567 stays,
not rounded to 1.23 million)."""
COMPACT_DECIMALS = 2
NEARLY = 1 - 5e-5
"""A number this close to a unit is written in it: 999,999,999,999 is 1万亿, not the
10,000亿 it would round to in 亿."""


MAGNITUDES = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4))
"""The magnitudes a Chinese unit may start with (万吨, 亿元), largest first."""


ENGLISH_MAGNITUDES = (("trillion", 1e12), ("billion", 1e9), ("million", 1e6))
"""The magnitudes an English unit may start with (billion tonnes), largest first."""


def magnitude(unit: str) -> tuple[float, str]:
    """A Chinese unit's magnitude as a factor, and the rest of it: 万吨 is (10,000, 吨),
    亿元 (100,000,000, 元); 千克 and 件 have none (1, the unit)."""
    return next(((factor, unit[len(prefix):]) for prefix, factor in MAGNITUDES
                 if unit.startswith(prefix)), (1.0, unit))


def english_magnitude(unit: str) -> tuple[float, str]:
    """An English unit's magnitude word as a factor, and the rest of it: "billion
    tonnes" is (1e9, " tonnes"); "km" has none (1, the unit)."""
    first, _, after = unit.partition(" ")
    return next(((factor, f" {after}" if after else "") for word, factor in
                 ENGLISH_MAGNITUDES if first == word), (1.0, unit))


def regrouped(largest: float, unit: str, lang: str) -> tuple[float, str]:
    """For values in a unit written with a magnitude (万吨, 万件; billion tonnes), up
    to ``largest``: what they are multiplied by and the unit they are written in, so
    that the number is under 10,000 (under 1,000 in English) and at least 1 where a
    magnitude allows: 25,000万吨 is 2.5亿吨 and 0.08万件 800件, as Chinese writes them;
    0.815 billion is 815 million. (1, ``unit``) otherwise."""
    chinese = lang.startswith("zh")
    factor, rest = magnitude(unit) if chinese else english_magnitude(unit)
    if factor == 1.0:
        return 1.0, unit
    if not largest:  # (nothing, in no magnitude: 0元, not 0万元)
        return factor, rest if chinese else rest.lstrip()
    total = abs(largest) * factor
    if chinese:
        prefix, written = next(((p, f) for p, f in MAGNITUDES if total >= f * NEARLY),
                               ("", 1.0))
        return factor / written, prefix + rest
    word, written = next(((w, f) for w, f in ENGLISH_MAGNITUDES if total >= f * NEARLY),
                         ("", 1.0))
    return factor / written, (word + rest) if word else rest.lstrip()


def round_in(value: float, divisor: float) -> bool:
    """Whether ``value`` counted in ``divisor``s is exact to COMPACT_DECIMALS (2.5 million,
    not 999,999,999 as a rounded 1 billion)."""
    counted = short(value, divisor)
    return counted == round(counted, COMPACT_DECIMALS)


SMALLEST_SHARED = {"zh": 0.1, "en": 1.0}
"""Values shown together share a magnitude only where none of them reads less than this
in it (0.9万吨 beside 1.6万吨; 700公里 beside 4.5万公里 is 700 and 45,000公里, not 0.07万);
English does not write 0.12 billion (120 million beside 7,320 million)."""


@dataclasses.dataclass(frozen=True)
class Alike:
    """How values shown together (a chart's bars, a legend's parts) are all written: in
    the magnitude of the unit that ``among`` is written in (万吨, 吨), and divided by
    ``step`` (1.5亿元 and 0.9亿元); None where each is written its own way."""

    among: float | None = None
    step: tuple[float, str] | None = None


def alike(values: list[float], unit: str, lang: str) -> Alike:
    """One way of writing ``values`` shown together, so that they compare at a glance:
    the largest magnitude in which each reads at least SMALLEST_SHARED and none loses a
    decimal it has (to two; 12.345万吨 stays as written). Where a unit has no magnitude
    (元, tonnes), the largest short form of the same kind (亿, million). Where none
    keeps them all, the unit's own magnitude (万吨, as the author wrote them)."""
    chinese = lang.startswith("zh")
    own = (magnitude(unit) if chinese else english_magnitude(unit))[0] != 1.0
    for candidate in sorted({abs(v) for v in values if v}, reverse=True):
        if own:
            by = regrouped(candidate, unit, lang)[0]
            if all(_reads_in(v, 1 / by, lang) for v in values):
                return Alike(among=candidate)
        else:
            step = compact_step(candidate, lang, axis=False)
            if step[0] == 1.0 and max(abs(v) for v in values) >= IN_FULL_BELOW and all(
                    abs(v) < IN_FULL_BELOW or round_in(v, compact_step(v, lang)[0])
                    for v in values):  # (none but in full: each in its own, 329 million
                break  # beside 850,000, not 329,000,000, which a visitor does not read at
                # 2 m, trial 33; where a large one cannot be written short, all in full:
                # not 74.51 million beside 90,806,000, trial 34)
            if all(_reads_in(v, step[0], lang) for v in values):
                return Alike(step=step)
    if own:  # (in the author's own unit: 51200万吨 beside 110119万吨, not 5.12亿吨 beside
        return Alike(among=1.0)  # 11.0119亿吨, nor 11.01亿吨, which it is not)
    return Alike()


IN_FULL_BELOW = 1e7
"""Values shown together are written in full to share a way of writing only where none
is this large (eight digits and more read as a row of zeros)."""


def _reads_in(value: float, divisor: float, lang: str) -> bool:
    """Whether ``value`` counted in ``divisor``s reads at least SMALLEST_SHARED (or is
    nothing) and keeps its decimals, to COMPACT_DECIMALS."""
    if not value:
        return True
    counted = short(value, divisor)
    kept = max(COMPACT_DECIMALS, decimals_of(value))
    least = SMALLEST_SHARED["zh" if lang.startswith("zh") else "en"]
    return abs(counted) >= least * NEARLY and counted == round(counted, kept)


def short(value: float, divisor: float) -> float:
    """``value`` counted in ``divisor``s (3.2 for 320000000 in 亿), without binary noise."""
    return float(f"{value / divisor:.12g}")


def short_decimals(value: float, divisor: float) -> int:
    """The decimals of ``value`` written short: its own, at most COMPACT_DECIMALS."""
    return min(decimals_of(short(value, divisor)), COMPACT_DECIMALS)


def compact_step(largest: float, lang: str, *, axis: bool = True) -> tuple[float, str]:
    """What a number as large as ``largest`` is divided by to be written short, and what
    follows it (1 and "" when it is short enough as it is)."""
    key = "zh" if lang.startswith("zh") else "en"
    if abs(largest) < (COMPACT_AXIS if axis else COMPACT_VALUE)[key]:
        if not axis and abs(largest) >= COMPACT_AXIS[key] * NEARLY:
            step = next((d, s) for d, s in COMPACT[key] if abs(largest) >= d * NEARLY)
            if round_in(largest, step[0]):
                return step  # (2.3 million hectares, as a figure writes it; 1,234,567
        return 1.0, ""  # stays as it is)
    return next((d, s) for d, s in COMPACT[key] if abs(largest) >= d * NEARLY)


def figure_value(figure: Figure, lang: str) -> float | None:
    """The number a figure shows in ``lang`` (its per-language override, if any)."""
    if figure.value is None:
        return None
    if figure.values and lang in figure.values:
        return figure.values[lang]
    return figure.value


def figure_decimals(figure: Figure, lang: str) -> int:
    """Decimals a figure shows in ``lang``."""
    if figure.decimals is not None and not (figure.values and lang in figure.values):
        return figure.decimals
    value = figure_value(figure, lang)
    return decimals_of(value) if value is not None else 0


def quantity(number: str, unit: str, qualifier: str | None, lang: str) -> FigureText:
    """A number (already written out) with its unit and qualifier, split for drawing:
    the one rule for figures and chart labels, in every language."""
    q = qualifier
    if lang.startswith("zh"):
        before = q if q in QUALIFIERS_BEFORE else ""
        between = q if q in QUALIFIERS_BETWEEN else ""
        after_unit = q if q in QUALIFIERS_AFTER else ""
        factor, rest = magnitude(unit)
        digits = number.replace(",", "")
        if between and factor != 1.0 and not (digits.isdigit() and digits.endswith("0")):
            # (after the magnitude where the number does not end in a zero: 3.2万余件,
            return FigureText(before, number,  # 12亿多元, not 3.2余万件)
                              f"{unit[:len(unit) - len(rest)]}{between}{rest}{after_unit}")
        return FigureText(before or "", number, f"{between}{unit}{after_unit}")  # (before
        # it where the number is round: 300多万人次, 20余亿元, not 300万多人次)
    word = f"{ENGLISH[q]} " if q else ""
    if number in ("1", "−1", "+1") and not q:  # (1 case, not "1 cases", trial 24; "over
        unit = singular(unit)  # 1 million" and "1.0" keep theirs)
    spaced = unit if not unit or unit in ("%", "‰") else f" {unit}"
    return FigureText(word, number, spaced)


_NOT_PLURALS = frozenset({"species", "series", "means", "news", "corps", "physics", "gas",
                          "bus", "lens", "canvas", "chassis", "status", "census", "campus",
                          "virus", "bonus", "basis", "analysis"})


_IRREGULAR = {"buses": "bus", "viruses": "virus", "children": "child", "women": "woman",
              "people": "person",
              "men": "man", "mice": "mouse", "teeth": "tooth", "feet": "foot"}


def singular(unit: str) -> str:
    """An English unit for a count of one: its first word without a plural's s (cases:
    case, doses of vaccine: dose of vaccine, countries: country); as it is where it has
    no such s (people, km, kWh, species)."""
    first, _, rest = unit.partition(" ")
    if not first.isalpha() or not first.islower() or len(first) < 3 or \
            first in _NOT_PLURALS or first.endswith(("ss", "us", "is")) or \
            not (first.endswith("s") or first in _IRREGULAR):
        return unit
    if first in _IRREGULAR:
        first = _IRREGULAR[first]
    elif first.endswith("ies") and len(first) > 4:
        first = first[:-3] + "y"
    elif first.endswith(("ches", "shes", "xes", "sses")):
        first = first[:-2]
    else:
        first = first[:-1]
    return f"{first} {rest}".strip() if rest else first


HELD = re.compile(r"\s*(?:(?:余|多)?(?:万亿|亿|万)(?:余|多)?|余|多|"
                  r"(?:thousand|million|billion|trillion)\b)")
"""The words after a number that are part of it: a magnitude (万, 亿; million) and a
qualifier before or after it (300多万, 3.2万余)."""


def held_with_number(after: str) -> tuple[str, str]:
    """A number's words split where they may go to a line of their own: what stays
    beside the digits (3.2万余 / 件; 190 million / years ago) and the unit after it."""
    found = HELD.match(after)
    if not found:
        return "", after
    return found.group(), after[found.end():].lstrip()


YEAR_MARKERS = frozenset({"AD", "BC", "BCE", "CE", "A.D.", "B.C."})
"""Units that make a figure a year (1004 AD): written without a thousands separator, and
not counted up from nothing."""


YEAR_WORD = "年"
"""A Chinese unit that makes a whole number from FIRST_YEAR to LAST_YEAR a year
(1978年), where no qualifier says it is a count (2000余年 is two thousand years) and no
other language gives it another unit (years)."""
FIRST_YEAR, LAST_YEAR = 1000, 2100


def is_year(figure: Figure) -> bool:
    """Whether a figure is a year: its unit, in some language, is AD, BC, CE or BCE, or
    it is 1978年 (a whole number of years such as a year's, no qualifier)."""
    unit = figure.unit
    if unit is None or figure.value is None:
        return False
    if any(text.strip() in YEAR_MARKERS for text in unit.all_strings()):
        return True
    return (figure.qualifier is None and float(figure.value).is_integer()
            and FIRST_YEAR <= figure.value <= LAST_YEAR
            and all(text.strip() == YEAR_WORD for text in unit.all_strings()))  # ("years"
    # in English: a length of time, 1,500 years)


def figure_text(figure: Figure, lang: str, fallback: str, value: float | None = None
                ) -> FigureText:
    """The figure as drawn in ``lang``; ``value`` replaces the number (for count-up)."""
    unit = figure.unit.get_text(lang, fallback) if figure.unit else ""
    if figure.text is not None:
        return FigureText("", figure.text.get_text(lang, fallback), unit)
    shown = figure_value(figure, lang) if value is None else value
    assert shown is not None
    if is_year(figure):  # (1004 AD, not 1,004 AD)
        if unit.strip() == YEAR_WORD and not lang.startswith("zh"):
            unit = ""  # (1978年 in English is 1978: the Chinese word, untranslated, not
        return quantity(f"{shown:.0f}", unit, figure.qualifier, lang)  # said after it)
    final = figure_value(figure, lang)
    own = bool(figure.values and lang in figure.values)  # (the decimals are the others')
    zh = lang.startswith("zh")
    if final is not None and (figure.decimals is None or own) and (  # (150 million yuan,
            english_magnitude(unit)[0] == 1.0 if not zh else  # not 150,000,000 yuan;
            magnitude(unit)[0] == 1.0 and abs(final) >= COMPACT_VALUE["zh"]):  # 22.5万亿
        largest, _ = compact_step(final, lang)  # 千瓦时, not 22,500,000,000,000, trial 32;
        divisor, word = next(((d, w) for d, w in COMPACT["zh" if zh else "en"]  # counting
                              if d <= largest and round_in(final, d)), (1.0, ""))  # in
        if divisor != 1.0:  # millions all along; in the largest that keeps its digits:
            number = format_number(short(shown, divisor), decimals_of(short(final, divisor)),
                                   lang)  # 1,324 million, not 1,324,000,000, trial 21)
            said = word.strip() + unit if zh else f"{word.strip()} {unit}".strip()
            return quantity(number, said, figure.qualifier, lang)
    number = format_number(shown, figure_decimals(figure, lang), lang)
    return quantity(number, unit, figure.qualifier, lang)


_YEAR_ZH = re.compile(r"^(公元前|前|公元)?\s*(\d{1,4})\s*年?$")
_YEAR_EN = re.compile(r"^(?:(AD|CE)\s*)?(\d{1,4})\s*(BC|BCE|AD|CE)?$", re.IGNORECASE)


def year_number(text: str) -> float | None:
    """The number a category stands for on a time axis: a plain number (1949, -540), or
    a year as a reader writes it (1293年, 前486年, 486 BC, AD 605): a year before the
    common era as a negative number; None for any other text."""
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        pass
    found = _YEAR_ZH.match(text)
    if found and (found.group(1) or text.endswith("年")):
        return -float(found.group(2)) if found.group(1) in ("前", "公元前") else \
            float(found.group(2))
    found = _YEAR_EN.match(text)
    if found and (found.group(1) or found.group(3)):
        return -float(found.group(2)) if (found.group(3) or "").upper() in ("BC", "BCE") \
            else float(found.group(2))
    return None

