"""The sections of ``config.yaml``: display, kiosk policy, languages, theme, visitor
log, presenter console, what the show draws around the slides, and the keys."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails

from kiosk.deck.basics import Strict
from kiosk.pin import hash_problem
from kiosk.play import keys

Colour = Annotated[str, Field(pattern=r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$",
                              description="#rrggbb or #aarrggbb")]


class Display(Strict):
    """Where and how the show is drawn."""

    screen: int | str = 0
    """Screen index (0 is the primary) or the screen's name."""
    windowed: bool = False
    """A normal window instead of full screen, for authoring."""
    design_size: tuple[Annotated[int, Field(ge=320, le=7680)],
                       Annotated[int, Field(ge=320, le=7680)]] = (1920, 1080)
    """Width and height slides are laid out in; 1080x1920 for portrait totems."""
    safe_area: Annotated[float, Field(ge=0, le=0.2)] = 0.03
    """Margin kept clear at every edge (TV overscan): a share of the width at the left and
    right, of the height at the top and bottom."""
    cursor_hide: Annotated[float, Field(gt=0, le=3600)] = 3.0
    """Seconds without mouse movement before the cursor hides."""
    opengl: bool = False
    """Draw through OpenGL, for kiosks with a GPU."""
    video_decoding: Literal["auto", "software"] = "auto"
    """`auto`: videos are decoded on the GPU where the machine has a decoder FFmpeg can
    use (VAAPI, CUDA, Quick Sync, D3D11, VideoToolbox), else in software; `software`:
    always in software."""
    shift: Annotated[float, Field(ge=0, le=40)] = 0.0
    """Burn-in protection: move the picture by up to this many design pixels..."""
    shift_every: Annotated[float, Field(ge=10, le=86_400)] = 300.0
    """...one step every so many seconds."""


class KioskPolicy(Strict):
    """What an unattended kiosk does."""

    lock: bool = False
    """Ignore close requests; only the operator gesture exits."""
    loop: bool = True
    """Advance by each slide's duration and start over after the last."""
    idle_timeout: Annotated[float, Field(gt=0, le=86_400)] | None = 90.0
    """Seconds without input before the show returns home and resumes the loop
    (null: never, for a presenter)."""
    home: Annotated[int, Field(ge=1)] = 1
    """Slide number the idle return goes to."""
    sync: Literal["off", "clock"] = "off"
    """`clock`: the loop position follows the wall clock, so kiosks with synchronised
    clocks show the same slide at the same moment."""
    pin_hash: str | None = None
    """The operator's PIN as made by `kiosk pin`; with it, holding the top-left corner
    for 3 seconds opens a keypad that exits the locked show."""
    exit_chord: str | None = None
    """A key chord that exits the locked show at once, e.g. Ctrl+Alt+Shift+X."""

    @model_validator(mode="after")
    def _way_out(self) -> KioskPolicy:
        if self.lock and not (self.pin_hash or self.exit_chord):
            raise ValueError("a locked kiosk needs a way out for the operator: set pin_hash "
                             "(made by `kiosk pin`) or exit_chord")
        return self

    @field_validator("pin_hash")
    @classmethod
    def _pin_hash_shape(cls, value: str | None) -> str | None:
        why = None if value is None else hash_problem(value)
        if why is not None:
            raise ValueError(f"pin_hash must be the line `kiosk pin` prints: {why}")
        return value

    @field_validator("exit_chord")
    @classmethod
    def _chord_shape(cls, value: str | None) -> str | None:
        if value is None:
            return value
        *mods, key = value.split("+")
        if (any(m not in keys.MODIFIERS for m in mods)
                or not keys.SHORTCUT_MODIFIERS & set(mods) or len(set(mods)) != len(mods)
                or not (len(key) == 1 and key.isascii() and key.isalnum())
                or ("Shift" in mods and key.isdigit())):  # Shift turns a digit into ! @ #
            raise ValueError(f"'{value}' is not a chord the keypad-less operator can press: "
                             "Ctrl, Alt or Meta (and Shift if you like), then one letter or "
                             "digit, e.g. Ctrl+Alt+Shift+X")
        if len(mods) < 2:  # Ctrl+Q, Ctrl+W: what a visitor tries first to close a window
            raise ValueError(f"'{value}' is a chord a visitor may press by habit: hold two "
                             "modifiers at least, e.g. Ctrl+Alt+Shift+X")
        return value


class Languages(Strict):
    """Languages offered on screen; the deck's own when not given."""

    default: str | None = None
    offered: list[str] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _has_default(self) -> Languages:
        if self.offered and self.default is not None and self.default not in self.offered:
            listed = ", ".join(f"'{lang}'" for lang in self.offered)
            raise ValueError(f"the default language '{self.default}' is not one of those "
                             f"offered ({listed}): the show would start in a language it "
                             "does not offer")
        return self


class Theme(Strict):
    """Colours and type scale of the show."""

    background: Colour = "#0a1628"
    surface: Colour = "#13233d"
    text: Colour = "#f4f1ea"
    muted: Colour = "#9fb0c8"
    accent: Colour = "#e8b04b"
    accent2: Colour = "#4fb3bf"
    warning: Colour = "#ff8a65"
    """What went wrong: a wrong PIN, a refused update (in an author's window)."""
    series: list[Colour] = Field(default_factory=list, max_length=10)
    """Data colours after the two accents (series, parts, node groups); the built-in
    ones fill what is not given."""
    type_scale: Annotated[float, Field(ge=0.5, le=2.0)] = 1.0
    """Multiplies every font size."""


class Record(Strict):
    """The visitor log."""

    enabled: bool = True
    path: str | None = None
    """SQLite file; the user's data folder (…/kiosk/visitors.sqlite) when not given."""


class Presenter(Strict):
    """The presenter console (`kiosk --presenter`)."""

    enabled: bool = False
    screen: int | str | None = None
    """Screen for the console, by index or name; another than the show's by default."""
    unattended: bool = False
    """Keep the kiosk's loop, idle return, opening hours and visitor log during a talk
    (off: a talk neither loops nor goes home nor sleeps, and is not logged as visits)."""


def _key(text: str) -> str:
    spelled = keys.chord(text)
    *held, key = spelled.split("+")
    if spelled.isdigit():
        raise ValueError(f"'{text}': digits type the number of a slide to jump to (then "
                         "Enter); they cannot be given another meaning")
    if "Shift" in held and (key.isdigit() or key in ("Period", "Comma")):
        raise ValueError(f"'{text}' never comes: Shift turns that key into another sign "
                         "(5 into %); name a letter or a named key")
    return spelled


def unique_keys(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """The ``keys`` mapping, refused when two of its entries name one key: said with
    whatever else is wrong in it (a misspelt command was found only on the next run)."""
    twice = _named_twice(value)
    if twice is None:
        return handler(value)
    problems: list[InitErrorDetails] = []
    try:
        handler(value)
    except ValidationError as error:
        problems = [{"type": detail["type"], "loc": detail["loc"], "input": detail["input"],
                     **({"ctx": detail["ctx"]} if "ctx" in detail else {})}  # type: ignore[typeddict-item]
                    for detail in error.errors()]
    problems.append({"type": "value_error", "loc": (), "input": value,
                     "ctx": {"error": ValueError(twice)}})
    raise ValidationError.from_exception_data("keys", problems)


def _named_twice(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    seen: dict[str, str] = {}
    for written in value:
        try:
            spelled = keys.chord(str(written))
        except ValueError:
            continue  # said at its own place
        if spelled in seen:
            return (f"'{seen[spelled]}' and '{written}' name the same key ({spelled}): "
                    "give it once")
        seen[spelled] = str(written)
    return None


Key = Annotated[str, AfterValidator(_key)]
KeyCommand = Literal[(*keys.COMMANDS, "none")]  # type: ignore[valid-type]


class Sound(Strict):
    """Audio guides and captions."""

    volume: Annotated[float, Field(ge=0, le=1)] = 0.8
    """Of the audio guides (narration), 0 to 1."""
    captions: bool = True
    """Whether captions (WebVTT) are shown where a slide has them."""


class ShowOptions(Strict):
    """What the show draws around the slides."""

    progress: Literal["dots", "bar", "none"] = "dots"
    slide_number: bool = True
    controls: bool = True
    """The on-screen buttons and the language switch (off for a talk: the presenter has
    a clicker, and a visitor's tap on the edges still turns the page)."""
    reduced_motion: bool = False
    """Show final states at once: no count-up, no chart growth, no transitions."""
    menu: list[Annotated[int, Field(ge=1)]] = Field(default_factory=list, max_length=12)
    """Slide numbers the on-screen menu button offers as big tiles (a kiosk's home menu,
    e.g. [8, 9, 10] for the three 缩影); every slide when empty."""
