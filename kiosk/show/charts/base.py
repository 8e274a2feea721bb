"""What chart views share: the container, timing, value labels and touch callouts."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from kiosk.deck.basics import Qualifier
from kiosk.deck.charts import ChartBase
from kiosk.deck.numbers import (
    Alike,
    alike,
    compact_step,
    format_number,
    quantity,
    regrouped,
    short,
    short_decimals,
)
from kiosk.deck.precision import decimals_of
from kiosk.deck.timing import chart_timing
from kiosk.play.timeline import Track
from kiosk.show import fonts
from kiosk.show.context import SlideContext
from kiosk.show.guard import guarded
from kiosk.show.protocols import Releasable
from kiosk.show.textbox import TextBox
from kiosk.show.textcache import draw_text


def staggered(progress: float, index: int, count: int, spread: float = 0.4) -> float:
    """Progress of item ``index`` of ``count`` when they start one after another.

    The items' starts spread over ``spread`` of the whole; each then takes the rest.
    """
    if count <= 1:
        return progress
    start = spread * index / (count - 1)
    return min(1.0, max(0.0, (progress - start) / (1.0 - spread)))


@dataclasses.dataclass(frozen=True)
class Mark:
    """Something a visitor can tap on a chart: where it is and what it says."""

    rect: QRectF
    label: str
    value: str
    item: QGraphicsItem | None = None


def factor(scale: dict[str, float] | None, language: str) -> float:
    """What values are multiplied by in ``language`` (1 where ``scale`` does not say)."""
    return scale.get(language, 1.0) if scale else 1.0


def shown(value: float, by: float) -> float:
    """``value`` multiplied by ``by``, without the binary noise (3.7 x 10000 is 37000,
    not 37000.00000000001); by a factor that is no power of ten, to the significant
    digits ``value`` is written with (近5140万亩 in hectares, x 666.7, is nearly 3,427,000,
    not 3,426,838: a precision the source does not give, trial 27)."""
    if by == 1.0:
        return value
    product = float(f"{value * by:.15g}")
    if not value or not by or math.log10(abs(by)).is_integer():
        return product
    return float(f"{product:.{_significant(value)}g}")


def _significant(value: float) -> int:
    """How many significant digits ``value`` is written with (5140: 4; 0.035: 2)."""
    mantissa = f"{abs(value):.15g}".split("e")[0].replace(".", "").lstrip("0")
    return max(1, len(mantissa))


def in_magnitude(value: float, unit: str, language: str, decimals: int | None,
                 step: tuple[float, str] | None, among: float | None
                 ) -> tuple[float, str, int | None, tuple[float, str] | None]:
    """A value, its unit, decimals and step once put in the magnitude of its unit that
    suits it (0.08万件 is 800件), or that its fellows share (``among``: then not made
    short again on its own, 92.5万座 beside 500座); nothing in no magnitude (0元)."""
    by, written = regrouped(value if among is None or not value else among, unit, language)
    if by == 1.0:
        return value, unit, decimals, step
    return short(value * by, 1.0), written, None, (1.0, "") if among is not None else None


def value_text(value: float, ctx: SlideContext, unit: str = "",
               qualifier: Qualifier | None = None, decimals: int | None = None,
               step: tuple[float, str] | None = None, *, regroup: bool = True,
               among: float | None = None, signed: bool = False) -> str:
    """A chart value as people write it: 近3500项, 52.1%, over 1,500 firms (as a figure
    writes it); a very large one short, 73.2亿元, 7.32 billion yuan (``step``: divided
    by what, and what follows; by default as large as ``value`` asks); in Chinese, in
    the magnitude of its unit that suits it, or the largest of the values shown with it
    (``among``): 0.08万件 is 800件 (``regroup``)."""
    if regroup:
        value, unit, decimals, step = in_magnitude(value, unit, ctx.language, decimals,
                                                   step, among)
    divisor, suffix = step or compact_step(value, ctx.language, axis=False)
    if divisor != 1.0:
        number = short(value, divisor)
        if decimals is None or step is None:  # (the decimals of the short number)
            decimals = short_decimals(value, divisor)
        text = format_number(number, decimals, ctx.language) + (suffix if number else "")
        return str(quantity(_plus(text, signed), unit, qualifier, ctx.language))
    decimals = decimals_of(value) if decimals is None else decimals
    return str(quantity(_plus(format_number(value, decimals, ctx.language), signed), unit,
                        qualifier, ctx.language))


def _plus(number: str, signed: bool) -> str:
    """A number written out, with a plus sign where it is above nothing and ``signed``
    (changes that rise and fall: +11.7% beside −59.6%)."""
    return f"+{number}" if signed and number[:1].isdigit() and number.strip("0.,") else number


def bracketed(label: str, note: str, chinese: bool) -> str:
    """``label`` with ``note`` in a bracket after it, or inside the bracket it ends with
    rather than a second one: 其他（含刚构；2%）, Other (rigid-frame; 2%)."""
    if chinese:
        return f"{label[:-1]}；{note}）" if label.endswith("）") else f"{label}（{note}）"
    return f"{label[:-1]}; {note})" if label.endswith(")") else f"{label} ({note})".strip()


def legend(chart: ChartView, entries: list[tuple[QColor | QBrush | QPen, str]], left: float,
           top: float, width: float) -> float:
    """Swatches with their names, flowing into as many rows as ``width`` needs (a name
    longer than a row in two lines); the height they take. A pen's swatch is a short
    stroke of it (a line's legend: its colour and its dashes)."""
    ctx = chart.ctx
    swatch = ctx.size("label") * 0.7
    line = ctx.room("label", 1)
    x, y, row_h = left, top, line
    for colour, text in entries:
        lead = swatch * (1.9 if isinstance(colour, QPen) else 1.5)  # (a stroke, clear of
        label = ctx.box(chart, text, QRectF(0, 0, width - lead, ctx.room("label", 2)),  # its
                        "label", color=ctx.palette.muted, max_lines=2)  # name: it was 4 px
        needed = lead + label.text_width  # from it, its start out of the chart, trial 16)
        if x > left and x + needed > left + width:
            x, y, row_h = left, y + row_h + ctx.size("label") * 0.3, line
        if isinstance(colour, QPen):
            cap = colour.widthF() / 2  # (its round ends reach past its points)
            stroke = QGraphicsLineItem(x + cap, y + line / 2, x + swatch * 1.3 - cap,
                                       y + line / 2, chart)
            stroke.setPen(colour)
        else:
            box = QGraphicsRectItem(x, y + line / 2 - swatch / 2, swatch, swatch, chart)
            box.setBrush(colour)
            box.setPen(Qt.PenStyle.NoPen)
        label.setPos(x + lead, y)
        row_h = max(row_h, label.text_height)
        x += needed + swatch * 2
    return y + row_h + ctx.size("label") * 0.4 - top


class ChartView(QGraphicsRectItem):
    """A chart inside ``rect``: it lists its animation tracks and its tappable marks."""

    def __init__(self, chart: ChartBase, ctx: SlideContext, rect: QRectF,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(rect, parent)
        self.setPen(Qt.PenStyle.NoPen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.chart, self.ctx = chart, ctx
        self.factor = factor(chart.scale, ctx.language)
        """What the chart's values are multiplied by in this language (its ``scale``)."""
        self.tracks: list[tuple[Track, Callable[[float], None]]] = []
        self.marks: list[Mark] = []
        self.callout: Callout | None = None

    def track(self, apply: Callable[[float], None], *, offset: float = 0.0,
              share: float = 1.0) -> None:
        """Animate ``apply`` over the chart's duration (``share`` of it, ``offset`` in)."""
        delay, duration = chart_timing(self.chart)
        self.tracks.append((Track(delay + offset * duration, duration * share,
                                  self.chart.easing), apply))

    def decimals_for(self, values: list[float], by: float | None = None,
                     given: int | None = None, source: float | None = None) -> int | None:
        """The decimals values shown together have: ``given`` (a compare row's own) or
        the chart's ``decimals`` if it says (fewer where the values are shown multiplied
        ``by`` a power of ten: the chart's ``scale`` by default), else None: each its
        own, as written (15.9 beside 8.15, not 15.90, which claims a precision the
        source does not give; 1420 beside 12.5); values the language shows divided
        (4300万 as 43 million) all with the decimals one of them needs, but the value
        of ``source`` (as the author wrote it) no more than it has so (4510亿 is 451.0
        billion beside 22.15, not 451.00: trial 32)."""
        if given is None:
            given = getattr(self.chart, "decimals", None)
        by = self.factor if by is None else by
        if given is None and by < 1.0 and values:  # (worked out from the author's, in
            shared = max(decimals_of(v) for v in values)  # another unit: 43.0 beside
            shift = -math.log10(by) if by > 0 else 0.0  # 40.5, trial 14)
            if source is None or abs(shift - round(shift)) > 1e-9:
                return shared
            return min(shared, decimals_of(source) + round(shift))
        if given is None:  # trial 14: each as precise as the others)
            return None
        shift = math.log10(by) if by > 0 else 0.0
        if abs(shift - round(shift)) < 1e-9:  # (10.0万吨 at scale 10,000: 100,000 tonnes,
            return max(0, int(given) - round(shift))  # not 100,000.0)
        return int(given)

    def written_alike(self, values: list[tuple[float, str]]) -> dict[str, Alike]:
        """How values shown together are written, for each unit they are in (a legend's
        parts in 万吨 in one magnitude: 0.9万吨 beside 1.6万吨, not 9000吨)."""
        units: dict[str, list[float]] = {}
        for value, unit in values:
            units.setdefault(unit, []).append(value)
        return {unit: alike(numbers, unit, self.ctx.language)
                for unit, numbers in units.items()}

    def even_values(self) -> None:
        """Its values of one kind (a legend's, the bars') at one size: the smallest any
        of them had to take."""
        kinds: dict[str, list[CountLabel]] = {}
        for item in self.childItems():
            if isinstance(item, CountLabel):
                kinds.setdefault(item.role, []).append(item)
        for labels in kinds.values():
            same_size(labels)

    def release(self) -> None:
        """The chart left the screen: let go of pictures kept only to draw frames fast."""
        for item in self.childItems():
            if isinstance(item, Releasable):
                item.release()

    def hit(self, point: QPointF) -> Mark | None:
        """The mark under a point of the scene, if any."""
        local = self.mapFromScene(point)
        for mark in self.marks:
            if mark.rect.adjusted(-6, -6, 6, 6).contains(local):
                return mark
        return None

    def explore(self, point: QPointF) -> Mark | None:
        """Highlight the mark under ``point`` with a callout; clear it when there is none."""
        mark = self.hit(point)
        self.clear_callout()
        if mark is not None:
            self.callout = Callout(mark, self.ctx, self)
        return mark

    def clear_callout(self) -> None:
        """Take the callout away, if one is shown."""
        if self.callout is not None:
            scene = self.callout.scene()
            if scene is not None:
                scene.removeItem(self.callout)
            else:
                self.callout.setParentItem(None)
            self.callout = None


class Callout(QGraphicsItem):
    """A label and value beside the tapped mark, with the mark outlined."""

    def __init__(self, mark: Mark, ctx: SlideContext, parent: ChartView) -> None:
        super().__init__(parent)
        self.mark, self.ctx = mark, ctx
        self._label_font = fonts.font(ctx.size("label"), bold=True)
        self._value_font = fonts.font(ctx.size("heading"), bold=True, tabular=True)
        pad = ctx.size("label") * 0.6
        width = max(QFontMetricsF(self._label_font).horizontalAdvance(mark.label),
                    QFontMetricsF(self._value_font).horizontalAdvance(mark.value)) + 2 * pad
        height = QFontMetricsF(self._label_font).height() + 2 * pad + (
            QFontMetricsF(self._value_font).height() if mark.value else 0.0)  # (the hub:
        self._box = self._placed(parent, width, height, pad)  # its name alone)
        self._pad = pad
        self.setZValue(10)

    def _placed(self, chart: ChartView, width: float, height: float, pad: float) -> QRectF:
        """Where the box goes: above the mark, else below it, else beside it, the first
        of those inside the chart that covers none of its words (a compare row's callout
        lay over the next row's value); above or below if none is clear."""
        mark, area = self.mark, chart.rect()
        x = min(max(mark.rect.center().x() - width / 2, area.left()), area.right() - width)
        y = min(max(mark.rect.center().y() - height / 2, area.top()), area.bottom() - height)
        words = [item.mapRectToParent(item.boundingRect()) for item in chart.childItems()
                 if isinstance(item, CountLabel | TextBox) and item.isVisible()]
        beyond = max([mark.rect.right(), *(word.right() for word in words  # (past its own
                      if word.left() >= mark.rect.right() - 1  # value, on its line)
                      and word.top() < mark.rect.bottom() and word.bottom() > mark.rect.top())])
        tries = [QRectF(x, mark.rect.top() - height - pad, width, height),
                 QRectF(x, mark.rect.bottom() + pad, width, height),
                 QRectF(mark.rect.right() + pad, y, width, height),
                 QRectF(beyond + pad, y, width, height),
                 QRectF(mark.rect.left() - pad - width, y, width, height)]
        inside = [box for box in tries if area.contains(box)]
        clear = [box for box in inside
                 if not any(box.intersects(word) and not mark.rect.contains(word.center())
                            for word in words)]
        if clear:
            return clear[0]
        above = tries[0]
        if above.top() < area.top():
            above.moveTop(min(mark.rect.bottom() + pad, area.bottom() - height))
        return above

    def boundingRect(self) -> QRectF:
        return self._box.united(self.mark.rect).adjusted(-4, -4, 4, 4)

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        p = self.ctx.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(p.text, 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self.mark.rect.adjusted(-3, -3, 3, 3), 6, 6)
        fill = QColor(p.surface)
        painter.setPen(QPen(p.accent, 2))
        painter.setBrush(fill)
        painter.drawRoundedRect(self._box, 10, 10)
        label_metrics = QFontMetricsF(self._label_font)
        painter.setFont(self._label_font)
        painter.setPen(p.muted)
        x, y = self._box.left() + self._pad, self._box.top() + self._pad
        painter.drawText(QPointF(x, y + label_metrics.ascent()), self.mark.label)
        painter.setFont(self._value_font)
        painter.setPen(p.accent)
        y += label_metrics.height()
        painter.drawText(QPointF(x, y + QFontMetricsF(self._value_font).ascent()),
                         self.mark.value)


def same_size(labels: list[CountLabel]) -> None:
    """The values of one legend or one chart at one size: the smallest any of them had
    to take to fit its room (four sizes in one legend read as four kinds of number)."""
    smallest = min((label.font_size for label in labels), default=0.0)
    for label in labels:
        label.shrink_to(smallest)


def fitted_font(text: str, size: float, max_width: float | None) -> QFont:
    """The bold tabular font at ``size``, or smaller until ``text`` fits ``max_width``."""
    font = fonts.font(size, bold=True, tabular=True)
    if max_width is None:
        return font
    pixels = font.pixelSize()
    width = QFontMetricsF(font).horizontalAdvance(text)
    while width > max_width and pixels > 1:
        pixels = max(1, min(pixels - 1, math.floor(pixels * max_width / width)))
        font = fonts.font(pixels, bold=True, tabular=True)
        width = QFontMetricsF(font).horizontalAdvance(text)
    return font


class CountLabel(QGraphicsItem):
    """A value that counts with its bar: always the final value's decimals and unit.

    It is drawn smaller when its final text is wider than ``max_width``, so it stays
    in the room its chart gives it whatever the value.
    """

    def __init__(self, value: float, ctx: SlideContext, *, unit: str = "",
                 qualifier: Qualifier | None = None, role: str = "label",
                 color: QColor | None = None, align: str = "left",
                 max_width: float | None = None, decimals: int | None = None,
                 step: tuple[float, str] | None = None, among: float | None = None,
                 regroup: bool = True, signed: bool = False,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        if regroup:  # (0.08万件: 800件, counted in 件 from the start)
            value, unit, decimals, step = in_magnitude(value, unit, ctx.language, decimals,
                                                       step, among)
        self.value, self.ctx, self.unit, self.qualifier = value, ctx, unit, qualifier
        self.step = step or compact_step(value, ctx.language, axis=False)
        """Divided by what, and followed by what (a very large value, written short):
        the final value's, on every frame."""
        if self.step[0] != 1.0 and (step is None or decimals is None):
            decimals = short_decimals(value, self.step[0])
        self.decimals = decimals_of(value) if decimals is None else decimals
        """Its own, or the chart's ``decimals`` where it gives them."""
        self._color = color or ctx.palette.text
        self._align = align
        self.signed = signed
        self.final = value_text(value, ctx, unit, qualifier, self.decimals, self.step,
                                regroup=False, signed=signed)
        self.text = self.final
        self.role = role
        self._use(fitted_font(self.final, ctx.size(role), max_width))  # (smaller than
        # can be read if it must: a number is not cut short; the layout audit marks it)

    def _use(self, font: QFont) -> None:
        self._font = font
        self.font_size = float(font.pixelSize())
        metrics = QFontMetricsF(font)
        self._width = metrics.horizontalAdvance(self.final)
        self._height = metrics.height()
        self._ascent = metrics.ascent()

    def shrink_to(self, pixels: float) -> None:
        """Draw it at ``pixels`` (no larger than it is): the size of the smallest of the
        values it is shown with (``same_size``)."""
        if pixels >= self._font.pixelSize():
            return
        self.prepareGeometryChange()
        self._use(fonts.font(pixels, bold=True, tabular=True))

    def set_progress(self, progress: float) -> None:
        text = self.final if progress >= 1.0 else value_text(
            self.value * progress, self.ctx, self.unit, self.qualifier, self.decimals,
            self.step, regroup=False, signed=self.signed)
        if text != self.text:
            self.text = text
            self.update()

    @guarded
    def warm(self, painter: QPainter) -> None:
        """Make the pictures of every character this label can show."""
        draw_text(painter, QPointF(0, 0), "0123456789.,-\u2212" + self.final, self._font,
                  self._color, per_char=True)

    def boundingRect(self) -> QRectF:
        left = {"left": 0.0, "center": -self._width / 2, "right": -self._width}[self._align]
        return QRectF(left, -self._height / 2, self._width, self._height)

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        rect = self.boundingRect()
        width = QFontMetricsF(self._font).horizontalAdvance(self.text)
        x = rect.left() + (rect.width() - width if self._align == "right" else
                           (rect.width() - width) / 2 if self._align == "center" else 0)
        draw_text(painter, QPointF(x, rect.top() + self._ascent), self.text, self._font,
                  self._color, per_char=True)


def drawn_extent(view: ChartView) -> QRectF:
    """Where a chart's marks and words are, in the scene (a text's letters, not its box;
    a mark where it ends, though it has yet to grow there)."""
    drawn = QRectF()
    for mark in view.marks:
        drawn = drawn.united(view.mapRectToScene(mark.rect))
    items = list(view.childItems())
    while items:
        item = items.pop()
        if isinstance(item, TextBox):
            drawn = drawn.united(item.ink_rect())
            continue
        items.extend(item.childItems())
        if not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents:
            drawn = drawn.united(item.sceneBoundingRect())
    return drawn
