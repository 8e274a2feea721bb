"""What a deck is: the validated, immutable model of a ``slides/*.yaml`` file (format 1).

Only data lives here. Drawing is the show's business; where the show is, the player's.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import (
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kiosk.deck.assets import AssetRef
from kiosk.deck.basics import (
    Delay,
    Easing,
    Icon,
    Length,
    Number,
    Qualifier,
    Seconds,
    Strict,
    TransitionKind,
)
from kiosk.deck.charts import Chart
from kiosk.deck.precision import MAX_DECIMALS, shown_digits
from kiosk.deck.text import Text

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
    """近 (nearly), 约 (about), 超/突破/逾 (over), 余 (over), 多 (more than), 左右 (about)."""
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


# --- Visuals -------------------------------------------------------------------------


class Pictured(Strict):
    """A picture from the deck's folder or assets/ (what ``kiosk check`` decodes)."""

    src: AssetRef
    alt: Text | None = None
    """What the picture shows, in words (for the visitor log and screen readers)."""


Share = Annotated[float, Field(ge=0, le=1)]
"""A share of a picture's width or height: 0 its left or top edge, 1 its right or bottom."""


class Photo(Pictured):
    """A photograph shown large: what it shows, whose it is, and where it may be cropped."""

    caption: Text | None = None
    credit: Text | None = None
    """Who took or owns it ("Photo: ..."): written where the slide's source line is."""
    focus: tuple[Share, Share] = (0.5, 0.5)
    """The point that stays in view when the picture is cropped to the screen: [x, y],
    shares of its width and height ([0.5, 0.3]: the middle, a third from the top)."""


class ImageVisual(Pictured):
    """A picture as a story's visual."""

    kind: Literal["image"]


class Filmed(Strict):
    """A video from the deck's folder or assets/ (what ``kiosk check`` opens)."""

    src: AssetRef
    alt: Text | None = None


class VideoVisual(Filmed):
    """A video as a story's visual: looping, muted, fitted whole into its place."""

    kind: Literal["video"]
    poster: AssetRef | None = None
    """A picture shown while the video opens, and in exports (else its first frame)."""


class IconVisual(Strict):
    """A drawn vector motif from the built-in set."""

    kind: Literal["icon"]
    name: Icon


class ChartVisual(Strict):
    """A data-driven chart as the visual of a story."""

    kind: Literal["chart"]
    chart: Chart


Visual = Annotated[ImageVisual | IconVisual | ChartVisual | VideoVisual,
                   Field(discriminator="kind")]


# --- Slides --------------------------------------------------------------------------

LanguageKey = Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
"""A language code as a key: zh, en, zh-Hant."""



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
    narration: dict[LanguageKey, AssetRef] | None = None
    """An audio guide per language ({zh: audio/3-zh.mp3, en: ...}), played from the start
    of the slide, in the visitor's language, stopped when the slide is left."""
    captions: dict[LanguageKey, AssetRef] | None = None
    """WebVTT captions per language, shown on the slide in the visitor's language."""


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


class ImageSlide(SlideBase, Photo):
    """A photograph on the whole screen (``fill``, cropped around its focus) or whole
    inside it (``fit``), with an optional title, caption and credit."""

    type: Literal["image"]
    title: Text | None = None
    fit: Literal["fill", "fit"] = "fill"
    """``fill``: the picture covers the screen, cropped around ``focus``; ``fit``: the
    whole picture, as large as the screen lets it be (a panorama, either way, is
    travelled across the screen in a band)."""
    zoom: Annotated[float, Field(ge=1, le=1.5)] = 1.0
    """A slow push in over the slide's time, towards ``focus`` (1.1: 10 % closer at the
    end); 1 stands still. Still with reduced motion."""


class GallerySlide(SlideBase):
    """Photographs a visitor swipes through (or taps the edges, or presses next), each
    with its own caption and credit; pinch or double-tap to look closer. In the loop
    each photograph stays the slide's duration; going back into it comes to its last."""

    type: Literal["gallery"]
    title: Text | None = None
    photos: list[Photo] = Field(min_length=1, max_length=100)
    fit: Literal["fill", "fit"] = "fill"
    """``fill``: each picture covers the screen, cropped around its ``focus``; ``fit``:
    each picture whole, as large as the screen lets it be (a panorama, either way, is
    travelled across the screen in a band)."""


class VideoSlide(SlideBase, Filmed):
    """A video on the whole screen (``fill``) or whole inside it (``fit``), looping
    without a gap while the slide is on screen, muted unless a visitor asks for sound."""

    type: Literal["video"]
    title: Text | None = None
    caption: Text | None = None
    credit: Text | None = None
    """Who made or owns it: written where the slide's source line is."""
    fit: Literal["fill", "fit"] = "fill"
    focus: tuple[Share, Share] = (0.5, 0.5)
    """The point that stays in view when the video is cropped to the screen: [x, y]."""
    poster: AssetRef | None = None
    """A picture shown while the video opens, and in exports (else its first frame)."""
    advance: Literal["time", "end"] = "time"
    """``end``: the loop moves on when the video ends (the slide lasts as long as the
    video, from the file); ``time``: after the slide's duration, the video looping."""
    sound: bool = False
    """Whether a visitor may tap the video for its sound (in the loop it is muted)."""


class PdfSlide(SlideBase):
    """Pages of a PDF (a designer's layout, a brochure), each page a slide of the loop,
    drawn whole and sharp at the screen's resolution."""

    type: Literal["pdf"]
    src: AssetRef
    pages: list[Annotated[int, Field(ge=1, le=10_000)]] | None = Field(
        default=None, min_length=1, max_length=500)
    """The pages shown, in this order (1 is the first); every page when left out."""


class ClosingSlide(SlideBase):
    """The last slide."""

    type: Literal["closing"]
    title: Text
    subtitle: Text | None = None
    body: Text | None = None


Slide = Annotated[
    TitleSlide | FiguresSlide | StorySlide | ChartSlide | PointsSlide | ImageSlide
    | GallerySlide | VideoSlide | PdfSlide | ClosingSlide,
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

    def slide_steps(self, slide: SlideBase) -> int:
        """How many steps ``slide`` is gone through in (a gallery's photographs; one)."""
        return len(slide.photos) if isinstance(slide, GallerySlide) else 1

    def slide_transition(self, slide: SlideBase) -> TransitionKind:
        """How ``slide`` comes in."""
        return slide.transition or self.defaults.transition


def model_json_schema() -> dict[str, Any]:
    """The JSON Schema of a deck file, for editors."""
    schema = Deck.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "kiosk deck (format 1)"
    return schema
