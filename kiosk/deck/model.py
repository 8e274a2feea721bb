"""What a deck is: the validated, immutable model of a ``slides/*.yaml`` file (format 1).

Only data lives here. Drawing is the show's business; where the show is, the player's.
"""

from __future__ import annotations

import itertools
import math
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kiosk.deck.assets import AssetRef
from kiosk.deck.precision import MAX_DECIMALS, showable, shown_digits
from kiosk.deck.text import Text

FORMAT_VERSION = 1

Seconds = Annotated[float, Field(gt=0, le=86_400, description="Seconds")]
Delay = Annotated[float, Field(ge=0, le=60, description="Seconds")]
Length = Annotated[float, Field(gt=0, le=60, description="Seconds")]
TransitionKind = Literal["fade", "slide", "none"]
Qualifier = Literal["近", "约", "超", "突破", "余", "多", "左右"]
Icon = Literal["people", "network", "cluster", "city", "river", "chip", "rail"]
"""The drawn motifs (``show/motifs.py``)."""
Easing = Literal["linear", "ease-out-cubic", "ease-out-quad", "ease-out-expo", "ease-in-out-cubic"]
Number = Annotated[float, Field(ge=-1e15, le=1e15), AfterValidator(showable)]
Count = Annotated[float, Field(ge=0, le=1e15), AfterValidator(showable)]
MAX_GROUP_DOTS = 600
"""Dots one group of a network draws at most (``per_node`` counts several as one)."""
MAX_NETWORK_DOTS = 600
"""Dots a whole network draws at most: more cannot be told apart on a screen, and the
chart must be built within a frame or two."""


MAX_WAFFLE_CELLS = 400
"""Cells a waffle draws at most: of a larger total, one cell stands for several units."""


def waffle_cells(total: float, parts: list[float]) -> tuple[int, int, list[int]]:
    """A waffle's units per cell, its cells, and the cells of each part: rounded on the
    running sum, so that the parts never take more cells than the whole."""
    per_cell = max(1, math.ceil(total / MAX_WAFFLE_CELLS))
    edges = [0]
    running = 0.0
    for value in parts:
        running += value
        edges.append(round(running / per_cell))
    return per_cell, math.ceil(total / per_cell), [b - a for a, b in itertools.pairwise(edges)]


def dots(count: int, per_node: int) -> int:
    """Dots drawn for ``count`` at one dot per ``per_node`` (a part of one is one)."""
    return -(-count // per_node)


class Strict(BaseModel):
    """Base of every deck model: unknown keys, NaN and infinity are errors."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, populate_by_name=True,
        use_attribute_docstrings=True,
    )


# --- Figures -----------------------------------------------------------------------


class Figure(Strict):
    """A key figure: a number with its unit, qualifier and label, e.g. 近3500项."""

    value: Number | None = None
    """The number as the source writes it (1.74 for 1.74万亿元). Omit it when `text` says it."""
    text: Text | None = None
    """A figure that is not a number, shown as written (e.g. 第一 / No. 1)."""
    unit: Text | None = None
    """Unit written after the number, e.g. {zh: 万亿元, en: trillion yuan}."""
    qualifier: Qualifier | None = None
    """近 (nearly), 约 (about), 超/突破 (over), 余 (over), 多 (more than), 左右 (about)."""
    label: Text
    """What the figure counts."""
    note: Text | None = None
    """A comparison or remark under the figure, e.g. 较2014年翻了近一番."""
    decimals: int | None = Field(default=None, ge=0, le=MAX_DECIMALS)
    """Decimals to show; by default as many as `value` has."""
    start: Number = Field(default=0, alias="from")
    """Where the count-up starts."""
    values: dict[str, Number] | None = None
    """The number per language where units differ, e.g. {en: 72000} for 7.2万元."""
    delay: Delay | None = None
    """Seconds after the slide appears before the count starts."""
    duration: Length | None = None
    """Seconds the count-up takes (1.6 by default)."""
    easing: Easing = "ease-out-cubic"
    roll: bool = False
    """Roll each digit like a mechanical counter instead of counting."""

    @model_validator(mode="after")
    def _value_or_text(self) -> Figure:
        if self.value is not None and self.text is not None:
            raise ValueError("a figure has 'value' (a number) or 'text', not both")
        if self.value is None and self.text is None:
            raise ValueError("a figure needs 'value' (a number) or 'text' (e.g. 第一)")
        if self.value is not None and self.decimals:
            digits = shown_digits(self.value, self.decimals)
            if digits > 15:
                raise ValueError(f"{self.value:g} with {self.decimals} decimals has {digits} "
                                 "digits: numbers are exact to 15 digits; show fewer decimals")
        return self


# --- Charts (the chart kinds; drawing comes with the chart views) --------------------


class ChartBase(Strict):
    """Fields every chart kind has."""

    title: Text | None = None
    unit: Text | None = None
    """Unit of the values, shown with the labels."""
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
    qualifier: Qualifier | None = None
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

    @model_validator(mode="after")
    def _lengths_match(self) -> SeriesChart:
        for n, row in enumerate(self.series, 1):
            values, categories = len(row.values), len(self.categories)
            if values != categories:
                raise ValueError(
                    f"series {n} has {values} value{'s' * (values != 1)} for {categories} "
                    f"categor{'ies' if categories != 1 else 'y'}")
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


class ProportionChart(ChartBase):
    """Parts of a whole, e.g. 6 and 24 of 138 enterprises."""

    kind: Literal["proportion"]
    style: Literal["donut", "waffle"] = "donut"
    total: Part
    parts: list[Part] = Field(min_length=1, max_length=12)

    @model_validator(mode="after")
    def _parts_fit(self) -> ProportionChart:
        if self.total.value <= 0:
            raise ValueError("the total must be more than 0: there is no whole to divide")
        if sum(p.value for p in self.parts) > self.total.value:
            raise ValueError("the parts add up to more than the total")
        if self.style == "waffle":
            self._cells_fit()
        return self

    @field_validator("total")
    @classmethod
    def _whole_total(cls, total: Part, info: ValidationInfo) -> Part:
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


# --- Visuals -------------------------------------------------------------------------


class ImageVisual(Strict):
    """A picture from the deck's folder or assets/."""

    kind: Literal["image"]
    src: AssetRef
    alt: Text | None = None


class IconVisual(Strict):
    """A drawn vector motif from the built-in set."""

    kind: Literal["icon"]
    name: Icon


class ChartVisual(Strict):
    """A data-driven chart as the visual of a story."""

    kind: Literal["chart"]
    chart: Chart


Visual = Annotated[ImageVisual | IconVisual | ChartVisual, Field(discriminator="kind")]


# --- Slides --------------------------------------------------------------------------


class SlideBase(Strict):
    """Fields every slide may set."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)] | None = None
    """A name to jump to and to count views by; lower case, digits, - and _."""
    duration: Seconds | None = None
    """Seconds this slide stays in the loop; the deck's default otherwise."""
    transition: TransitionKind | None = None
    """How this slide comes in; the deck's default otherwise."""
    notes: Text | None = None
    """Speaker notes for the presenter console."""
    source: Text | None = None
    """Small source line; the deck's default otherwise."""


class TitleSlide(SlideBase):
    """The opening slide."""

    type: Literal["title"]
    title: Text
    subtitle: Text | None = None
    kicker: Text | None = None
    """A small line above the title."""
    byline: Text | None = None


class FiguresSlide(SlideBase):
    """A group of key figures."""

    type: Literal["figures"]
    title: Text
    subtitle: Text | None = None
    figures: list[Figure] = Field(min_length=1, max_length=8)
    points: list[Text] = Field(default_factory=list, max_length=6)
    """Short statements without a number that belong to the group."""


class StorySlide(SlideBase):
    """One story told with data, e.g. one of the three 缩影."""

    type: Literal["story"]
    kicker: Text | None = None
    headline: Text
    body: Text | None = None
    figures: list[Figure] = Field(default_factory=list, max_length=4)
    visual: Visual | None = None


class ChartSlide(SlideBase):
    """A chart with a title."""

    type: Literal["chart"]
    title: Text
    subtitle: Text | None = None
    chart: Chart
    caption: Text | None = None


class PointsSlide(SlideBase):
    """A titled list of short points, e.g. the focus areas."""

    type: Literal["points"]
    title: Text
    subtitle: Text | None = None
    points: list[PointItem] = Field(min_length=1, max_length=8)


class PointItem(Strict):
    """One point: a heading and a line of detail."""

    heading: Text
    detail: Text | None = None
    icon: Icon | None = None


class ClosingSlide(SlideBase):
    """The last slide."""

    type: Literal["closing"]
    title: Text
    subtitle: Text | None = None
    body: Text | None = None


Slide = Annotated[
    TitleSlide | FiguresSlide | StorySlide | ChartSlide | PointsSlide | ClosingSlide,
    Field(discriminator="type"),
]
SLIDE_TYPES: tuple[str, ...] = tuple(
    get_args(kind.model_fields["type"].annotation)[0] for kind in get_args(get_args(Slide)[0]))
"""Every slide type, in the order of the union."""


class Defaults(Strict):
    """What a slide gets when it does not say."""

    duration: Seconds = 12.0
    transition: TransitionKind = "fade"


class Deck(Strict):
    """A deck file: metadata and the ordered slides."""

    version: Literal[1] = 1
    """Version of the deck format."""
    title: Text
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]] = Field(
        default_factory=lambda: ["zh"], min_length=1, max_length=8)
    """Language codes the deck is written in, the default one first unless `language` says."""
    language: str | None = None
    """The default language; the first of `languages` otherwise."""
    source: Text | None = None
    """Default source line for every slide."""
    defaults: Defaults = Defaults()
    slides: list[Slide] = Field(min_length=1, max_length=10_000)

    @field_validator("languages")
    @classmethod
    def _unique_languages(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("a language is listed twice")
        return value

    @field_validator("language")
    @classmethod
    def _default_language_listed(cls, value: str | None, info: ValidationInfo) -> str | None:
        languages = info.data.get("languages")
        if value is not None and languages is not None and value not in languages:
            listed = ", ".join(f"'{lang}'" for lang in languages)
            raise ValueError(f"'{value}' is not one of the deck's languages ({listed})")
        return value

    @property
    def default_language(self) -> str:
        """The language the show starts in and falls back to."""
        return self.language or self.languages[0]

    def slide_duration(self, slide: SlideBase) -> float:
        """Seconds ``slide`` stays in the loop."""
        return slide.duration or self.defaults.duration

    def slide_transition(self, slide: SlideBase) -> TransitionKind:
        """How ``slide`` comes in."""
        return slide.transition or self.defaults.transition


def model_json_schema() -> dict[str, Any]:
    """The JSON Schema of a deck file, for editors."""
    schema = Deck.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "kiosk deck (format 1)"
    return schema
