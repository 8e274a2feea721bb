"""A hub and its partners, or an ecosystem: nodes appear, then the links between them.

The layout is a sunflower spiral with seeded jitter, each group a wedge of it: the same
seed gives the same picture on every replay and in every export.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import random
import re
from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from kiosk.deck.basics import Qualifier
from kiosk.deck.charts import NetworkChart, NodeGroup, dots
from kiosk.deck.numbers import english_magnitude, magnitude
from kiosk.deck.text import Text
from kiosk.show import fonts
from kiosk.show.charts.accumulate import SHAPES, Accumulated, Dots, Lines, draw_dot
from kiosk.show.charts.base import (
    ChartView,
    CountLabel,
    Mark,
    bracketed,
    factor,
    shown,
    value_text,
)
from kiosk.show.chinesewords import inside_word
from kiosk.show.context import SlideContext
from kiosk.show.textbox import WORD, TextBox
from kiosk.show.theme import Palette

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
GROUP_COLOURS = (1, 4, 5, 3, 7, 8, 9, 10)
"""The palette's data colours of the (up to 8) groups, in order (teal, pale green, olive,
violet: not the ice blue, which beside the teal read as its shadow)..."""
HIGHLIGHT_COLOURS = (0, 2, 3, 11, 6, 10, 9, 8, 7, 5, 4)
"""...and of the highlights, one after another across the chart: first the colours no
group has, then those of the groups the chart does not have."""


def _splits_a_word(text: str, lines: list[str]) -> bool:
    """Whether ``lines`` of ``text`` break inside a Chinese word (三峡库 / 区移民)."""
    at = 0
    for line in lines[:-1]:
        at = text.find(line, at) + len(line)
        if 0 < at < len(text) and inside_word(text, at):
            return True
    return False


SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "to", "in", "on", "for",
                         "at", "by", "with", "&"})
"""Words a line of the hub's name is never made of alone."""
HUB_LINES = 4
"""The hub's name takes up to this many lines inside its circle."""
HUB_AIR = 0.9
"""The air between the corners of the hub's name and its circle, in the name's size (with
half: "Zayton (Quanzhou)" ran to within 12 px of the circle's edge, trial 34)."""
HUB_LARGEST = 0.24
"""The hub's radius at most, as a share of the chart's side: its circle about half the
disc's width (at type scale 1.3 it took 0.6 of it for "Neighbourhoods", the dots squeezed
into a thin ring, trial 18); a longer name is set smaller in it."""
LEGEND_LINES = 3
"""A legend row's name (with what a dot counts) takes up to this many lines."""
LEGEND_MOST = 0.55
"""A legend under the disc takes at most this share of the chart's height."""

Placed = tuple[list[list[QGraphicsItem]], int]
"""A legend's rows laid out, each row's items, and where its tracks begin."""
Measured = tuple[float, int, Placed | None]
"""A legend's height, columns, and its rows as laid out where they are kept."""
Row = tuple[QColor, str, float, Qualifier | None, Text | None, str, bool]
"""A legend row: colour, shape, count, qualifier, unit, label, and whether it is some of
the group above it (a highlight: set in, said to be among them)."""


def _classes(chart: NetworkChart) -> tuple[list[int], list[list[int]]]:
    """The palette's data colour of each group, and of each of its highlights: every
    highlight of the chart differs from the groups and from the others while the
    palette lasts, and none takes the hub's (the first accent)."""
    groups = [GROUP_COLOURS[g % len(GROUP_COLOURS)] for g in range(len(chart.groups))]
    free = [c for c in HIGHLIGHT_COLOURS if c not in groups and not (chart.hub and c == 0)]
    free = free or [c for c in HIGHLIGHT_COLOURS if not (chart.hub and c == 0)]
    picked: list[list[int]] = []
    named: dict[Text, int] = {}  # (highlights of one name, in several groups, are one
    for group in chart.groups:  # kind: one colour; "Visited by Zheng He" was three,
        row = []  # trial 21)
        for highlight in group.highlights:
            if highlight.label not in named:
                named[highlight.label] = free[len(named) % len(free)]
            row.append(named[highlight.label])
        picked.append(row)
    return groups, picked


def colours(chart: NetworkChart, palette: Palette) -> tuple[list[QColor], list[list[QColor]]]:
    """Each group's colour, and its highlights'."""
    groups, highlights = _classes(chart)
    return [palette.series(c) for c in groups], [[palette.series(c) for c in h]
                                                  for h in highlights]


def shapes(chart: NetworkChart, palette: Palette) -> tuple[list[str], list[list[str]]]:
    """Each group's dot shape, and its highlights': a disc while its colour is one every
    visitor tells apart; past those, a ring, a square, a diamond, in the legend's order
    (its colour alone would be taken for another's by a colour-blind visitor)."""
    groups, highlights = _classes(chart)
    given: dict[int, str] = {}  # (one colour, one shape: a highlight in several groups)

    def shape(colour: int) -> str:
        if colour < palette.apart:
            return SHAPES[0]
        if colour not in given:
            given[colour] = SHAPES[1 + len(given) % (len(SHAPES) - 1)]
        return given[colour]

    group_shapes, highlight_shapes = [], []
    for g, colour in enumerate(groups):
        group_shapes.append(shape(colour))
        highlight_shapes.append([shape(c) for c in highlights[g]])
    return group_shapes, highlight_shapes


def layout(count: int, seed: int, inner: float = 0.0) -> list[tuple[float, float]]:
    """``count`` points in the unit disc (beyond radius ``inner``), evenly spread."""
    rng = random.Random(seed)
    points = []
    for n in range(count):
        radius = math.sqrt(inner**2 + (1 - inner**2) * (n + 0.5) / count)
        angle = n * GOLDEN_ANGLE + rng.uniform(-0.25, 0.25) / math.sqrt(n + 1)
        radius *= rng.uniform(0.99, 1.0)
        points.append((radius * math.cos(angle), radius * math.sin(angle)))
    return points


def around(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The points in the order a hand goes round from twelve o'clock (y down): the
    nodes of a group, given one after another, lie in one wedge, as large as its share
    (a visitor compares groups as a pie's slices; mixed at random, they could not)."""
    return sorted(points, key=lambda p: math.atan2(p[0], -p[1]) % math.tau)


def by_distance(xs: list[float], ys: list[float], x: float, y: float) -> list[int]:
    """Indices of the points, nearest to (x, y) first (ties in index order)."""
    return sorted(range(len(xs)), key=lambda n: (xs[n] - x) ** 2 + (ys[n] - y) ** 2)


def nearest(xs: list[float], ys: list[float], k: int) -> list[list[int]]:
    """For each point, the ``k`` other points nearest to it (ties in index order).

    Points go into a grid of about three per cell; each point first looks at the
    points of its own and the eight cells around it (shared by the cell's points), and
    further out only when its k-th neighbour could lie beyond: a few dozen distances a
    point instead of all of them (1,200 dots in milliseconds, not half a second).
    """
    count = len(xs)
    if count <= 1:
        return [[] for _ in range(count)]
    want = min(k, count - 1)
    left, top = min(xs), min(ys)
    span = max(max(xs) - left, max(ys) - top, 1e-9)
    cell = span / max(1.0, math.sqrt(count / 3))
    grid: dict[tuple[int, int], list[int]] = {}
    keys = [(int((x - left) / cell), int((y - top) / cell)) for x, y in zip(xs, ys, strict=True)]
    for n, key in enumerate(keys):
        grid.setdefault(key, []).append(n)
    blocks: dict[tuple[int, int], list[tuple[float, float, int]]] = {}
    found = []
    reach = cell * cell
    for n, key in enumerate(keys):
        block = blocks.get(key)
        if block is None:
            gx, gy = key
            block = blocks[key] = [(xs[m], ys[m], m) for i in (gx - 1, gx, gx + 1)
                                   for j in (gy - 1, gy, gy + 1) for m in grid.get((i, j), ())]
        x, y = xs[n], ys[n]
        near = sorted([((dx := bx - x) * dx + (dy := by - y) * dy, m)
                       for bx, by, m in block if m != n])
        if len(near) < want or near[want - 1][0] > reach:
            near = _farther(xs, ys, n, key, grid, cell, want)
        found.append([m for _, m in near[:want]])
    return found


def _farther(xs: list[float], ys: list[float], n: int, key: tuple[int, int],
             grid: dict[tuple[int, int], list[int]], cell: float, want: int
             ) -> list[tuple[float, int]]:
    """The nearest points of ``n`` when they may lie beyond the cells next to it."""
    x, y = xs[n], ys[n]
    ring = 2
    while True:
        near = sorted(((xs[m] - x) ** 2 + (ys[m] - y) ** 2, m)
                      for i in range(key[0] - ring, key[0] + ring + 1)
                      for j in range(key[1] - ring, key[1] + ring + 1)
                      for m in grid.get((i, j), ()) if m != n)
        if len(near) >= want and near[want - 1][0] <= (ring * cell) ** 2:
            return near
        if len(near) == len(xs) - 1:
            return near
        ring += 1


class NetworkView(ChartView):
    """Nodes coloured by group (and highlight), links to the hub or to neighbours."""

    chart: NetworkChart

    def __init__(self, chart: NetworkChart, ctx: SlideContext, rect: QRectF,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(chart, ctx, rect, parent)
        p = ctx.palette
        wide = rect.width() > rect.height() * 1.3
        self._legend_beside = wide
        self._note_off = False
        """Whether what a dot counts is said on the first row rather than under the
        legend (no room for a line under it)."""
        rows = self._rows()
        disc_w = min(rect.height(), rect.width() * 0.6)  # (beside: the legend takes all
        legend_w = rect.width() - disc_w - ctx.size("label") * 2 if wide else \
            rect.width()  # the disc leaves, not 40 %: English names wrapped in it, the
        # wall empty beside them, trial 15)
        most = rect.height() * (1.0 if wide else LEGEND_MOST)
        legend_h, self._columns, measured = self._legend_room(rows, legend_w, most,
                                                              alike=not wide)
        # (beside the disc, its height is no other language's business)
        if self._dot_note() is not None and (measured is None or any(
                isinstance(item, TextBox) and item.elided for row in measured[0]
                for item in row)):  # (too tall with a line under it, or a name cut:
            self._drop(measured)  # what a dot counts on its first row)
            self._note_off = True
            rows = self._rows()
            legend_h, self._columns, measured = self._legend_room(rows, legend_w, most,
                                                                  alike=not wide)
        if measured is None and any(row[6] for row in rows):  # too tall: the highlights
            rows = self._rows(plain=True)  # without "(among X)", set in under their group
            legend_h, self._columns, measured = self._legend_room(  # (which says so)
                rows, legend_w, most, alike=not wide, plain=True)
        if wide:  # legend beside the disc, as tall as it needs
            disc = QRectF(rect.left(), rect.top(), disc_w, rect.height())
            legend = QRectF(disc.right() + ctx.size("label") * 2, rect.top() + (rect.height()
                            - legend_h) / 2, legend_w, legend_h)
        else:  # under it: the disc gives the legend the room its rows need
            disc = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - legend_h)
            legend = QRectF(rect.left(), disc.bottom(), rect.width(), legend_h)
        side = min(disc.width(), disc.height())
        centre = disc.center()
        radius = side / 2 * 0.94
        palette: list[QColor] = []  # each group's colour, then its highlights
        forms: list[str] = []  # (and their shapes)
        colour_of: list[int] = []
        group_of: list[int] = []
        group_colours_of, highlight_colours_of = colours(chart, p)
        group_shapes, highlight_shapes = shapes(chart, p)
        for g, group in enumerate(chart.groups):
            base = QColor(group_colours_of[g])
            base.setAlphaF(0.85)
            palette.append(base)
            forms.append(group_shapes[g])
            group_colours = [len(palette) - 1] * group.dots
            marked = sum(dots(h.count, group.per_node) for h in group.highlights)
            at = max(0, (group.dots - marked) // 2)  # (in the middle of its group's wedge:
            # at its edge, two groups' calves flanked one wedge, read as its, trial 25)
            for h, highlight in enumerate(group.highlights):
                palette.append(highlight_colours_of[g][h])
                forms.append(highlight_shapes[g][h])
                k = dots(highlight.count, group.per_node)
                group_colours[at : at + k] = [len(palette) - 1] * k
                at += k
            colour_of += group_colours
            group_of += [g] * group.dots
        order = list(range(len(colour_of)))
        hub_r = self._hub_radius(side)
        inner = min(0.8, hub_r / radius) if chart.hub else 0.0
        node = max(4.0, min(side * 0.045, 0.65 * radius * math.sqrt(
            math.pi * (1 - inner ** 2) / max(1, len(order)))))  # (apart: a sunflower's
        # nearest dots are 0.69 of the root of the area a dot has apart, measured)
        hub_share = min(0.8, max(0.2, (hub_r + node * 0.7) / (radius * 0.99))) \
            if chart.hub else 0.0  # (the nearest dots clear of the hub, not under it)
        spots = around(layout(len(order), chart.seed, inner=hub_share))
        xs = [0.0] * len(order)
        ys = [0.0] * len(order)
        for spot, n in zip(spots, order, strict=True):
            xs[n] = centre.x() + spot[0] * radius
            ys[n] = centre.y() + spot[1] * radius
        self.positions = (xs, ys)
        self.group_of = group_of
        self.node_size = node
        self.node_count = len(order)
        faint = QColor(p.muted)
        faint.setAlphaF(0.35)
        width = max(1.0, side * 0.002)
        reach = node / 2 + max(width, 1.0) + 1  # every mark lies this close to the nodes
        left, top = min([*xs, centre.x()]), min([*ys, centre.y()])  # (a null rect, as of one
        spread = QRectF(left, top, max([*xs, centre.x()]) - left,  # dot, unites with none)
                        max([*ys, centre.y()]) - top).adjusted(-reach, -reach, reach, reach)
        self.links = Accumulated(Lines(lambda: self._links(xs, ys, centre), width,
                                       faint), self, bounds=spread)
        reveal = by_distance(xs, ys, centre.x(), centre.y())
        self.nodes = Accumulated(Dots([xs[n] for n in reveal], [ys[n] for n in reveal],
                                      node / 2, [colour_of[n] for n in reveal], palette,
                                      forms),
                                 self, bounds=spread)
        self.nodes.setZValue(1)
        self.node_colours = [palette[c] for c in colour_of]
        if chart.hub:
            hub = QGraphicsEllipseItem(centre.x() - hub_r, centre.y() - hub_r, 2 * hub_r,
                                       2 * hub_r, self)
            hub.setBrush(p.accent)
            hub.setPen(Qt.PenStyle.NoPen)
            hub.setZValue(2)
            across = min(self.hub_width, hub_r * 2)  # (the lines it was measured in)
            label = ctx.box(self, ctx.text(chart.hub), QRectF(
                centre.x() - across / 2, centre.y() - hub_r, across, hub_r * 2), "note",
                color=p.background, bold=True, align="center", valign="center",
                max_lines=HUB_LINES, line_height=1.15, size=self.hub_size)
            label.setZValue(3)
            self.marks.append(Mark(hub.rect(), ctx.text(chart.hub), ""))
        self._labels = [(ctx.text(group.label), value_text(  # (in the language's numbers:
            shown(group.count, self.factor), ctx, ctx.text(group.unit),  # 120万户 is 1.2
            group.qualifier)) for group in chart.groups]  # million households, trial 15)
        self._legend(legend, rows, measured)

        def grow(progress: float) -> None:
            self.nodes.set_count(round(min(1.0, progress / 0.6) * self.nodes.total))
            links_p = max(0.0, (progress - 0.3) / 0.7)  # (the links are worked out when
            self.links.set_count(round(links_p * self.links.total) if links_p else 0)  # due)

        self.track(grow)

    def _hub_radius(self, side: float) -> float:
        """The hub's radius: a ninth of the disc, or as much more (up to HUB_LARGEST) as its
        name needs in the deck's widest language (a visitor who switches language sees
        the same picture), laid out in the block of lines that fits the smallest circle
        at a size read at 2 m (a word is never split, nor cut)."""
        ctx, hub = self.ctx, self.chart.hub
        if not hub:
            return 0.0
        languages = dict.fromkeys([ctx.language, *ctx.deck.languages])
        needed = max(self._hub_block(hub.get_text(language, ctx.deck.default_language))[0]
                     for language in languages)
        radius = min(side * HUB_LARGEST, max(side * 0.11, needed))
        self.hub_size = max(ctx.smallest("note"), ctx.size("note") * min(1.0, radius / needed))
        """Its name's size: the notes', or smaller where the circle is at its largest (a
        size of its own, not a note shrunk: the slide is not made smaller for it)."""
        self.hub_width = self._hub_block(ctx.text(hub), within=radius, size=self.hub_size)[1]
        return radius

    def _hub_block(self, text: str, within: float | None = None, size: float | None = None
                   ) -> tuple[float, float]:
        """The radius of the smallest circle around ``text`` in a block of lines (at
        ``size``, the notes' by default), and the block's width; ``within`` a circle of
        that radius, the block of the fewest lines that fits it (省电力 / 调度中心 in a
        circle made for the English name, not four lines of two characters)."""
        size = size or self.ctx.size("note")
        metrics = QFontMetricsF(fonts.font(size, bold=True))
        widest = max([metrics.horizontalAdvance(w) for w in WORD.findall(text)]
                     + [metrics.horizontalAdvance(w) for w in text.split() if w.isascii()]
                     + [metrics.horizontalAdvance(c) * 2 for c in text if not c.isspace()])
        # (a word with its brackets: "(Quanzhou)" cut to "(Quanzh…" on two lines, so one
        # line it was, to 12 px from the circle's edge, trial 34)
        whole = metrics.horizontalAdvance(text)
        best, block = math.inf, widest
        for lines in range(1, HUB_LINES + 1):  # the block of each count of lines: how
            width = max(widest, whole / lines * (1.0 if lines == 1 else 1.15))  # wide it
            # is, and the circle around it (a little slack: words do not break evenly)
            box = TextBox(text, width * 1.02, size * 1.15 * HUB_LINES + size, size=size,
                          color=QColor(), bold=True, max_lines=lines, line_height=1.15,
                          smallest=size)
            if box.elided or (len(text.strip()) > 1 and lines > 1 and any(
                    len(line.strip()) == 1 or line.strip().lower() in SMALL_WORDS
                    or _opens(line) for line in box.lines)) or _splits_a_word(text, box.lines):
                continue  # (cut short, or one character alone on a line: 省 / 电力 / …;
                # or a small word: Gavi, / the / Vaccine / Alliance, trial 24; or a
                # bracket open at a line's end: 武夷山 / （下梅 / 村）, trial 27)
            # (nor a Chinese word split: 三峡库 / 区移民, trial 32)
            around = math.hypot(box.text_width / 2, box.text_height / 2)
            if within is not None and around + size * HUB_AIR <= within:  # (air round it)
                return around + size * HUB_AIR, width * 1.02  # (the fewest lines that fit)
            if around < best:
                best, block = around, width * 1.02
        return (best if best < math.inf else whole / 2) + size * HUB_AIR, block

    def node_mark(self, n: int) -> Mark:
        """What a tap on node ``n`` says: its group and the group's count."""
        xs, ys = self.positions
        side = self.node_size
        return Mark(QRectF(xs[n] - side, ys[n] - side, 2 * side, 2 * side),
                    *self._labels[self.group_of[n]])

    def hit(self, point: QPointF) -> Mark | None:
        """The hub, or the node nearest to a tap within its reach (nodes are not kept as
        marks one by one: they are found when tapped)."""
        found = super().hit(point)
        if found is not None:
            return found
        local = self.mapFromScene(point)
        xs, ys = self.positions
        reach = (self.node_size + 6) ** 2
        best = min(range(len(xs)), default=None, key=lambda n: (xs[n] - local.x()) ** 2
                   + (ys[n] - local.y()) ** 2)
        if best is None or (xs[best] - local.x()) ** 2 + (ys[best] - local.y()) ** 2 > reach:
            return None
        return self.node_mark(best)

    def _links(self, xs: list[float], ys: list[float], centre: QPointF) -> list[float]:
        """Segments as x1, y1, x2, y2: every node to the hub, or to its two nearest
        nodes when there is no hub (a mesh across the groups' wedges)."""
        ends: list[float] = []
        if self.chart.hub:
            cx, cy = centre.x(), centre.y()
            for n in by_distance(xs, ys, cx, cy):
                ends += (cx, cy, xs[n], ys[n])
        else:
            for n, close in enumerate(nearest(xs, ys, 2)):
                for m in close:
                    ends += (xs[n], ys[n], xs[m], ys[m])
        return ends

    def _rows(self, *, plain: bool = False) -> list[Row]:
        """The legend's rows: each group (with what a dot counts, said once where every
        group counts alike), then its highlights (said to be among it, unless ``plain``:
        set in under it, they are)."""
        ctx = self.ctx
        group_colours_of, highlight_colours_of = colours(self.chart, ctx.palette)
        group_shapes, highlight_shapes = shapes(self.chart, ctx.palette)
        rows: list[Row] = []
        by = factor(self.chart.scale, ctx.language)  # (its ``scale``: 120万户, 1.2 million)

        once = self._dot_note() is not None  # (one for all: said under the legend)
        alike = len({(g.per_node, ctx.text(g.unit)) for g in self.chart.groups}) == 1
        said = False
        for g, group in enumerate(self.chart.groups):
            label = ctx.text(group.label)
            if label.strip().casefold() == ctx.text(group.unit).strip().casefold():
                label = ""  # (320 schools, not "320 schools Schools")
            if self._many(group) and not once and not (alike and said):
                label = _with_dot_note(label, value_text(shown(group.per_node, by), ctx,
                                       ctx.text(group.unit)), ctx.language.startswith("zh"),
                                       every=alike and len(self.chart.groups) > 1)
                said = True  # (where no line under the legend has room: on its first row)
            rows.append((group_colours_of[g], group_shapes[g], shown(group.count, by),
                         group.qualifier, group.unit, label, False))
            for h, highlight in enumerate(group.highlights):  # (some of the group: not
                unit = group.unit if highlight.unit is None else highlight.unit  # to be
                # added to it; its unit its own, else its group's, singular for one in
                # English as a count of one says it: 1 university, trial 33)
                rows.append((highlight_colours_of[g][h], highlight_shapes[g][h],
                             shown(highlight.count, by), None, unit, ctx.text(
                                 highlight.label) if plain else _among(
                                 ctx.text(highlight.label), ctx.text(group.label),
                                 ctx.language.startswith("zh")), True))
        return rows

    def _many(self, group: NodeGroup) -> bool:
        """Whether a dot of ``group`` is more than one: per_node, or a unit of a
        magnitude (万户, where it is one 万)."""
        ctx = self.ctx
        unit = ctx.text(group.unit)
        own = magnitude(unit) if ctx.language.startswith("zh") else english_magnitude(unit)
        return shown(group.per_node, factor(self.chart.scale, ctx.language)) != 1 or \
            own[0] != 1.0

    def _dot_note(self) -> str | None:
        """What a dot counts, said once under the legend where every group's dot counts
        alike (None: it does not, or a dot is one): on the first row, it was read as
        that group's alone (trial 22)."""
        ctx = self.ctx
        counted = {(g.per_node, ctx.text(g.unit)) for g in self.chart.groups
                   if self._many(g)}
        if self._note_off or len(self.chart.groups) < 2 or len(counted) != 1 or not all(
                self._many(g) for g in self.chart.groups):
            return None
        per_node, unit = next(iter(counted))
        each = value_text(shown(per_node, factor(self.chart.scale, ctx.language)), ctx, unit)
        return f"每点代表{each}" if ctx.language.startswith("zh") else \
            f"Each dot: {each}".replace(" ", "\u00a0", 1)

    @contextlib.contextmanager
    def _speaking(self, language: str) -> Iterator[None]:
        """The chart's context in ``language`` while in the block (a legend measured as
        another language writes it), its own again after, whatever happens in it."""
        own = self.ctx
        self.ctx = dataclasses.replace(own, language=language)
        try:
            yield
        finally:
            self.ctx = own

    def _legend_room(self, rows: list[Row], width: float, most: float, *, alike: bool,
                     plain: bool = False) -> Measured:
        """The legend measured: as tall as in the deck's tallest language where ``alike``
        (the disc above it keeps its size when a visitor switches language), and its
        columns in this one."""
        ctx = self.ctx
        heights = []
        for language in dict.fromkeys(ctx.deck.languages) if alike else ():
            if language != ctx.language:
                with self._speaking(language):
                    used, _, placed = self._legend_fit(self._rows(plain=plain), width, most)
                self._drop(placed)
                heights.append(used)
        used, columns, placed = self._legend_fit(rows, width, most)
        if heights and max(heights) > used:
            self._drop(placed)
            used, columns, placed = self._legend_fit(rows, width, max(heights))
            used = max(heights)
        return used, columns, placed

    def _legend_fit(self, rows: list[Row], width: float, most: float) -> Measured:
        """The legend laid out from the origin: one column where its rows fit in
        ``most``, else two where they are wide enough and fit, else the lower of the two
        (at most ``most``: then the type is made smaller, or the rows cut); the height,
        the columns, and the rows' items and tracks where the one chosen is kept."""
        ctx = self.ctx
        swatch = ctx.size("label") * 0.7
        tried = []
        least = ctx.room("label", 1) + ctx.size("label") * 0.45  # (a row of one line)
        for columns in (1, 2) if width > ctx.size("label") * 16 else (1,):
            if math.ceil(len(rows) / columns) * least - ctx.size("label") * 0.45 > most:
                tried.append((math.ceil(len(rows) / columns) * least, columns))
                continue  # (too tall at a line a row: not laid out to be told so)
            tracks = len(self.tracks)
            used, placed = self._legend_rows(QRectF(0, 0, width, 0), rows, columns, swatch,
                                             None)
            if used <= most:
                return used, columns, (placed, tracks)
            self._drop((placed, tracks))
            tried.append((used, columns))
        used, columns = min(tried)
        return min(used, most), columns, None  # (too tall: none kept)

    def _drop(self, placed: Placed | None) -> None:
        """Items of a legend measured but not kept, and their tracks."""
        if placed is None:
            return
        items, tracks = placed
        for row in items:
            for item in row:
                item.setParentItem(None)  # type: ignore[arg-type]  # Qt takes None
        del self.tracks[tracks:]

    def _legend(self, rect: QRectF, rows: list[Row], measured: Placed | None) -> None:
        """The legend in ``rect``: the rows as measured, moved there; or, too tall for
        the chart (none kept), made again each keeping to its share of the room (smaller
        type asked for; at the smallest, its name cut short)."""
        ctx = self.ctx
        if measured is not None:
            placed, _tracks = measured
            for row in placed:
                for item in row:
                    item.moveBy(rect.left(), rect.top())
            used = rect.height()
        else:
            room = self.rect().bottom() - rect.top()
            used, placed = self._legend_rows(rect, rows, self._columns, ctx.size(
                "label") * 0.7, room / math.ceil(len(rows) / self._columns))
            if any(isinstance(item, TextBox) and (item.elided or item.font_size < ctx.size(
                    "label") * 0.97) for row in placed for item in row):
                ctx.needs(room, math.inf)  # (a name cut or made smaller: smaller type)
        shift = max(0.0, (rect.height() - used) / 2) if self._legend_beside else 0.0
        for items in placed:
            for item in items:
                item.moveBy(0, shift)

    def _legend_rows(self, rect: QRectF, rows: list[Row], columns: int, swatch: float,
                     share: float | None) -> tuple[float, list[list[QGraphicsItem]]]:
        """The rows down ``columns`` columns from the top of ``rect``, each as tall as its
        words (a note on what a dot counts is never cut off), or ``share`` tall; the
        height they take and their items."""
        ctx = self.ctx
        per_column = math.ceil(len(rows) / columns)
        width = rect.width() / columns
        gap = ctx.size("label") * 0.45
        bottoms, placed = [], []
        values = []  # (the labels in one column, after the widest value: each after its
        for _colour, _shape, count, qualifier, unit, _text, _inner in rows:  # own ragged)
            probe = CountLabel(count, ctx, unit=ctx.text(unit), qualifier=qualifier,
                               role="label")
            values.append(probe.boundingRect().width())
        self._values_w = min(max(values, default=0.0), (width - swatch * 1.8) * 0.45)
        for column in range(columns):
            y = rect.top()
            for n, row in enumerate(rows[column * per_column:(column + 1) * per_column]):
                cell = QRectF(rect.left() + column * width, y,
                              width - ctx.size("label") * 0.5 * column, share or 0.0)
                items, height = self._legend_row(cell, *row, swatch)
                placed.append(items)
                y += share if share is not None else height + (
                    gap if n < per_column - 1 else 0.0)
            bottoms.append(y)
        used = max(bottoms, default=rect.top()) - rect.top()
        note = self._dot_note()
        if note is not None:  # (under the rows, for all of them)
            top = rect.top() + used + gap
            box = ctx.box(self, note, QRectF(rect.left(), top, rect.width(),
                          ctx.room("label", 2)), "label", color=ctx.palette.muted,
                          max_lines=2)
            placed.append([box])
            used += gap + box.text_height
        return used, placed

    def _legend_row(self, cell: QRectF, colour: QColor, shape: str, count: float,
                    qualifier: Qualifier | None, unit: Text | None, text: str, inner: bool,
                    swatch: float) -> tuple[list[QGraphicsItem], float]:
        """One row of the legend from the top of ``cell``: swatch, count (counting up)
        and label, in as many lines as the label needs (set in by a swatch's width when
        it is some of the group above); its items and its height."""
        ctx, p = self.ctx, self.ctx.palette
        column = cell.left() + swatch * 1.8 + self._values_w + ctx.size("label") * VALUE_GAP
        if inner:  # (set in, its label too)
            cell = cell.adjusted(swatch * 1.4, 0, 0, 0)
            column += swatch * 1.4
        line = ctx.room("label", 1)
        value = CountLabel(count, ctx, unit=ctx.text(unit), qualifier=qualifier, role="label",
                           color=p.accent, max_width=(cell.width() - swatch * 1.8) * 0.6,
                           parent=self)
        value.setPos(cell.left() + swatch * 1.8, cell.top() + line / 2)
        self.track(value.set_progress)
        left = max(column, cell.left() + swatch * 1.8 + value.boundingRect().width()
                   + ctx.size("label") * VALUE_GAP)
        label = ctx.box(self, text, QRectF(left, cell.top(), cell.right() - left,
                        cell.height() or ctx.room("label", LEGEND_LINES)), "label",
                        color=p.muted, max_lines=LEGEND_LINES)
        dot = Swatch(colour, shape, swatch / 2, self)
        dot.setPos(cell.left() + swatch / 2, cell.top() + line / 2)
        return [value, label, dot], max(line, label.text_height)


class Swatch(QGraphicsItem):
    """A legend's dot: the colour and the shape of a group's dots, a little larger."""

    def __init__(self, colour: QColor, shape: str, radius: float,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.colour, self.form, self.radius = colour, shape, radius

    def boundingRect(self) -> QRectF:
        r = self.radius * 1.2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_dot(painter, QPointF(0, 0), self.radius, self.colour, self.form)


def _opens(line: str) -> bool:
    """Whether ``line`` opens more brackets than it closes."""
    return sum(line.count(c) for c in "(（") > sum(line.count(c) for c in ")）")


VALUE_GAP = 1.0
"""Between a legend's widest value and its labels, in the labels' size: at half of it,
"about 162 porpoises Dongting Lake" read as one phrase (trial 25)."""


def _among(label: str, group: str, chinese: bool) -> str:
    """A highlight's label saying it is some of its group (its dots are the group's, not
    more besides): 高僧（属于僧尼）, Eminent monks (among monks and nuns), Satellite-tagged
    (from Yakutia, Russia)."""
    group = re.sub(r"\s*[（(][^（()）]*[)）]\s*$", "", group) or group  # (its own aside
    # left out: not "Have flown (among Group 1 (1998))", trial 26; its row says it)
    if chinese:
        return f"{label}（属于{group}）"
    said = _in_sentence(group)  # (among a plural noun; from a name: "among Yakutia,
    return f"{label} ({'among' if said != group else 'from'} {said})"  # Russia", trial 29)


def _in_sentence(name: str) -> str:
    """A group's name inside an English sentence: a plural common noun lower case (among
    teahouses, among supply-chain enterprises), a name as it is (among Southeast Asia,
    among Beijing: capitalised past its first word, or not a plural)."""
    words = name.split()
    capitals = sum(1 for word in words if word[:1].isupper())
    plural = [word.lower() for word in (words[0], words[-1]) if word.lower().endswith("s")
              and not word.lower().endswith(("ss", "us"))]  # (Chordates and their kin)
    if capitals == 1 and words[0][:1].isupper() and words[0][1:2].islower() and plural:
        return name[:1].lower() + name[1:]
    return name


def _with_dot_note(label: str, each: str, chinese: bool, *, every: bool = False) -> str:
    """A group's label with what one dot counts (of every group, when ``every``), inside
    a bracket the label ends with rather than a second bracket after it."""
    if chinese:
        return bracketed(label, f"每点{each}" if not every else f"各组每点{each}", True)
    # (no break inside "one dot": "(one / dot: / 20 households)" read as three scraps)
    each = each.replace(" ", "\u00a0")  # (nor inside "2 markets": "Food markets (one
    return bracketed(label, f"one\u00a0dot: {each}" if not every else  # dot: 2 / markets)"
                     f"every\u00a0dot: {each}", False)  # read as scraps; after "dot:" it
    # may break, or "(one dot: 10 univer / sities)" broke a word in two, the default deck)
