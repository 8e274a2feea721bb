"""A key figure as drawn: qualifier, big number and unit on one baseline, with its label.

The number counts up when the slide appears. Its digits are tabular and it sits in a
slot as wide as its widest state, so neither the number nor the unit beside it wobbles
while it counts; every frame shows the figure's own number of decimals.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.deck.model import Figure
from kiosk.deck.numbers import (
    FigureText,
    figure_text,
    figure_value,
    held_with_number,
    is_year,
)
from kiosk.deck.text import is_han
from kiosk.deck.timing import figure_timing
from kiosk.play.timeline import Track
from kiosk.show import fonts
from kiosk.show.context import SlideContext
from kiosk.show.guard import guarded
from kiosk.show.placed import Placed
from kiosk.show.textcache import draw_text

STACK_GAIN = 1.25
"""A figure's unit goes under its number when that lets the number be this much larger."""
SMALL = 0.36
"""Qualifier and unit beside the number, as a share of its size (never below the smallest
readable text)."""
WRAP_BELOW = 0.75
"""A figure written as a text takes two lines, at most this share of the numbers' size,
rather than be made smaller on one than..."""
WRAP_UNDER_LABEL = 1.5
"""...this many times its label's size (Starting point of the Maritime Silk Road at 19 px;
No. 1 in Jiangsu stays on its line)."""
SYMBOL_LETTERS = 3
"""A unit of at most this many characters, Latin and signs (m², km, AD), is a symbol:
it stays beside its number where it fits (41.8 / m² was set under 41.8)."""
UNIT_LINE_HEIGHT = 1.15
"""Between the lines of a unit set under its number in two, in its size."""
UNDER_UNIT = 0.4
"""Between a unit set under its number and the figure's label, in label sizes."""
TEXT_LINES = 2
TEXT_LINE_HEIGHT = 1.1


def _symbol(unit: str) -> bool:
    """Whether a unit is a sign written against its number (%, ‰, °C) or a short symbol
    (m², km, AD: up to SYMBOL_LETTERS characters, its letters Latin), not a word."""
    unit = unit.strip()
    letters = [char for char in unit.replace("°C", "").replace("°F", "") if char.isalpha()]
    return not letters or (len(unit.replace("/", "")) <= SYMBOL_LETTERS + (
        "/" in unit) and " " not in unit and all(char.isascii() for char in letters))
    # (km/s, m/s: a symbol of two, as short: "7.68 / km/s" went under, trial 26)


class FigureNumber(QGraphicsItem):
    """The number line of a figure, shrunk as a whole if it is wider than its box."""

    def __init__(self, figure: Figure, ctx: SlideContext, width: float, size: float,
                 align: str = "left", parent: QGraphicsItem | None = None, *,
                 stack: bool | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.ctx = ctx
        self.lines: list[str] = []
        """A text figure's lines, where it takes more than one (else empty)."""
        self._width = width
        self._align = align
        lang, fallback = ctx.language, ctx.deck.default_language
        self.final: FigureText = figure_text(figure, lang, fallback)
        self.target = figure_value(figure, lang)
        self.origin = self._origin()
        self.parts = self.final
        self.size = self.nominal = size
        self.stacked = False
        self.inline = False
        """Stacked with its group, but its own unit short enough to stay beside it."""
        inline = self._fitted(size, width)
        if self.final.after and stack is not False:
            self.stacked = True  # the unit under the number (about 9.3 / million people)
            under = self._fitted(size, width)
            self.stacked = stack is True or under[0] > inline[0] * STACK_GAIN
        self.size, self.small = self._fitted(size, width) if self.stacked else inline
        if self.target is None and not self.final.after and not self.final.before and \
                self.size < min(size * WRAP_BELOW, ctx.size("label") * WRAP_UNDER_LABEL):
            self._wrap_text(size, width)
        if self.stacked and _symbol(self.final.after):  # a sign (%, °C) stays beside its
            self.inline = True  # number where it fits there (measured beside it: "nearly
            self.inline = self._natural_width(self.size, self.small) <= width  # 1,700 km"
            # ran 50 px past its column into the next figure, trial 25), a word (mm,
            # 亿元) goes under
        rest = held_with_number(self.final.after)[1]
        if self.stacked and not rest:
            self.inline = True  # (nothing but a magnitude to set under: 3.2万 stays whole)
        elif self.stacked and len(rest) == 1 and is_han(rest):  # (one character alone
            self.inline = True  # on a line, 5.12亿 / 吨, 310余 / 条: beside, at the size
            self.size, self.small = inline  # that fits there)
        self._slot = self._slot_width(self.size)

    def _fitted(self, size: float, width: float) -> tuple[float, float]:
        """The number's size and its words' (qualifier, unit) at which the figure fits
        ``width``, from ``size`` down."""
        least = self.ctx.smallest("figure")
        small = max(size * SMALL, least)
        while self._natural_width(size, small) > width and size * 0.94 >= least * 1.5:
            size *= 0.94
            small = max(size * SMALL, least)
        while self._natural_width(size, small) > width and size > 2:  # the last resort:
            size *= 0.94  # smaller than can be read (the layout audit marks it), but
            small = min(small, size * 0.6)  # inside its box
        return size, small

    def _wrap_text(self, size: float, width: float) -> None:
        """The text on up to TEXT_LINES balanced lines, where that lets it be larger than
        on one (Starting point of the / Maritime Silk Road, not 19 px on a line)."""
        from kiosk.show.textbox import TextBox

        size *= WRAP_BELOW
        font = fonts.font(size, bold=True)
        height = QFontMetricsF(font).height() + (TEXT_LINES - 1) * size * TEXT_LINE_HEIGHT
        box = TextBox(self.final.number, width, height, size=size, color=self.ctx.palette.accent,
                      bold=True, line_height=TEXT_LINE_HEIGHT, max_lines=TEXT_LINES,
                      smallest=self.size, balance=True)
        if len(box.lines) > 1 and not box.elided and box.font_size > self.size * 1.05:
            self.lines, self.size = box.lines, box.font_size

    def _origin(self) -> float | None:
        """Where the count starts, in this language's number (scaled like ``values``)."""
        if self.target is None or self.figure.value is None or is_year(self.figure):
            return None  # (a year is not counted up from nothing)
        start = self.figure.start
        if self.figure.value and self.target != self.figure.value:
            start *= self.target / self.figure.value
        return start

    @property
    def counts(self) -> bool:
        """Whether this figure is a number that counts (not a text)."""
        return self.origin is not None and self.target is not None

    def track(self, index: int) -> Track:
        """The count-up's timing; ``index`` staggers figures of one slide."""
        return Track(*figure_timing(self.figure, index), self.figure.easing)

    def set_progress(self, progress: float) -> None:
        """Show the figure ``progress`` of the way from its start to its value."""
        if not self.counts:
            return
        assert self.origin is not None and self.target is not None
        value = self.origin + (self.target - self.origin) * progress
        parts = self.final if progress >= 1.0 else figure_text(
            self.figure, self.ctx.language, self.ctx.deck.default_language, value)
        self._roll = progress if self.figure.roll and progress < 1.0 else None
        self._value = value
        if parts != self.parts or self._roll is not None:
            self.parts = parts
            self.update()

    _roll: float | None = None
    _value: float = 0.0

    @guarded
    def warm(self, painter: QPainter) -> None:
        """Make the pictures of every digit this number can show (see Stage.prebuild)."""
        self.paint(painter, None)
        if self.counts:
            font = self._fonts(self.size, self.small)[1]
            draw_text(painter, QPointF(0, 0), "0123456789.,-\u2212", font, self.ctx.palette.accent,
                      per_char=True)

    def _fonts(self, size: float, small: float) -> tuple[QFont, QFont, QFont]:
        return (fonts.font(small, bold=True), fonts.font(size, bold=True, tabular=True),
                fonts.font(small, bold=True))

    def _natural_width(self, size: float, small: float) -> float:
        """Width of the whole line at ``size``, the number in its widest state."""
        before, _, after = self._fonts(size, small)
        if self.lines:
            metrics = QFontMetricsF(fonts.font(size, bold=True))
            return max(metrics.horizontalAdvance(line) for line in self.lines)
        gap = small * 0.15
        lead = QFontMetricsF(before).horizontalAdvance(self.final.before) + (
            gap if self.final.before else 0)
        line = lead + self._slot_width(size)
        if self.stacked and not self.inline:  # (the unit under the number, from its
            held, rest = held_with_number(self.final.after)  # left; its magnitude beside
            metrics = QFontMetricsF(after)  # them: 3.2万余 / 件, 190 million / years ago)
            line += metrics.horizontalAdvance(held) + gap if held else 0.0
            rows = self._unit_rows(rest.lstrip(), metrics)  # (from the figure's left,
            widest = max(metrics.horizontalAdvance(row) for row in rows)  # in two lines
            return max(line, widest)  # where it would not fit in one: nearly 12,000 /
            # engineers and technicians at the size the others have, trials 18, 20)
        unit = QFontMetricsF(after).horizontalAdvance(self.final.after)
        return line + unit + (gap if self.final.after else 0)

    def _unit_rows(self, rest: str, metrics: QFontMetricsF) -> list[str]:
        """The unit set under the number: one line, or, where it is wider than the
        figure's room and has words, two of about equal length (species of / vascular
        plants), so that the number keeps its size."""
        if metrics.horizontalAdvance(rest) <= self._width or " " not in rest or \
                self._align != "left":
            return [rest]
        words = rest.split(" ")
        splits = [(" ".join(words[:n]), " ".join(words[n:])) for n in range(1, len(words))]
        return list(min(splits, key=lambda pair: max(metrics.horizontalAdvance(part)
                                                      for part in pair)))

    def _slot_width(self, size: float) -> float:
        """Width of the number at its widest: the start or the end of the count."""
        metrics = QFontMetricsF(fonts.font(size, bold=True, tabular=True))
        widths = [metrics.horizontalAdvance(self.final.number)]
        if self.counts:
            start = figure_text(self.figure, self.ctx.language, self.ctx.deck.default_language,
                                self.origin)
            widths.append(metrics.horizontalAdvance(start.number))
        return max(widths)

    @property
    def height(self) -> float:
        """Line height at the nominal size, so that shrunk figures keep the baseline (and
        the unit's line under it, when it is there)."""
        line = QFontMetricsF(fonts.font(self.nominal, bold=True)).height()
        if self.lines:  # (from the first line's baseline, where a one-line figure's is)
            ascent = QFontMetricsF(fonts.font(self.nominal, bold=True)).ascent()
            own = QFontMetricsF(fonts.font(self.size, bold=True))
            return ascent + (len(self.lines) - 1) * self.size * TEXT_LINE_HEIGHT + \
                own.descent()
        return line + self._unit_line() if self.stacked and not self.inline else line

    def _unit_line(self) -> float:
        """The height the unit's own lines add under the number's: their letters, clear of
        the digits by a third of their size."""
        small = QFontMetricsF(fonts.font(self.small, bold=True))
        rows = self._unit_rows(held_with_number(self.final.after)[1].lstrip(), small)
        return small.height() + (len(rows) - 1) * self.small * UNIT_LINE_HEIGHT + \
            self.small * 0.35 - QFontMetricsF(fonts.font(self.nominal, bold=True)).descent()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width, self.height)

    def placed_parts(self) -> list[Placed]:
        """The final number line as the layout audit sees it: where its ink is, in
        scene coordinates, and its smallest size."""
        total = self._natural_width(self.size, self.small)
        left = {"left": 0.0, "center": (self._width - total) / 2,
                "right": self._width - total}[self._align]
        text = f"{self.final.before}{self.final.number}{self.final.after}"
        size = self.small if self.final.before or self.final.after else self.size
        rect = self.mapRectToScene(QRectF(left, 0, total, self.height))
        return [Placed(text, rect, size, "figure")]

    def _unit_x(self, left: float, width: float) -> float:
        """Where the unit's own line starts, aligned as the figure is."""
        return {"left": left, "center": left + (width - self._after_w()) / 2,
                "right": left + width - self._after_w()}[self._align]

    def words_split(self) -> tuple[str, str]:
        """The words after the number as drawn: those beside it on its line and those on
        the line under it (3.2万余 / 件; 190 million / years ago); all beside it where
        they are not set under it."""
        if not self.stacked or self.inline:
            return self.parts.after, ""
        held, rest = held_with_number(self.parts.after)
        return held, rest.lstrip()

    def _after_w(self) -> float:
        return QFontMetricsF(self._fonts(self.size, self.small)[2]).horizontalAdvance(
            held_with_number(self.parts.after)[1])

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        p = self.ctx.palette
        before_font, number_font, after_font = self._fonts(self.size, self.small)
        baseline = QFontMetricsF(fonts.font(self.nominal, bold=True)).ascent()
        if self.lines:
            self._paint_lines(painter, baseline)
            return
        gap = self.small * 0.15
        before_w = QFontMetricsF(before_font).horizontalAdvance(self.parts.before)
        after_w = QFontMetricsF(after_font).horizontalAdvance(self.parts.after)
        under = self.stacked and not self.inline
        held, rest = self.words_split()
        if under:  # (its magnitude beside the digits, the rest under them)
            after_w = QFontMetricsF(after_font).horizontalAdvance(held)
        total = (before_w + gap if self.parts.before else 0) + self._slot + (
            gap + after_w if (self.parts.after and not under) or held else 0)
        x = {"left": 0.0, "center": (self._width - total) / 2,
             "right": self._width - total}[self._align]
        if self.parts.before:
            draw_text(painter, QPointF(x, baseline), self.parts.before, before_font, p.accent2)
            x += before_w + gap
        number_w = QFontMetricsF(number_font).horizontalAdvance(self.parts.number)
        if self._roll is not None:
            painter.setFont(number_font)
            painter.setPen(p.accent)
            self._paint_rolling(painter, number_font, x + self._slot - number_w, baseline)
        else:
            draw_text(painter, QPointF(x + self._slot - number_w, baseline), self.parts.number,
                      number_font, p.accent, per_char=self.counts)
        x += self._slot
        if self.parts.after and not under:
            draw_text(painter, QPointF(x + gap, baseline), self.parts.after, after_font,
                      p.accent2)
        elif self.parts.after:  # the unit on its own line, under the number
            # (drawn after the number, so that a PDF's text reads in order)
            if held:
                draw_text(painter, QPointF(x + gap, baseline), held, after_font, p.accent2)
            low = baseline + self.small * 0.35 + QFontMetricsF(after_font).ascent()
            x = 0.0 if self._align == "left" else self._unit_x(0.0, self._width)
            # (from the figure's left, where its label starts: under the digits of some
            # figures and the qualifier of others, a row's units started at two places)
            rows = self._unit_rows(rest.lstrip(), QFontMetricsF(after_font))
            for n, row in enumerate(rows):
                draw_text(painter, QPointF(x, low + n * self.small * UNIT_LINE_HEIGHT), row,
                          after_font, p.accent2)

    def _paint_lines(self, painter: QPainter, baseline: float) -> None:
        """A text figure on its lines, each aligned as the figure is."""
        font = fonts.font(self.size, bold=True)
        metrics = QFontMetricsF(font)
        for n, line in enumerate(self.lines):
            free = self._width - metrics.horizontalAdvance(line)
            x = {"left": 0.0, "center": free / 2, "right": free}[self._align]
            draw_text(painter, QPointF(x, baseline + n * self.size * TEXT_LINE_HEIGHT), line,
                      font, self.ctx.palette.accent)

    def _paint_rolling(self, painter: QPainter, font: QFont, x: float, baseline: float) -> None:
        """Digits that roll like an odometer: the last digit turns continuously, each
        higher one turns while the digits below it pass from 9 to 0."""
        metrics = QFontMetricsF(font)
        line = metrics.height()
        text = self.parts.number
        value = abs(self._value)
        decimals = len(text.split(".")[1]) if "." in text else 0
        painter.save()
        painter.setClipRect(QRectF(x, baseline - metrics.ascent(), self._slot, line))
        digits_after = [sum(c.isdigit() for c in text[n + 1:]) for n in range(len(text))]
        for n, char in enumerate(text):
            if char.isdigit():
                place = digits_after[n] - decimals  # 0 for units, -1 for tenths...
                scaled = value / 10.0**place
                digit = int(scaled) % 10
                frac = scaled - int(scaled)
                turn = frac if place == -decimals else max(0.0, frac * 10 - 9)
                painter.drawText(QPointF(x, baseline - turn * line), str(digit))
                painter.drawText(QPointF(x, baseline + (1 - turn) * line), str((digit + 1) % 10))
            else:
                painter.drawText(QPointF(x, baseline), char)
            x += metrics.horizontalAdvance(char)
        painter.restore()


def common_size(figures: list[Figure], ctx: SlideContext, width: float,
                size: float) -> tuple[float, bool]:
    """The size every number of a group has: the largest at which the widest fits
    ``width`` (one figure made smaller than its neighbours reads as a lesser one); and
    whether their units go under them (all of them, when one would be far smaller
    beside it: a row of some beside, some under looked ragged; a sign or a short
    symbol, %, m², AD, stays beside where it fits). A figure written as a text (第一,
    No. 1 in Jiangsu) is sized on its own."""
    numbers = [figure for figure in figures if figure.value is not None]
    stack = any(FigureNumber(figure, ctx, width, size).stacked for figure in numbers)
    return min((FigureNumber(figure, ctx, width, size, stack=stack).size
                for figure in numbers), default=size), stack


def numbers_height(figures: list[Figure], ctx: SlideContext, width: float, size: float,
                   stack: bool) -> float:
    """The height of the tallest number line of figures side by side (``common_size``'s
    ``size`` and ``stack``): where their labels start, on one line (a unit under one
    number put its label lower than its neighbours')."""
    return max((FigureNumber(figure, ctx, width, size, stack=stack if figure.value
                             is not None else False).height for figure in figures),
               default=0.0)


def label_size(figures: list[Figure], ctx: SlideContext, width: float) -> float:
    """The size the labels of figures side by side share: the smallest any of them is set
    at in ``width`` (one label a quarter smaller than its neighbours read as a lesser
    one, trial 27)."""
    from kiosk.show.textbox import TextBox

    size = ctx.size("label")
    return min((TextBox(ctx.text(figure.label), width, ctx.room("label", 3), size=size,
                        color=ctx.palette.text, max_lines=3, role="label",
                        smallest=ctx.smallest("label")).font_size
                for figure in figures), default=size)


def add_figure(parent: QGraphicsItem, figure: Figure, ctx: SlideContext, rect: QRectF,
               *, size: float | None = None, align: str = "left",
               stack: bool | None = None, roomy: bool = False,
               number_h: float = 0.0, labels: float | None = None
               ) -> tuple[float, FigureNumber]:
    """A figure (number, label, note) inside ``rect``; the height it took, and its number.
    Its label starts under its number, or ``number_h`` down where that is lower (its
    row's, ``numbers_height``). Its note takes two lines, or where ``rect`` is ``roomy``
    (its height is the figure's to fill), as many as fit under the label, up to four:
    not cut short beside free room."""
    size = size or ctx.size("figure")
    number = FigureNumber(figure, ctx, rect.width(), size, align, parent,
                          stack=stack if figure.value is not None else False)
    number.setPos(rect.topLeft())
    under = (number.stacked and not number.inline) or number_h > number.height + 0.5
    y = rect.top() + max(number.height, number_h) + ctx.size("label") * (
        UNDER_UNIT if under else 0.1)  # (a unit's line under the number, then the label:
    # set apart, "historic buildings repaired" touched "Historic buildings", trial 18)
    label = ctx.box(parent, ctx.text(figure.label), QRectF(rect.left(), y, rect.width(),
                    ctx.room("label", 3)), "label", align=align, max_lines=3, size=labels)
    y += label.text_height + ctx.size("note") * 0.4
    if figure.note:
        lines = 2
        while roomy and lines < 4 and ctx.room("note", lines + 1) <= rect.bottom() - y:
            lines += 1
        smaller = max(ctx.smallest("note"), min(ctx.size("note"), label.font_size * ctx.size(
            "note") / ctx.size("label")))  # (as much under its label as its role is: a
        # label its row set at 26 px over a note at 31, at type scale 1.3, trial 41)
        note = ctx.box(parent, ctx.text(figure.note), QRectF(rect.left(), y, rect.width(),
                       ctx.room("note", lines)), "note", color=ctx.palette.muted, align=align,
                       max_lines=lines, size=smaller)
        y += note.text_height
    return y - rect.top(), number
