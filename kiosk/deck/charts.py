"""The chart kinds of a deck and what bounds them (drawing comes with the chart views)."""

from __future__ import annotations

import itertools
import math
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from kiosk.deck.basics import Count, Delay, Easing, Length, Number, Qualifier, Strict
from kiosk.deck.precision import MAX_DECIMALS, SMALLEST, decimals_of
from kiosk.deck.text import Text

MAX_GROUP_DOTS = 600
"""Dots one group of a network draws at most (``per_node`` counts several as one)."""
MAX_NETWORK_DOTS = 600
"""Dots a whole network draws at most: more cannot be told apart on a screen, and the
chart must be built within a frame or two."""


MAX_WAFFLE_CELLS = 400
"""Cells a waffle draws at most: of a larger total, one cell stands for several units."""


def waffle_cells(total: float, parts: list[float]) -> tuple[int, int, list[int]]:
    """A waffle's units per cell, its cells, and the cells of each part: each part its
    own count rounded down, the cells left given to the parts with the largest
    remainders (237 at 15 a cell is 16 cells, not 15), as many in all as the parts'
    sum rounds to, never more than the whole (and parts that make the whole fill every
    cell: no grey cell of people in no part, 1234 at 4 a cell)."""
    per_cell = _per_cell(total, parts)
    cells = math.ceil(total / per_cell)
    whole = math.fsum(parts)
    filled = cells if whole >= total else min(cells, math.floor(whole / per_cell + 0.5))
    shares = [value / per_cell for value in parts]
    counts = [math.floor(share) for share in shares]
    by_remainder = sorted(range(len(parts)), key=lambda n: shares[n] - counts[n],
                          reverse=True)
    for n in itertools.islice(itertools.cycle(by_remainder or [0]),
                              max(0, filled - sum(counts)) if parts else 0):
        counts[n] += 1
    return per_cell, cells, counts


def _per_cell(total: float, parts: list[float]) -> int:
    """Units per cell: the fewest that keep to MAX_WAFFLE_CELLS, or up to three times
    that where a count divides the whole and every part (1260 MW of 930, 160, 120 and
    50 at 5 a cell, not at 4: no part ends inside a cell, drawn as a sliver)."""
    least = max(1, math.ceil(total / MAX_WAFFLE_CELLS))
    values = [total, *parts]
    if not all(float(v).is_integer() and v > 0 for v in values):
        return least
    common = math.gcd(*(int(v) for v in values))
    nice = {c * 10**e for e in range(16) for c in (1, 2, 5)}  # (and the next few counts)
    tried = sorted({*range(least, min(least * 3, least + 200) + 1),
                    *(n for n in nice if least <= n <= least * 3)})
    return next((n for n in tried if common % n == 0), least)


def dots(count: int, per_node: int) -> int:
    """Dots drawn for ``count`` at one dot per ``per_node``: the nearest whole number
    (12 at 10 a dot is one dot, not two, which reads as 20), and one for any count less
    than half a dot."""
    if count <= 0:
        return 0
    return max(1, (2 * count + per_node) // (2 * per_node))


Scale = dict[str, Annotated[float, Field(gt=0, le=1e12)]]
"""Per language, what a value is multiplied by when shown in it."""


VALUE_KEYS = ("value", "values", "before", "after", "count")


def _values(data: object, key: str = "") -> list[float]:
    """Every value a chart shows, in its fields as dumped."""
    if isinstance(data, dict):
        return [v for k, item in data.items() for v in _values(item, k)]
    if isinstance(data, list):
        return [v for item in data for v in _values(item, key)]
    return [float(data)] if key in VALUE_KEYS and isinstance(data, int | float) else []


class ChartBase(Strict):
    """Fields every chart kind has."""

    title: Text | None = None
    """The chart's own heading, over it (beside a story, or under a slide's title)."""
    unit: Text | None = None
    """Unit of the values, shown with the labels."""
    scale: Scale | None = None
    """Per language, values shown multiplied by this, where units differ: with unit
    {zh: 万元, en: yuan} and scale {en: 10000}, 3.7 reads 3.7万元 and 37,000 yuan."""
    decimals: int | None = Field(default=None, ge=0, le=MAX_DECIMALS)
    """Decimals every value of the chart shows; by default each its own, as written (15.9
    beside 8.15: a zero the source did not give claims a precision it does not have)."""

    @model_validator(mode="after")
    def _scaled_exactly(self) -> ChartBase:
        scales = [self.scale, *(getattr(item, "scale", None)
                                for item in getattr(self, "items", []))]
        factors = [f for s in scales if s for f in s.values()]
        if not factors:
            return self
        values = [abs(v) for v in _values(self.model_dump()) if v]
        if values and max(values) * max(factors) > 1e15:
            raise ValueError(f"{max(values):g} shown multiplied by {max(factors):g} (scale) "
                             "is past the 15 digits a number is exact to")
        if values and min(values) * min(factors) < SMALLEST:
            raise ValueError(f"{min(values):g} shown multiplied by {min(factors):g} (scale) "
                             f"is below {SMALLEST:g}: it would read 0")
        return self
    delay: Delay | None = None
    """Seconds after the slide appears before the chart starts to move."""
    duration: Length | None = None
    """Seconds the chart's entry animation takes."""
    easing: Easing = "ease-out-cubic"


class ComparePair(Strict):
    """One measure at two points in time: e.g. 3.7 to 7.2 万元."""

    label: Text
    before: Number | None = None
    """Value at the earlier point; omit it where the source gives only the later one."""
    after: Number
    unit: Text | None = None
    scale: Scale | None = None
    """Per language, this row's values shown multiplied by this (the chart's by default):
    with unit {zh: 万元, en: yuan} and scale {en: 10000}, 3.7 reads 37,000 yuan."""
    qualifier: Qualifier | None = None
    """The later value's (超, 近 …): what the source says of now, not of the earlier one."""
    decimals: int | None = Field(default=None, ge=0, le=MAX_DECIMALS)
    """Decimals this row's values show (the chart's by default, else each its own as
    written): each row is a measure of its own (48 minutes beside 0.85亿元)."""
    note: Text | None = None
    """e.g. 年均增长7.6%, or 翻了近一番 where the earlier value is not given."""


class CompareChart(ChartBase):
    """Before/after pairs, e.g. 2014 against 2023."""

    kind: Literal["compare"]
    before_label: Text
    after_label: Text
    items: list[ComparePair] = Field(min_length=1, max_length=12)


class Series(Strict):
    """One named row of values, one per category."""

    name: Text
    values: list[Number] = Field(min_length=1)


class SeriesChart(ChartBase):
    """Values over categories (usually years)."""

    kind: Literal["bar", "line"]
    categories: list[Text] = Field(min_length=1, max_length=60)
    series: list[Series] = Field(min_length=1, max_length=8)
    area: bool = False
    """Fill under a line."""
    labels: bool = False
    """Write each bar's value at its end (bars only): read without the axis."""
    signs: bool | None = None
    """Write a plus sign before values above zero: by default where the values go both
    ways (changes: +11.7%, −59.6%); false for levels that cross zero (temperatures: 120,
    −150 °C, not +120)."""
    at: list[Number] | None = None
    """A line's categories' places on its axis, as numbers, rising (millions of years ago
    as -540, -445 … 0 for "540 Ma" … "Today"): set as far apart as these are. Years as
    categories (1949, 1978 …) are so by themselves."""

    @model_validator(mode="after")
    def _lengths_match(self) -> SeriesChart:
        for n, row in enumerate(self.series, 1):
            values, categories = len(row.values), len(self.categories)
            if values != categories:
                raise ValueError(
                    f"series {n} has {values} value{'s' * (values != 1)} for {categories} "
                    f"categor{'ies' if categories != 1 else 'y'}")
        if self.at is not None:
            if self.kind != "line":
                raise ValueError("'at' places a line's categories: bars stand evenly")
            if len(self.at) != len(self.categories):
                raise ValueError(f"'at' has {len(self.at)} places for "
                                 f"{len(self.categories)} categories")
            if any(b <= a for a, b in itertools.pairwise(self.at)):
                raise ValueError("'at' must rise from one category to the next")
        return self


class FunnelStage(Strict):
    """One step of a funnel or flow."""

    label: Text
    value: Count
    qualifier: Qualifier | None = None
    unit: Text | None = None


class FunnelChart(ChartBase):
    """Steps that narrow, e.g. needs collected to cooperations made."""

    kind: Literal["funnel"]
    stages: list[FunnelStage] = Field(min_length=2, max_length=8)


class Part(Strict):
    """A share of a whole."""

    label: Text
    value: Count
    unit: Text | None = None


def _rest(total: Part, parts: list[Part]) -> float:
    """What ``parts`` leave of ``total``, to the decimals they are written with."""
    decimals = max(decimals_of(v) for v in (total.value, *(p.value for p in parts)))
    return round(total.value - math.fsum(p.value for p in parts), decimals)


class ProportionChart(ChartBase):
    """Parts of a whole, e.g. 6 and 24 of 138 enterprises."""

    kind: Literal["proportion"]
    style: Literal["donut", "waffle"] = "donut"
    total: Part
    parts: list[Part] = Field(min_length=1, max_length=12)

    @property
    def rest(self) -> float:
        """What the parts leave of the total, to the decimals they are written with
        (68.3 + 26.8 + 4.8 + 0.1 leave 0 of 100, not 1.4e-14)."""
        return _rest(self.total, self.parts)

    @model_validator(mode="after")
    def _parts_fit(self) -> ProportionChart:
        if self.style == "waffle":
            self._cells_fit()
        return self

    @field_validator("total")
    @classmethod
    def _whole_total(cls, total: Part, info: ValidationInfo) -> Part:
        if total.value <= 0:
            raise ValueError("the total must be more than 0: there is no whole to divide")
        if info.data.get("style") == "waffle" and (
                total.value < 1 or not total.value.is_integer()):
            raise ValueError(f"a waffle draws a cell per unit: its total ({total.value:g}) "
                             "must be a whole number of at least 1")
        return total

    @field_validator("parts")
    @classmethod
    def _whole_parts(cls, parts: list[Part], info: ValidationInfo) -> list[Part]:
        for n, part in enumerate(parts, 1):
            if info.data.get("style") == "waffle" and not part.value.is_integer():
                raise ValueError(f"a waffle draws a cell per unit: part {n} ({part.value:g}) "
                                 "must be a whole number")
        total = info.data.get("total")  # (said at the parts, not at the chart's kind:)
        if total is not None and (rest := _rest(total, parts)) < 0:
            raise ValueError(f"the parts add up to {total.value - rest:,g}, more than the "
                             f"total ({total.value:,g})")
        return parts

    def _cells_fit(self) -> None:
        per_cell, _, cells = waffle_cells(self.total.value, [p.value for p in self.parts])
        for n, (part, drawn) in enumerate(zip(self.parts, cells, strict=True), 1):
            if part.value and not drawn:
                raise ValueError(f"part {n} ({part.value:,.0f}) is too small for this waffle, "
                                 f"where a cell stands for {per_cell:,}: it would draw no "
                                 "cell (use a donut)")


class Highlight(Strict):
    """Some nodes of a group picked out in their own colour, e.g. 6 of the 138."""

    label: Text
    count: int = Field(ge=1, le=100_000)
    unit: Text | None = None
    """Its own unit (1 university among 36 universities); by default its group's, which
    a highlight of one says in English only where it has its own."""


class NodeGroup(Strict):
    """A kind of node in a network: ``count`` of them, one dot per ``per_node``."""

    label: Text
    count: int = Field(ge=1, le=100_000)
    qualifier: Qualifier | None = None
    unit: Text | None = None
    per_node: int = Field(default=1, ge=1, le=1000)
    """How many the source counts for each dot drawn (say so in the legend)."""
    highlights: list[Highlight] = Field(default_factory=list, max_length=3)

    @property
    def dots(self) -> int:
        """Dots this group draws."""
        return dots(self.count, self.per_node)

    @model_validator(mode="after")
    def _drawable(self) -> NodeGroup:
        if self.dots > MAX_GROUP_DOTS:
            raise ValueError(f"{self.count} nodes are too many to draw one by one: set "
                             f"per_node to at least {dots(self.count, MAX_GROUP_DOTS)}")
        if sum(h.count for h in self.highlights) > self.count:
            raise ValueError("the highlights add up to more than the group's count")
        picked = sum(dots(h.count, self.per_node) for h in self.highlights)
        if picked > self.dots:
            raise ValueError(f"the highlights need {picked} dots at per_node {self.per_node} "
                             f"but the group draws {self.dots}: lower per_node")
        return self


class NetworkChart(ChartBase):
    """A hub or an ecosystem: groups of nodes with links that appear over time."""

    kind: Literal["network"]
    hub: Text | None = None
    """The centre every node links to, if any; without one, nodes link to neighbours."""
    groups: list[NodeGroup] = Field(min_length=1, max_length=8)
    seed: int = Field(default=1, ge=0, le=2**63 - 1)
    """Seed of the layout: the same seed gives the same picture."""

    @model_validator(mode="after")
    def _not_too_many(self) -> NetworkChart:
        total = sum(group.dots for group in self.groups)
        if total > MAX_NETWORK_DOTS:
            raise ValueError(f"the groups draw {total} dots, more than the {MAX_NETWORK_DOTS} "
                             "a network can show: raise per_node")
        return self


Chart = Annotated[
    CompareChart | SeriesChart | FunnelChart | ProportionChart | NetworkChart,
    Field(discriminator="kind"),
]


