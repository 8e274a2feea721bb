"""Text that fits its box: it wraps, then shrinks (down to the smallest size its role
may have), and never spills over the edge: what still does not fit is cut short with an
ellipsis (and the layout audit reports it).

Lines break by the Unicode line-breaking rules Qt applies (UAX #14), which keep Chinese
closing punctuation such as ，。、）」 off the start of a line.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTextBoundaryFinder
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.deck.text import is_han
from kiosk.show import fonts
from kiosk.show.chinesewords import LONGEST as LONGEST_WORD
from kiosk.show.chinesewords import inside_word, word_start, word_starts
from kiosk.show.guard import guarded

ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "center": Qt.AlignmentFlag.AlignHCenter,
         "right": Qt.AlignmentFlag.AlignRight}
MIN_SHRINK = 0.45
ELLIPSIS = "…"


_CLOSING = "，。、；：！？）」』》〉】”’,.;:!?)"


QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "（": "）"}
"""Marks around a term kept on one line where short (a bracket's short aside too:
（2014年 / 贯通）, （中国铁道 / 出版社）, trial 28)."""
BOOK_TITLE_MOST = 0.7
"""A book's title (《…》) up to this share of a line is kept on one line in running text."""
SHORT_TERM = 8  # characters: a quoted term no longer than this is kept on one line
SHORT_LATIN_TERM = (3, 24)  # words, characters: nor a Latin one of this ("Digital Dunhuang")
SLANT = 0.2
"""How far words in italics lean: their top this share of their height to the right."""
NAME_IN_ITALICS = (3, 48)
"""Words and characters up to which a name in italics is kept on one line: a species' name
of three (Neophocaena asiaeorientalis / asiaeorientalis, trial 25)."""


def _open_quote(text: str, start: int, end: int,
                fits: Callable[[str], bool] | None = None) -> int | None:
    """Where a short quoted term that a break at ``end`` would split opens (after
    ``start``), or else a book's title (《…》) that ``fits`` whole; or None."""
    if end >= len(text):
        return None
    for titles in (False, True) if fits is not None else (False,):
        for opening, closing in QUOTES.items():
            if titles and opening != "《":
                continue
            at = text.rfind(opening, start, end)
            if at <= start or closing in text[at:end]:
                continue
            shut = text.find(closing, end)
            if shut != -1 and (fits(text[at : shut + 1]) if titles and fits is not None
                               else _short_term(text[at + 1 : shut])):
                return at
    return None


def _kept_start(text: str, start: int, end: int) -> int | None:
    """Where what a break at ``end`` would split and a line keeps together begins (after
    ``start``), or None: a number with its unit (350 km/ h, a unit of letters either side
    of a slash; 350 / 公里, digits and the Chinese unit after them) and its qualifier (约
    / 2.2万), two names an en dash joins (Beijing– / Zhangjiakou), a word and the particle
    after it (八百万年 / 的)."""
    if not start < end < len(text):
        return None
    before, after = text[end - 1], text[end]
    dash = end - 1 if before in _RANGE_DASHES else end if after in _RANGE_DASHES else -1
    if 1 <= dash < len(text) - 1 and (text[dash - 1].isdigit() or text[dash - 1] in "年") \
            and text[dash + 1].isdigit():  # (a range of years or numbers: 2021— / 2030年,
        begins = dash  # trial 25; the first number with it, and its bracket)
        while begins > start and (text[begins - 1].isdigit() or text[begins - 1] in ".,年"):
            begins -= 1
        if begins > start and text[begins - 1] in _OPENING_FULL + "(":
            return begins - 1 if begins - 1 > start else None
        return _qualified(text, start, begins)
    if before in "/\u2013" and end >= 2 and text[end - 2].isalnum() and after.isalnum():
        # (and a pair joined by an en dash: Beijing– / Zhangjiakou)
        begins = max(text.rfind(" ", start, end - 1), text.rfind("\u00a0", start, end - 1))
        if begins != -1 and text[begins] == "\u00a0":  # (350 km/h: the number too)
            begins = text.rfind(" ", start, begins)
        return begins + 1 if begins + 1 > start else None
    if (before.isdigit() or before in _ROMAN) and is_han(after):  # (Ⅱ / 期, trial 24)
        begins = end - 1
        while begins > start and (text[begins - 1].isdigit() or text[begins - 1] in ".,"
                                  + _ROMAN):
            begins -= 1
        return _qualified(text, start, begins)
    if after.isdigit() and before in "年月" and end >= 2 and text[end - 2].isdigit():
        begins = end - 1  # (a date: 1992年 / 4月3日, trial 32; kept whole from its year)
        while begins > start and (text[begins - 1].isdigit() or text[begins - 1] in "年月"):
            begins -= 1
        return _qualified(text, start, begins)
    if is_han(before) and before not in _NUMERALS and after in _REIGN_YEAR:  # (a reign's
        run = end  # year, its name with it: 明永乐 / 十八年, trial 33; not a count of
        while run < len(text) and text[run] in _REIGN_YEAR:  # years: 都是 / 亿万年)
            run += 1
        begins = max((at for at in word_starts(text) if at < end), default=start)
        if text.startswith("年", run) and run - end <= 3 and end - begins >= 2:
            return begins if begins > start else None
    if is_han(before) and is_han(after):  # (an author before a book's title: 苏基 /
        named = _author_of_title(text, start, end)  # 朗《刺桐梦华录》, trial 34)
        if named is not None:
            return named
    if before in _CONJUNCTIONS and is_han(after) and (end - 1) in word_starts(text) and \
            end in word_starts(text) and end - 1 > start:  # (a conjunction begins the
        return end - 1  # next line: 百年梦想与 / 世纪建设 read as left hanging, trial 32)
    if (after.isdigit() or after in _QUALIFIES) and before in _MEASURES and \
            end - 1 > start and (end - 1) in word_starts(text):  # (a measure and its
        return end - 1  # figure: 宽 / 9.15米, 重 / 约4.5吨, trials 30 and 34)
    if (after.isdigit() or after in _NUMERALS) and before in _QUALIFIES:  # (面积约 /
        # 2.2万, 逾 / 万艘, trial 31: the qualifier with its number)
        return _qualified(text, start, end)
    if is_han(before) and text.startswith(_AFTER_QUANTITY, end):  # (4000米 / 以上: the
        begins = max((at for at in word_starts(text) if at < end), default=start)  # unit
        return begins if begins > start else None  # before it too, trial 28)
    if after in _NEVER_BEGINS and is_han(before):  # (八百万年 / 的: the word before it too)
        begins = max((at for at in word_starts(text) if at < end), default=start)
        return begins if begins > start else None
    return None


def _author_of_title(text: str, start: int, end: int) -> int | None:
    """Where a name a break at ``end`` would split begins, when it stands before a book's
    title (《), up to AUTHOR characters from a mark or the text's start (苏基朗《刺桐梦华录》
    in a list of sources)."""
    close = end
    while close < len(text) and is_han(text[close]) and close - end < AUTHOR:
        close += 1
    if not text.startswith("《", close):
        return None
    begins = end - 1
    while begins > start and is_han(text[begins - 1]) and close - begins <= AUTHOR:
        begins -= 1
    if close - begins > AUTHOR or (begins > 0 and text[begins - 1] not in _BEFORE_A_NAME):
        return None
    return begins if begins > start else None


AUTHOR = 4
"""The longest name kept with the book title after it (a Chinese name of two to four)."""
_BEFORE_A_NAME = "；;，,、：: 》）)"
"""What a name before a book's title follows in a list of sources."""

_RANGE_DASHES = "\u2013\u2014~～"
"""Dashes between the two ends of a range (2021—2030年, 1954–2024)."""
_AFTER_QUANTITY = ("以上", "以下", "左右")
"""Words that end a quantity (4000米以上): a line does not begin with one."""
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
"""Roman numerals of one character (Ⅱ期, Ⅲ型): numbers, kept with what they count."""


def _qualified(text: str, start: int, begins: int) -> int | None:
    """Where a number beginning at ``begins`` begins with the qualifier before it (约,
    近, 突破), or None when that is the line's start."""
    for qualifier in sorted(_QUALIFIERS, key=len, reverse=True):
        if text[max(start, begins - len(qualifier)):begins] == qualifier:
            begins -= len(qualifier)
            break
    return begins if begins > start else None


_QUALIFIERS = ("约", "近", "超", "逾", "达", "突破", "超过", "将近", "前", "公元前", "公元")
"""Words before a number that go with it: a line does not end on them (nor on the 前 of
前486年: alone under it, 486年 read as a year of the common era, trial 23)."""
_QUALIFIES = "".join({q[-1] for q in _QUALIFIERS})
_NEVER_BEGINS = "的了着过地得"
"""Particles a Chinese line never begins with: they end the phrase before them."""


def _short_term(term: str) -> bool:
    """Whether a quoted term is short enough to be kept on one line: a few characters,
    or a few Latin words (a name: “Digital Dunhuang”, not a quoted sentence)."""
    if len(term) < SHORT_TERM:
        return True
    words, characters = SHORT_LATIN_TERM
    return term.isascii() and len(term.split()) <= words and len(term) <= characters


def _squeezed(line: str, em: float) -> list[tuple[str, float]]:
    """``line`` in pieces, each with how far left of the previous piece's end it is
    drawn: half an em where two full-width marks meet with a half em of space each
    (：“ or ）。: one em of nothing between their ink, as Chinese type never sets it)."""
    pieces: list[tuple[str, float]] = []
    start, shift = 0, 0.0
    for n in range(1, len(line)):
        before, after = line[n - 1], line[n]
        if (before in _CLOSING_FULL and after in _OPENING_FULL + _CLOSING_FULL) or (
                before in _OPENING_FULL and after in _OPENING_FULL):
            pieces.append((line[start:n], shift))
            start, shift = n, em * 0.5
    pieces.append((line[start:], shift))
    return pieces


_EMPHASIS = re.compile(r"\*(?=\S)([^*\n]*?\S)\*")
"""Words between asterisks, set in italics (*Teinopalpus aureus*): a scientific name, a
ship's, a book's."""


def emphasised(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without the asterisks that set words in italics, and where those words
    are in it (start, end); a lone asterisk stays as written."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for found in _EMPHASIS.finditer(text):
        plain.append(text[at:found.start()])
        start = sum(map(len, plain))
        plain.append(found.group(1))
        spans.append((start, start + len(found.group(1))))
        at = found.end()
    plain.append(text[at:])
    return "".join(plain), spans


def _runs(piece: str, start: int, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``piece`` (at ``start`` in its text) in runs, each italic or not: Chinese
    characters stay upright (type never slants them: a slanted 舻 touched its closing
    quote, trial 23)."""
    runs: list[tuple[str, bool]] = []
    for n, char in enumerate(piece):
        italic = ord(char) < 0x2E80 and any(a <= start + n < b for a, b in spans)
        if runs and runs[-1][1] == italic:
            runs[-1] = (runs[-1][0] + char, italic)
        else:
            runs.append((char, italic))
    return runs


def _stranded(last: str, before: str) -> bool:
    """A last line of a third of the line before, or less (closing punctuation aside)."""
    return len(last.strip().rstrip(_CLOSING)) * 3 <= len(before.strip())


WORD = re.compile(r"[A-Za-z0-9'’.,\u00a0\u2011-]{2,}")
"""A word of Latin letters: not broken across lines (the text shrinks, or is cut); with
what is laid out as one (``_laid``: About 90 minutes, its spaces no-break ones)."""
RANGE = re.compile(r"[（(]?\d[\d.,]*年?[\u2013\u2014~～]\d[\d.,]*年?[）)]?")
"""A range of years or numbers, with its brackets: not broken either (2021— / 2030年)."""
PHRASED = ("label", "note", "heading", "detail", "kicker")
"""Roles of short texts (a figure's label and note, a card's heading) whose two lines end at
their pauses where they then take no more lines, as a label is set by hand."""
BALANCE_LIMIT = 120
"""Characters up to which a balanced text (a title) is broken by searching every way."""
_HANGING = "，。、；：！？”’」』》）"
"""Full-width punctuation, mostly space, that a centred line ending in it is centred
without (on its ink)."""
_OPENING_FULL = "“‘（《「『【〈〔"
"""Full-width opening punctuation: its ink in the right half of its em, the left half
space (hung into the margin at the start of a line, squeezed after another mark)."""
_CLOSING_FULL = "，。、；：！？”’」』》）〉】〕"
"""Full-width closing punctuation: its ink in the left half, the right half space."""
_PAUSES = "，。、；：！？,;:!?—·）」』》”"
"""After these a line may end where the text pauses (a title breaks there first)."""


CONNECTED = (2, 5)
"""Characters before and after a dash joining two Chinese names that a line does not
break among (a place's name takes two to five: 东亚—澳大利西亚)."""


def _at_connector(text: str, at: int) -> bool:
    """Whether ``at`` is within CONNECTED of a single dash between two Chinese characters,
    which joins two names as one (东亚—澳大利西亚迁飞区: a connector, not the pause of a
    doubled ——; "东亚— / 澳大利西亚", then "澳大利 / 西亚", trial 41)."""
    before, after = CONNECTED
    for dash in range(max(1, at - after), min(len(text) - 1, at + before)):
        if text[dash] == "—" and is_han(text[dash - 1]) and is_han(text[dash + 1]) and \
                all(is_han(char) for char in text[max(0, dash - before):dash]) and \
                all(is_han(char) for char in text[dash + 1:at]):
            return True
    return False


def _balanced(text: str, metrics: QFontMetricsF, width: float, count: int,
              names: tuple[tuple[int, int], ...] = ()) -> tuple[float, list[str]] | None:
    """``text`` in ``count`` lines of about equal length, none wider than ``width``,
    broken after punctuation where that costs little (a headline typeset by hand:
    "Firm Confidence, / Full Effort, / Shouldering the Load", not "... Full / ... / the
    Load"); with what they cost (see ``_break_cost``); None when it does not fit in
    ``count`` lines."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    breaks = [0]
    while (at := finder.toNextBoundary()) != -1:
        if at == len(text) or (_open_quote(text, 0, at) is None and (
                _kept_start(text, 0, at) is None or _after_dash(text, at))):
            breaks.append(at)  # (not inside a quoted term, a quantity, nor Beijing–Zhang…
            # but at a cost, for a chain of names too long for a line)
    breaks = sorted(set(breaks) | {at for at in range(1, len(text)) if text[at - 1] in
                                   _CLOSING_FULL and text[at] in _OPENING_FULL})
    breaks = [at for at in breaks if not any(a < at < b for a, b in names)  # (nor
              and not _at_connector(text, at)]  # inside a name in italics: From Camellia
    # / sinensis, trial 27; nor at a dash that joins two names: 东亚— / 澳大利西亚, t. 41)
    # (between full-width marks that close and open, ”（ and ）“, where Qt's rules find
    # no break: “人造太阳” / （1954—2024）, not （1954 / —2024）, trial 22)
    if breaks[-1] != len(text):
        breaks.append(len(text))
    target = metrics.horizontalAdvance(text) / count
    size = metrics.height()  # (about 1.45 em)
    # Widths of lines by sums of the characters' advances (a line's true width differs
    # by kerning only): each candidate line costs a subtraction, not a layout.
    widths = [0.0]
    for char in text:
        widths.append(widths[-1] + metrics.horizontalAdvance(char))
    starts = [len(text)] * (len(text) + 1)  # the first non-space at or after n
    for n in range(len(text) - 1, -1, -1):
        starts[n] = n if not text[n].isspace() else starts[n + 1]
    ends = [0] * (len(text) + 1)  # just after the last non-space before n
    for n in range(1, len(text) + 1):
        ends[n] = n if not text[n - 1].isspace() else ends[n - 1]
    costs = [_break_cost(text, at, size) for at in breaks]
    heads = [found.end() for found in _HEAD_ENDS.finditer(text)]
    listed = [bool(heads) and text[:at].rstrip()[-1:] in _LIST_MARKS for at in breaks]
    last = len(breaks) - 1
    best: dict[tuple[int, int], tuple[float, int]] = {(0, 0): (0.0, -1)}
    for lines in range(1, count + 1):
        for j in range(1, len(breaks)):
            found: tuple[float, int] | None = None
            for i in range(j - 1, -1, -1):
                a, b = starts[breaks[i]], ends[breaks[j]]
                wide = widths[b] - widths[a] if b > a else 0.0
                if wide > width * 1.02:
                    break  # (longer lines, further back, are wider still)
                before = best.get((i, lines - 1))
                if before is None or not wide:
                    continue
                cost = before[0] + ((wide - target) / target) ** 2 + (
                    costs[j] if j < last else 0.0)
                if j < last and listed[j] and any(a < head < breaks[j] for head in heads):
                    cost += RUN_ON  # (a line that runs on past its head's colon, to a
                    # comma of its subtitle's list: Next Stop: Faster, / Greener, …)
                if found is None or cost < found[0]:
                    found = (cost, i)
            if found is not None:
                best[(j, lines)] = found
    if (last, count) not in best:
        return None
    cuts, at = [], last
    for lines in range(count, 0, -1):
        cuts.append(breaks[at])
        at = best[(at, lines)][1]
    cuts.append(0)
    cuts.reverse()
    chosen = [text[a:b].strip() for a, b in itertools.pairwise(cuts)]
    if any(metrics.horizontalAdvance(line) > width + 0.5 for line in chosen):
        return None  # (kerning made one too wide: the lines as evened, then)
    return best[(last, count)][0], chosen


_HEAD_ENDS = re.compile(r"[:?!](?=\s+\S)|[：？！](?=\S)")
"""Where a title's head ends and its subtitle begins (Next Stop: Faster…; 千年窑火不熄：
从…): a colon, question or exclamation mark with words after it (not 3:1)."""
_LIST_MARKS = ",，、;；"
"""Marks between the items of a list."""
RUN_ON = 0.3
"""What a break at a list's comma adds on a line that runs on past its title's colon:
"Next Stop: Faster, / Greener, Further" evens the lines but breaks the list its colon
opens, where "Next Stop: / Faster, Greener, Further" keeps it whole (trial 28): more
than the pause gains, and than a line half as long as the next costs."""
PAUSE = -0.15
"""What a break after punctuation adds to a balanced text's cost (whose unit is a line's
squared difference from the mean length, as a share of it): a line 27 % longer than the
others is worth a break at a colon."""
INSIDE = 0.3
"""What a break inside a word adds: inside a compound (Thousand- / Year)."""
INSIDE_WORD = 0.8
"""What a break inside a Chinese word adds (今 / 晚): more than a line twice as long as
the next (抬头看看今晚的 / 星空吧 reads; 抬头看看今 / 晚的星空吧 does not)."""
BETWEEN_WORDS = 0.2
"""What a break between two Chinese words adds (鼓足 / 干劲 is no break at a space)."""
ONE_CHARACTER = 2.5
"""A break after a Chinese word of one character (not a particle, 到 or a place word)
costs this many times a break between words: 大 of 大爆发, 新 of 新城区 lean on the word
they modify."""
AFTER_PARTICLE = 0.1
"""What a break between Chinese words after a particle or conjunction, or before a
preposition, adds: such a break ends a phrase (今晚的 / 星空, 工厂 / 从御窑厂)."""
BETTER_BREAK = 0.5
"""A balanced text (a title) is set up to an eighth smaller where its breaks cost this
much less so (a break inside a phrase and none at its colon: 0.8 more)."""
PAUSES_SMALLEST = 0.9
"""A balanced text is set up to a tenth smaller than asked to end every line at a pause."""
SUBTITLE_SMALLEST = 0.7
"""A balanced text is set up to a quarter smaller to end a line at its colon (its
subtitle on lines of its own), but not below this share of the size asked for."""
EXTRA_LINE = 0.2
"""What a line more than the text needs adds (a title takes it to break at a pause)."""
EXTRA_LINE_OVER_CONTENT = 0.4
"""...and for a slide's title over its content, whose room the line takes: more than a
break between two capitals and a pause gained (China's Trade with Belt / and Road
Partner Countries, / 2023, … in three lines left a donut a quarter smaller, trial 21)."""


_MEASURES = "长宽高深厚重径"
"""Words of one character that say what the number after them measures (宽9.15米)."""
_REIGN_YEAR = "元一二三四五六七八九十"
"""The numerals of a reign's year (永乐十八年, 至元九年, 光绪元年)."""
_CONJUNCTIONS = "与和及或"
_ENDS_PHRASE = "的了着过"
"""Characters after which a Chinese line may end almost as well as at a space (not a
conjunction, 与 和 及 或, which begins the next: 百年梦想与 / 世纪建设 read as left
hanging, trial 32)."""
_BEGINS_PHRASE = "与和及或在向从把被对"
"""Characters before which a line may end as well (never 从 / 御窑厂); not 到, which ends
the phrase 从 begins."""


_NUMERALS = "〇零一二三四五六七八九十百千万亿两"
"""Chinese numerals: a break between one and the next Han character splits a number
from what it counts (一千六百 / 年)."""
_HYPHENATED = re.compile(r"(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])")
"""A hyphen inside a word (Nine-Coloured, 9-kilometre), which a line does not break at."""
_CLOSING_QUOTES = "”’」』》"
_UNIT_WORD = (r"(?!(?:and|or|of|the)\b)(?:[a-z%°‰][a-z]{0,9}|[kMGTm]?(?:W|Wh|V|Hz|J|Pa)|[A-Z]{2,4}|"
              r"[kc]?m[²³])(?!\w)")
"""A word that may be a number's unit: lower case and short (km, trains, billion, %), or
a symbol (MW, kWh, TEU, m³): "3 / MW" split a turbine's size, trial 22; not "and", "or",
"of", "the" (Cave 96 / and the…)."""
_UNIT = re.compile(_UNIT_WORD)
_NUMBER_UNIT = re.compile(r"(?<=\d) (?=" + _UNIT_WORD + ")")
"""The space between a number and its unit, which a line does not break at."""
_EN_QUALIFIERS = ("about", "nearly", "over", "around", "almost", "approximately",
                  "roughly", "some", "under", "than", "least", "only", "above", "below")
"""Words that qualify the number after them (about 400 km): a line does not end on one
(The Middle Yangtze: about / 400 km…, trial 25)."""
_QUALIFIED = re.compile("(?:" + "|".join(rf"(?<=\b{word})" for word in _EN_QUALIFIERS)
                        + r") (?=[\d$€£¥])|(?<=\bmore) (?=than [\d$€£¥])|(?<=\bless) (?="
                        r"than [\d$€£¥])|(?<=\bfewer) (?=than [\d$€£¥])", re.IGNORECASE)
"""The spaces between such words and their number, which a line does not break at."""
_COMPARING = frozenset({"more", "less", "fewer"})
"""Words before "than" and a number (more than 2,500): said with it."""
_PER_CENT = re.compile(r"(?<=\bper) (?=cent\b)")
"""The space in "per cent", a unit of two words (over 60 per / cent, trial 23)."""
_NAMED_NUMBER = re.compile(r"\b(?!(?:On|In|At|By|For|From|Since|To|Of|And|Or|The|Than|"
                           r"Until|Till|Before|After)\b)([A-Z][a-z]{1,11}) (?=\d{1,3}"
                           r"[A-Za-z]?\b(?![.,]\d))")
"""The space in a name made of a word and its number (Cave 96, Hall 3, Gate 2A), which a
line does not break at ("Cave / 96", trial 35)."""
_DAY_MONTH = re.compile(r"(?:(?<=\b\d)|(?<=\b\d\d)) (?=(?:January|February|March|April|May|June|"
                        r"July|August|September|October|November|December)\b)")
"""The space between a day and its month (3 April 1992: not "On 3 / April 1992")."""
_ARTICLE_A = re.compile(r"(?:(?<=(?<![\w’'\-])[Aa])|(?<=(?<![\w’'\-])[Aa]n)) (?=[A-Za-z])")
"""The space after the article "a" or "an", which a line does not end on ("in the Wanli
reign: a / landmark", trial 31; "(an / …", trial 35)."""
_CLOSES_PHRASE = "到"
"""A one-character word that ends the phrase 从 begins: a line may end with it (从御窑厂到 /
世界瓷都), as with a place word (在红土坡上 / 捡到了)."""
_VERBS_ALONE = "是有"
"""Verbs of one character a line ends with as well as with a word of two: they modify
nothing after them (每一个物种都是 / 亿万年演化的奇迹, trial 20)."""
_PREPOSITIONS = "在向从把被对"
"""Characters a line never ends with: a preposition belongs with what follows (从 /
御窑厂 does not read)."""
_POSTPOSITIONS = "上下里中内外旁后"
"""Characters that, as a word of their own, end a place or a time after its noun (在红土坡上,
战乱后, trial 27): a line does not begin with one."""
PLACE_PHRASE = 6
"""Characters from 在 to the place word that closes its phrase, at most."""
_SUBTITLE = "：:—?？!！"
"""Punctuation that sets a title's subtitle off (千年窑火不熄： / 从御窑厂到…): a break
after it is worth twice a break after other punctuation."""


IN_PHRASE = 0.25
"""What a break between two capitalised words of a title adds (Spring / Festival, China
Space / Station): they may be one name; a line of a title ends before its small words."""
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "to", "in", "on", "at", "for", "and",
                          "or", "by", "from", "with", "into", "as", "but", "nor", "than",
                          "is", "are", "was", "were", "has", "have", "had", "can", "will"})
"""Words a line of a title may begin with as well as at a pause: its small words, and a
verb that begins what is said of the words before it (Protecting the Axis / Is
Protecting…, not Protecting / the Axis Is Protecting, trial 33; …Porcelain / Has Been
Found…, trial 34)."""
_AUXILIARIES = frozenset({"has", "have", "had", "been", "be", "will", "can", "is", "are",
                          "was", "were"})
"""Verbs a line reads on after, to the verb they go with (…Porcelain Has / Been Found…):
in a title, as after an article."""


SMALL_WORD_END = 0.28
"""What a title-case title's line ending in a small word (at, of, in) adds: more than a
break between two capitals (IN_PHRASE), which made such lines cheap (trial 20)."""
TITLE_ARTICLE_END = 0.5
"""A title-case title's line ending in an article (Emporium of the / World): worse than a
line more that breaks at its colon."""
ARTICLE_END = 0.1
"""A line ending in an article (Emporium of the / World): read on, but as a line of very
unequal length would be worse."""
_ARTICLES = frozenset({"a", "an", "the"})
_FUNCTION_WORDS = frozenset({"of", "to", "in", "on", "at", "for", "and", "or", "by", "from",
                             "with", "into", "as", "its", "their", "our", "than"})
"""Words a line reads on after (than: More than / Two Centuries…, trial 24)."""
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight",
                           "nine", "ten", "twenty", "thirty", "forty", "fifty", "hundred",
                           "a", "several", "few"})
_PREPOSITIONS_EN = frozenset({
    "aboard", "about", "above", "across", "after", "against", "along", "among", "around",
    "before", "behind", "below", "beneath", "beside", "between", "beyond", "during",
    "inside", "near", "off", "onto", "out", "over", "past", "per", "since", "through",
    "toward", "towards", "under", "until", "upon", "via", "within", "without"})
"""Prepositions a title in title case may leave in lower case (21 Hours aboard
Shenzhou-5 is a title: trial 26)."""
_FRACTIONS = frozenset({"half", "quarter", "third"})
"""Words before "a" in a number said in words (half a billion)."""
_MAGNITUDE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})


def _after_dash(text: str, at: int) -> bool:
    """Whether ``at`` is just after a dash between two names (Zhuhai– / Macao) or two
    years (1954— / 2024, trial 22)."""
    if 1 <= at < len(text) - 1 and text[at] in "\u2013\u2014" and text[at - 1].isdigit() \
            and text[at + 1].isdigit():
        return True  # (before the dash of 1954—2024 as well)
    if not 2 <= at < len(text) or text[at - 1] not in "\u2013\u2014":
        return False
    before, after = text[at - 2], text[at]
    return (before.isalpha() and after.isalpha() and text[at - 1] == "\u2013") or (
        before.isdigit() and after.isdigit())


def _title_case(text: str) -> bool:
    """Whether an English text capitalises its words (A Home for an Industrial Cluster):
    none of its words but the small ones is in lower case (a Great Wall on the sea is
    not); there two capitals side by side say nothing of a name."""
    text = re.sub(r"“[^”]*”|\"[^\"]*\"|\([^()]*\)", "", text)  # (not in a quotation:
    # “I feel good”: Yang Liwei's 21 Hours…, trial 26; nor an aside in brackets: …Found
    # Abroad (estimated shares), whose every break cost as much as inside a name, but
    # for Quanzhou- / Ware, trial 34)
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)  # (Kilowatt-hour: one word)
    small = _ARTICLES | _FUNCTION_WORDS | _PREPOSITIONS_EN | {"and", "but", "nor", "a"}
    return not any(w[0].islower() and w.lower() not in small and len(w) > 2 for w in words)


def _in_place_phrase(text: str, at: int) -> bool:
    """Whether ``at`` is inside a short place phrase, 在 … 上 (在红 / 土坡上): from 在 to
    a place word of its own, a few characters apart, no punctuation between."""
    opens = text.rfind("在", max(0, at - PLACE_PHRASE), at)
    if opens == -1:
        return False
    starts = word_starts(text)
    for end in range(at, min(len(text), opens + PLACE_PHRASE + 1)):
        if not is_han(text[end]):
            return False
        if text[end] in _POSTPOSITIONS and (end + 1 == len(text) or end + 1 in starts):
            return True
    return False


BRACKETED = 0.8
"""What a break inside brackets adds: a bracket's words are read as one aside (Quanzhou
(Song / and Yuan Dynasties), trial 21); as much as a break inside a word, a pause inside
them no pause (江豚出水（湖北· / 天鹅洲故道）, trial 25: set smaller, the aside whole)."""
_BRACKETS = {"(": ")", "（": "）"}


def _in_brackets(text: str, at: int) -> bool:
    """Whether ``at`` is inside a bracket that opens before it and closes after it."""
    for opening, closing in _BRACKETS.items():
        opened = text.rfind(opening, 0, at)
        if opened != -1 and text.rfind(closing, opened, at) == -1 and \
                text.find(closing, at) != -1:
            return True
    return False


_JOINS = "与和及至"
"""Words that join two dates or numbers into one phrase (2014年与2024年, 1954至2024年)."""


def _in_pair_of_dates(text: str, at: int) -> bool:
    """Whether ``at`` is either side of a word joining two dates or numbers."""
    def dated(n: int) -> bool:
        return 0 <= n < len(text) and (text[n].isdigit() or text[n] in "年月日")

    return (1 <= at < len(text) and text[at - 1] in _JOINS and dated(at - 2)
            and text[at].isdigit()) or (at < len(text) - 1 and text[at] in _JOINS
                                        and dated(at - 1) and text[at + 1].isdigit())


def _break_cost(text: str, at: int, size: float) -> float:
    """What a break at ``at`` adds to the cost of a balanced text (more inside brackets,
    ``_cost_here``)."""
    if _in_pair_of_dates(text, at):
        return INSIDE_WORD  # (2014年与 / 2024年: two years compared, read as one)
    if at < len(text) and text[at] in _NEVER_BEGINS and at and not text[at - 1].isspace():
        return INSIDE_WORD  # (（2014年） / 的两千五百年: a line never begins with 的,
        # though after a bracket, a pause, trial 23)
    if at < len(text) and text[at] in _BRACKETS and not _in_brackets(text, at):
        return PAUSE  # (before a bracket's aside: 十年之变：2014年与2024年 / （装机与结构）)
    cost = _cost_here(text, at, size)
    return max(cost, 0.0) + BRACKETED if _in_brackets(text, at) else cost


def _cost_here(text: str, at: int, size: float) -> float:
    """What a break at ``at`` adds to the cost of a balanced text: less after
    punctuation, much more inside a word than at a space between phrases (坚定信心 鼓足干劲
    / 勇挑大梁) or between Chinese words (which a dictionary tells apart), less after a
    particle (的, 与) than between other words, and most between a number and its measure
    word (5,842 / 颗) or after a preposition (从 / 御窑厂)."""
    before = text[:at].rstrip()
    if _after_dash(text, at):
        return INSIDE_WORD * 2  # (Beijing– / Zhangjiakou: only where a name would be
        # split; worse than two breaks between a title's capitals)
    if before and before[-1] in _SUBTITLE:
        return PAUSE * 2
    if before == text[:at] and before and before[-1] in _CLOSING_QUOTES and \
            at < len(text) and is_han(text[at]):
        return BETWEEN_WORDS * 2  # (a quoted term and its noun: “米” / 字形 is no pause)
    if before and before[-1] in _PAUSES:
        return PAUSE
    if before != text[:at] and before[-1:].isdigit() and _UNIT.match(text, at):
        return INSIDE_WORD  # (48,000 / km: a number and its unit are read together)
    if before.endswith("-") and at < len(text) and text[at].isalpha():
        return INSIDE_WORD  # (Nine- / Coloured: a word of two, read as one)
    if before == text[:at] and at < len(text) and before and (
            before[-1].isdigit() or before[-1] in _NUMERALS + _ROMAN) and is_han(text[at]):
        return INSIDE_WORD  # (5,842 / 颗, 一千六百 / 年: a number and what it counts)
    if before == text[:at] and at < len(text) and is_han(text[at - 1]) and is_han(text[at]):
        alone = at + 1 == len(text) or at + 1 in word_starts(text)  # (a word of its own)
        if inside_word(text, at) or text[at - 1] in _PREPOSITIONS or (
                text[at] in _POSTPOSITIONS and alone) or _in_place_phrase(text, at):
            return INSIDE_WORD  # (红土坡 / 上: a place word belongs to its noun)
        if text[at - 1] in _ENDS_PHRASE or text[at] in _BEGINS_PHRASE:
            return AFTER_PARTICLE
        before_start = max((s for s in word_starts(text) if s < at), default=0)
        if at - before_start == 1 and text[at - 1] not in \
                _CLOSES_PHRASE + _POSTPOSITIONS + _VERBS_ALONE:
            return BETWEEN_WORDS * ONE_CHARACTER  # (寒武纪大 / 爆发: a word of one
        return BETWEEN_WORDS  # character leans on the word after it, trial 19)
    if before != text[:at] and before:  # (at a space between Latin words)
        last = before.rsplit(maxsplit=1)[-1].lower()
        following = text[at:].split(maxsplit=1)
        after = following[0].lower().strip(",.;:") if following else ""
        if ((last in _NUMBER_WORDS or last[-1:].isdigit()) and after in _MAGNITUDE_WORDS) \
                or (last in _FRACTIONS and after in _ARTICLES) or (
                last in _EN_QUALIFIERS and after[:1].isdigit()) or (
                last in _COMPARING and after == "than" and len(following) > 1
                and following[1][:1].isdigit()):
            return INSIDE_WORD  # (Ten / Thousand; 540 / Million, trial 19; Half a /
            # Billion; Half / a Billion; about / 400 km, trial 25; More / Than 2,500)
        if ((last.replace(",", "").isdigit() and not re.fullmatch(r"1\d{3}|20\d{2}", last))
                or last in _NUMBER_WORDS - _ARTICLES) and following and \
                following[0][:1].isupper() and _title_case(text):
            return INSIDE_WORD  # (Out of 100 / Units, Two / Centuries: in a title, a count
            # and what it counts; not a year and what follows it, 2024 / Wind Power)
        if last in _ARTICLES:  # (Emporium of the / World; in a title, Every Species Is
            return TITLE_ARTICLE_END if _title_case(text) else ARTICLE_END  # a / Miracle)
        if last in _AUXILIARIES and after.isalpha():
            return TITLE_ARTICLE_END if _title_case(text) else AFTER_PARTICLE / 2  # (its
            # verb with it: Porcelain / Has Been Found, not Porcelain Has / Been, trial 34)
        if last in _FUNCTION_WORDS:  # (a line ending "of" reads on: better before it; in
            return SMALL_WORD_END if _title_case(text) else AFTER_PARTICLE / 2  # a title,
            # worse than a break between its capitals: Birds Counted at / Six…, trial 20)
        raw_last = before.rsplit(maxsplit=1)[-1]
        raw_next = following[0] if following else ""
        named = _NAMED_NUMBER.match(text, len(before) - len(raw_last))
        if named is not None and named.end() == at:
            return INSIDE_WORD  # (a name and its number: Cave / 96, trial 35)
        if raw_last[:1].isupper() and raw_next[:1].isupper() and not _title_case(text) \
                and raw_last[-1:].isalpha():
            return INSIDE_WORD * 2.5  # (The Hong / Kong–Zhuhai…: in a sentence, two
            # capitals side by side are one name; worse than a break after a dash)
        if raw_last[:1].isupper() and raw_last[-1:].isalnum() and (raw_next[:1].isupper()
                or raw_next[:1].isdigit()) and last not in _TITLE_SMALL \
                and after not in _TITLE_SMALL:
            return IN_PHRASE  # (Spring / Festival, Since / 2021, DTP3 / Coverage: in a
            # title, a phrase breaks before its small words, Beijing West / on a…)
    return 0.0


def _laid(text: str) -> str:
    """``text`` as it is laid out: a no-break space between a number and its unit (48,000
    km), in "per cent" and after a word that qualifies a number (about 90), a no-break
    hyphen inside a word."""
    return _HYPHENATED.sub("\u2011", _PER_CENT.sub("\u00a0", _NUMBER_UNIT.sub(
        "\u00a0", _QUALIFIED.sub("\u00a0", _ARTICLE_A.sub("\u00a0", _NAMED_NUMBER.sub(
            "\\1\u00a0", _DAY_MONTH.sub("\u00a0", text)))))))


_CAPITALS = re.compile(r"(?<![\w’'–-])[A-Z][\w’'–-]*(?: [A-Z][\w’'–-]*)+")
_JOINED = re.compile(r"(?<![\w’'–-])(?:the )?[A-Z][\w’'–-]*"
                     r"(?: (?:of (?:the )?)?[A-Z][\w’'–-]*)+")
"""...and in a sentence (not a title, whose every word is capitalised), joined by "of"
or "of the" (Temple of Heaven, Altar of the God of Agriculture), with the "the" before
it (a line did not end on it: "Over 300 caves; the / Northern Giant Buddha…", trial 40)."""
NAME_WORDS = 4
"""Capitalised words side by side in running text (a caption, a story's words, a source
line), up to this many, are a name a line does not break inside (Laoye Temple, Duchang
County: "from Laoye / Temple", trial 29; "UNESCO / World Heritage Centre", trial 30); a
longer run breaks as any words do."""


def _names_kept(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` with a no-break space inside each name of NAME_WORDS words or fewer that
    ``fits`` a line."""
    names = _CAPITALS if _title_case(text) else _JOINED

    def kept(run: re.Match[str]) -> str:
        found = run.group()
        article = "the " if found.startswith("the ") else ""
        if _capitalised(found) > NAME_WORDS:
            return found
        if fits(found):
            return found.replace(" ", "\u00a0")
        name = found.removeprefix(article)  # (the name alone, where with its "the" it
        # is too long for a line)
        return article + name.replace(" ", "\u00a0") if article and fits(name) else found

    return names.sub(kept, text)


def _capitalised(name: str) -> int:
    """The capitalised words of a name (Temple of Heaven: two; its "of the" joins them:
    "Temple / of Heaven", "Altar / of the God", trial 33)."""
    return sum(1 for word in name.split() if word[:1].isupper())


HEADLINES = ("title", "hero", "headline", "kicker", "subtitle")
"""Roles of headings, whose breaks are weighed as a title's (not running text's)."""
_SEPARATORS = "\u00b7\u30fb\u2022"
"""Marks set between the parts of a line (Hall 3 · East Wing): where the line breaks, the
mark is not written (not "…Natural History ·" over "Special Exhibition", trial 29)."""


def _unseparated(lines: list[str]) -> list[str]:
    """``lines`` without a separator left at the end of one or the start of the next."""
    out = []
    for n, line in enumerate(lines):
        if n < len(lines) - 1 and line.rstrip()[-1:] in _SEPARATORS and \
                len(line.rstrip()) > 1 and line.rstrip()[-2:-1].isspace():
            line = line.rstrip()[:-1].rstrip()
        if n and line.lstrip()[:1] in _SEPARATORS and line.lstrip()[1:2].isspace():
            line = line.lstrip()[1:].lstrip()
        out.append(line)
    return out


def _subtitle_set(lines: list[str]) -> bool:
    """Whether a title's colon ends one of ``lines`` and its subtitle is set well after
    it: not "Behind Every Shot: / More than / Two Centuries of Science" (trial 24), which
    is set smaller with its subtitle on a line of its own."""
    ends = [line.rstrip()[-1:] for line in lines[:-1]]
    colon = next((n for n, end in enumerate(ends) if end in _SUBTITLE), None)
    if colon is None:
        return False
    longest = max(len(line) for line in lines[colon + 1:])
    # Its lines end at a pause, before a bracket's aside (中国大陆第一座核电站 / （浙江海盐）),
    # or are no shorter than half its longest (A Difference of / More Than 270 Degrees
    # Celsius, trial 26; not More than Two Centuries / of Science).
    return len(lines[-1]) * 2 >= longest and all(
        ends[n] in _PAUSES or lines[n + 1][:1] in _BRACKETS or len(lines[n]) * 2 >= longest
        for n in range(colon + 1, len(ends)))


class TextBox(QGraphicsItem):
    """A block of text laid out inside ``width`` x ``height`` design pixels."""

    def __init__(
        self,
        text: str,
        width: float,
        height: float,
        *,
        size: float,
        color: QColor,
        bold: bool = False,
        align: str = "left",
        valign: str = "top",
        line_height: float = 1.3,
        max_lines: int | None = None,
        tabular: bool = False,
        smallest: float | None = None,
        role: str = "",
        balance: bool = False,
        parent: QGraphicsItem | None = None,
    ) -> None:
        super().__init__(parent)
        text, self._italic = emphasised(text)
        self.text = text
        """What it says (without the asterisks that set words in italics)."""
        self.role = role
        """The type role it was made for (``SlideContext.box``), for the layout audit."""
        self._smallest = min(size, smallest) if smallest is not None else max(
            size * MIN_SHRINK, 8.0)
        self._balance = balance
        self._balances: dict[tuple[str, float], tuple[float, list[str]] | None] = {}
        self._latin = not any(is_han(c) for c in text)  # (see fonts.font)
        self._width, self._height = width, height
        self._color = color
        self._align, self._valign = align, valign
        self._line_height = line_height
        self._max_lines = max_lines
        self._bold, self._tabular = bold, tabular
        self.hangs = True
        """Whether a line that opens with a full-width mark (“《) hangs it into the margin,
        its letters where the others' start (not beside a list's dot, which it ran into,
        out of line with the next point's first character: trial 32)."""
        self._words = sorted(set(WORD.findall(self._running(_laid(text), size)) +
                                 RANGE.findall(text)),
                             key=len)[-3:]  # (measured as laid out: evened narrower than
        # "About 90 minutes", kept whole, it was cut inside "min / utes", trial 26; a
        # name kept whole too)
        self.requested_size = size
        self.font_size, self.lines, self.elided = self._fit(size)
        self.lines = _unseparated(self.lines)
        self._balances.clear()  # (its lines are laid: what was tried is not kept)
        self._ink = self._local_ink().adjusted(-2, -2, 2, 2)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        """Just the text: its cached picture is no bigger than the text itself."""
        return self._ink

    def set_color(self, color: QColor) -> None:
        """Draw it in ``color`` from now on."""
        self._color = QColor(color)
        self.update()

    @property
    def color(self) -> QColor:
        """The colour it is drawn in."""
        return QColor(self._color)

    @property
    def box(self) -> QRectF:
        """The box the text was given, in item coordinates."""
        return QRectF(0, 0, self._width, self._height)

    @property
    def text_height(self) -> float:
        """Height the laid-out lines take."""
        return self._block_height(self.font_size, len(self.lines))

    @property
    def text_width(self) -> float:
        """Width of the widest line."""
        metrics = QFontMetricsF(self._font(self.font_size))
        return max((metrics.horizontalAdvance(line) for line in self.lines), default=0.0)

    def ink_rect(self) -> QRectF:
        """Where the laid-out text is, in scene coordinates."""
        return self.mapRectToScene(self._local_ink())

    def _local_ink(self) -> QRectF:
        block = self.text_height
        top = {"top": 0.0, "center": (self._height - block) / 2,
               "bottom": self._height - block}[self._valign]
        width = self.text_width
        left = {"left": 0.0, "center": (self._width - width) / 2,
                "right": self._width - width}[self._align]
        return QRectF(left, top, width, block)

    def _font(self, size: float) -> QFont:
        return fonts.font(size, bold=self._bold, tabular=self._tabular, latin=self._latin)

    def _block_height(self, size: float, count: int) -> float:
        metrics = QFontMetricsF(self._font(size))
        return metrics.height() + (count - 1) * size * self._line_height if count else 0.0

    def _wrap(self, size: float, *, even: bool = False) -> list[str]:
        """Lines of the text at ``size``: each paragraph wrapped to the width (and, with
        ``even``, evened out: for the size chosen, once the search for it is over)."""
        lay = self._evened if even else functools.partial(self._lines_at, width=self._width)
        return [line for part in self.text.split("\n") for line in lay(part, size)]

    def _evened(self, text: str, size: float) -> list[str]:
        """``text`` wrapped at ``size``; a last line left almost empty (第 / 一) is not,
        nor, when the box balances its lines (titles), any uneven lines: the lines are
        evened out at the narrowest width that keeps their count (which keeps the text
        fitting its box)."""
        lines = self._lines_at(text, size, self._width)
        if not self._balance and self.role in PHRASED and len(lines) == 2:
            metrics = QFontMetricsF(self._font(size))
            found = _balanced(text, metrics, self._width, len(lines), self._names(text))
            if found is not None and all(  # (at its pauses, where it has them: 较2017年
                    line.rstrip()[-1:] in _PAUSES or following[:1] in _BRACKETS  # 增长23.4%，
                    for line, following in itertools.pairwise(found[1])):  # / 首次止跌回升,
                return found[1]  # not …增长 / 23.4%，…, trial 25; or before its bracket:
            # 三舱组合体质量 / （不含来访飞船）, not （不含 / 来访飞船）, trial 26)
        if len(lines) < 2 or not (self._balance or _stranded(lines[-1], lines[-2])):
            return lines
        if self._balance and len(text) <= BALANCE_LIMIT:
            best = self._best_balance(text, size, lines)
            if best is not None:
                return best[1]
        metrics = QFontMetricsF(self._font(size))  # (never narrower than its longest
        widest = max((metrics.horizontalAdvance(word) for word in self._words),  # word:
                     default=0.0)  # "Grid-connecte / d wind power", trial 22)
        low, high = max(self._width * 0.5, min(self._width, widest + 1.0)), self._width
        for _ in range(10):
            middle = (low + high) / 2
            trial = self._lines_at(text, size, middle)
            if len(trial) == len(lines):
                lines, high = trial, middle
            else:
                low = middle
        return lines

    def _best_balance(self, text: str, size: float, lines: list[str]
                      ) -> tuple[float, list[str]] | None:
        """The best way to balance ``text`` at ``size`` in as many lines as ``lines``
        (its plain wrapping), or one more that breaks at a pause; with its cost (worked
        out once a size: the search for a better break and the lines kept ask alike)."""
        key = (text, size)
        if key not in self._balances:
            self._balances[key] = self._balance_now(text, size, lines)
        return self._balances[key]

    def _balance_now(self, text: str, size: float, lines: list[str]
                     ) -> tuple[float, list[str]] | None:
        metrics = QFontMetricsF(self._font(size))
        counts = [len(lines)]
        if (self._max_lines is None or len(lines) < self._max_lines) and \
                self._block_height(size, len(lines) + 1) <= self._height + 0.5:
            counts.append(len(lines) + 1)  # a line more, if it breaks at a pause
        extra = EXTRA_LINE_OVER_CONTENT if self.role == "title" else EXTRA_LINE
        options = [(cost + extra * (n - len(lines)), found)
                   for n in counts
                   if (balanced := _balanced(text, metrics, self._width, n,
                                             self._names(text)))
                   for cost, found in [balanced]]
        return min(options, key=lambda option: option[0]) if options else None

    def _better_broken(self, size: float) -> float:
        """``size``, or a little smaller where a balanced text (a title) breaks far
        better so: at its colon rather than inside a phrase ("…Fauna: Half a / Billion
        Years…", "澄江 / 动物群：云南 / 五亿年…"), as a typesetter would set it."""
        if not self._balance or "\n" in self.text or len(self.text) > BALANCE_LIMIT:
            return size
        here = self._best_balance(self.text, size, self._wrap(size))
        if here is None:  # (no balanced lines at this size, a line a pixel too wide: a
            wrapped = self._wrap(size)  # little smaller rather than as it wraps, "…
            for step in (0.98, 0.96, 0.94):  # Weissman: A / Nucleoside…", trial 24)
                smaller = max(self._smallest, size * step)
                found = self._best_balance(self.text, smaller, self._wrap(smaller))
                if found is not None and len(found[1]) <= len(wrapped) and \
                        self._fits(smaller, found[1]):
                    return self._better_broken(smaller)  # (and better broken from there)
            return size
        if len(here[1]) > 1 and not all(
                line.rstrip()[-1:] in _PAUSES for line in here[1][:-1]):
            # (a little smaller where every line then ends at a pause, in no more lines:
            # "Look Up at the Stars, / Keep Your Feet…", not "…Stars, Keep / Your…" nor
            # "…Stars, / Keep Your Feet / on the Ground", trial 17; up to a tenth smaller
            # than asked: "Heading for the New, / Striving for Quality" on a totem, not
            # "Heading / for the New, / Striving…")
            for step in (0.98, 0.96, 0.94, 0.92, 0.9):
                smaller = max(self._smallest, size * step)
                if smaller < self.requested_size * PAUSES_SMALLEST:
                    break
                found = self._best_balance(self.text, smaller, self._wrap(smaller))
                if found is not None and 1 < len(found[1]) <= len(here[1]) and all(
                        line.rstrip()[-1:] in _PAUSES for line in found[1][:-1]) and \
                        self._fits(smaller, found[1]):
                    return smaller
        if (here[0] < BETTER_BREAK + PAUSE * 2 and not any(
                line.rstrip()[-1:] in _SUBTITLE for line in here[1][:-1])):
            return size  # (no break can gain it, but a subtitle's own: Behind Every Shot:
        chosen, least = size, here[0] - BETTER_BREAK
        for step in (0.96, 0.92, 0.88) if least >= PAUSE * 2 else ():  # (where a break
            smaller = max(self._smallest, size * step)  # can gain it)
            found = self._best_balance(self.text, smaller, self._wrap(smaller))
            if found is not None and found[0] < least - 0.05 and self._fits(smaller,
                                                                            found[1]):
                chosen, least = smaller, found[0]  # (the best; the larger of two alike)
        if chosen != size or _subtitle_set(here[1]):
            return chosen  # (its colon ends a line already: 从江河到 / 龙头： / 百年…)
        for step in (0.84, 0.8, 0.76):  # (a quarter smaller only to set a subtitle off
            smaller = max(self._smallest, size * step)  # on a line of its own: 从帆船到
            if smaller < self.requested_size * SUBTITLE_SMALLEST:  # 集装箱： / 一座…;
                break  # not below what it was asked to be set at by much)
            found = self._best_balance(self.text, smaller, self._wrap(smaller))
            if found is not None and found[0] < here[0] and any(
                    line.rstrip()[-1:] in _SUBTITLE for line in found[1][:-1]) and \
                    self._fits(smaller, found[1]):
                return smaller
        return chosen

    def _running(self, laid: str, size: float) -> str:
        """``laid`` with its names kept whole where they fit a line with room to spare,
        in running text (a title's breaks between capitals are weighed: _cost_here)."""
        if self.role in HEADLINES or self._balance:
            return laid
        metrics = QFontMetricsF(self._font(size))
        return _names_kept(laid, lambda name: metrics.horizontalAdvance(name)
                           <= self._width * 0.8)

    def _lines_at(self, text: str, size: float, width: float, *,
                  whole_words: bool = False) -> list[str]:
        # (laid out with a no-break space between a number and its unit: 48,000 km)
        laid = self._running(_laid(text), size)
        layout = QTextLayout(laid, self._font(size))  # (and a non-breaking hyphen in a word)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap if whole_words
                           else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        lines: list[str] = []
        metrics = QFontMetricsF(self._font(size))

        def fits_a_title(title: str) -> bool:
            return metrics.horizontalAdvance(title) <= width * BOOK_TITLE_MOST

        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start, length = line.textStart(), line.textLength()
            for _ in range(4):  # (a break moved back may fall where Qt does not break,
                end = start + length  # and so further back still: looked at again)
                opened = _open_quote(text, start, end, fits_a_title)  # (nor inside a
                # book's title that fits a line: 《敦煌市 / 旅游统计公报》, trial 35)
                if opened is None and end < len(text) and \
                        start < (begins := word_start(text, end)) < end and \
                        end - begins < LONGEST_WORD:
                    opened = begins  # not inside a Chinese word (今 / 晚): before it
                named = self._in_name(text, start, end if opened is None else opened)
                if named is not None:  # (nor inside a name in italics: Teinopalpus /
                    opened = named  # aureus)
                quantity = _kept_start(laid, start, end if opened is None else opened)
                if quantity is not None:  # nor inside a quantity (350 km/ h, 350 / 公里)
                    opened = quantity
                if opened is None or opened >= end:
                    break
                found: Any = line.cursorToX(opened)  # (x, cursor) in PySide6: not inside
                x = float(found[0] if isinstance(found, tuple) else found)  # a short quoted
                line.setLineWidth(max(1.0, x - line.x()))  # term (“小巨 / 人”): before it
                if line.textLength() in (0, length):
                    break
                length = line.textLength()
            lines.append(text[start : start + length].rstrip())
        layout.endLayout()
        return [ln for ln in lines if ln] or [""]

    def _names(self, text: str) -> tuple[tuple[int, int], ...]:
        """Where the short names in italics of ``text`` (a paragraph of the box's) are."""
        offset = self.text.find(text)
        words, characters = NAME_IN_ITALICS
        return tuple((a - offset, b - offset) for a, b in self._italic
                     if len(self.text[a:b].split()) <= words and b - a <= characters)

    def _in_name(self, text: str, start: int, end: int) -> int | None:
        """Where a short name in italics starts when a line from ``start`` of ``text``
        (a paragraph of the box's) would end inside it at ``end`` (None: it does not)."""
        if not self._italic:
            return None
        return next((a for a, b in self._names(text) if start < a < end < b), None)

    def _fits(self, size: float, lines: list[str]) -> bool:
        if self._max_lines is not None and len(lines) > self._max_lines:
            return False
        if self._block_height(size, len(lines)) > self._height + 0.5:
            return False
        metrics = QFontMetricsF(self._font(size))
        if any(metrics.horizontalAdvance(word) > self._width + 0.5 for word in self._words):
            return False  # (a word would be broken in two: Taoxich / uan)
        return all(metrics.horizontalAdvance(ln) <= self._width + 0.5 for ln in lines)

    def _fit(self, size: float) -> tuple[float, list[str], bool]:
        """The largest size not above ``size`` at which the text fits, and its lines."""
        lines = self._wrap(size)
        floor = self._smallest
        block = self._block_height(size, len(lines))
        largest = size
        if block > self._height > 0 and size > floor:  # text grows as the square of its size:
            size = max(floor, size * 0.98 * (self._height / block) ** 0.5)  # jump near it
            lines = self._wrap(size)
            while size / 0.93 <= largest and self._fits(size / 0.93, bigger := self._wrap(
                    size / 0.93)):  # the jump fell short: the largest size that fits
                size, lines = size / 0.93, bigger
        while not self._fits(size, lines) and size > floor:
            size = max(floor, size * 0.93)
            lines = self._wrap(size)
        if self._fits(size, lines):
            size = self._better_broken(size)
            return size, self._wrap(size, even=True), False
        kept = self._elide(size, lines)
        shown = "".join(kept).replace(ELLIPSIS, "")
        return size, kept, "".join(self.text.split()) != "".join(shown.split())

    def _elide(self, size: float, lines: list[str]) -> list[str]:
        """The lines that fit, the last cut short with an ellipsis; broken only between
        words (a word too long for the box is cut with an ellipsis, not split)."""
        metrics = QFontMetricsF(self._font(size))
        room = max(1, int((self._height - metrics.height()) // (size * self._line_height)) + 1)
        if self._max_lines is not None:
            room = min(room, self._max_lines)
        if self._words:
            lines = [line for part in self.text.split("\n")
                     for line in self._lines_at(part, size, self._width, whole_words=True)]
        kept = [self._cut(line, metrics) for line in lines[:room]]
        last = kept[-1]
        if len(lines) > room and not last.endswith(ELLIPSIS):  # (lines left out)
            kept[-1] = self._shortened(last + " ", metrics)
        return kept

    def _cut(self, line: str, metrics: QFontMetricsF) -> str:
        """``line``, cut short with an ellipsis if it is wider than the box."""
        if metrics.horizontalAdvance(line) <= self._width + 0.5:
            return line
        return self._shortened(line, metrics)

    def _shortened(self, line: str, metrics: QFontMetricsF) -> str:
        """As much of ``line`` as fits with an ellipsis after it: whole words where it
        has spaces ("in the Third…", not "in the Third Natio…")."""
        whole = line
        while line and metrics.horizontalAdvance(line.rstrip() + ELLIPSIS) > self._width:
            line = line[:-1]
        if line and len(line) < len(whole) and not whole[len(line)].isspace() and \
                " " in line.strip() and not any(is_han(c) for c in line):
            line = line[:line.rstrip().rfind(" ")]  # (back to the word's start)
        return line.rstrip() + ELLIPSIS

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        self.paint_text(painter)

    @guarded
    def warm(self, painter: QPainter) -> None:
        """Rasterise the glyphs ahead, at the painter's scale (see Stage.prebuild)."""
        self.paint_text(painter)

    def paint_text(self, painter: QPainter) -> None:
        """Draw the lines with ``painter``."""
        font = self._font(self.font_size)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(self._color)
        block = self.text_height
        top = {"top": 0.0, "center": (self._height - block) / 2,
               "bottom": self._height - block}[self._valign]
        step = self.font_size * self._line_height
        cursor = 0
        for n, line in enumerate(self.lines):
            found = self.text.find(line, cursor) if self._italic else -1
            cursor = found + len(line) if found != -1 else cursor
            pieces = [(line, 0.0)] if self._latin else _squeezed(line, self.font_size)
            squeeze = sum(shift for _, shift in pieces)
            advance = metrics.horizontalAdvance(line) - squeeze
            x = {"left": 0.0, "center": (self._width - advance) / 2,
                 "right": self._width - advance}[self._align]
            hangs = self.hangs and not self._latin and line[:1] in tuple(_OPENING_FULL) \
                and self._align != "right"
            if self._align == "center" and (line.rstrip(_HANGING) != line or hangs):
                # a line ending in full-width punctuation (，：” ...) or opening with it
                # (“), which is mostly space: centred on its ink, so that it looks
                # centred under the others
                ink = metrics.tightBoundingRect(line)
                x = (self._width - (ink.width() - squeeze)) / 2 - ink.left()
            elif hangs:  # (“ at the start of a line: its space hung into the margin, its
                x -= self.font_size * 0.5  # mark where the line's letters start)
            baseline = top + n * step + metrics.ascent()
            at = found
            for piece, shift in pieces:
                x -= shift
                if at == -1 or not self._italic:
                    painter.drawText(QPointF(x, baseline), piece)
                    x += metrics.horizontalAdvance(piece)
                    continue
                for run, italic in _runs(piece, at, self._italic):  # (its advance the
                    if italic:  # upright's: laid out with it; slanted by the painter, not
                        painter.save()  # the font: a PDF writer set a font's synthetic
                        painter.translate(x, baseline)  # italic upright, trial 27)
                        painter.shear(-SLANT, 0.0)
                        painter.drawText(QPointF(0.0, 0.0), run)
                        painter.restore()
                    else:
                        painter.drawText(QPointF(x, baseline), run)
                    x += metrics.horizontalAdvance(run)
                at += len(piece)
