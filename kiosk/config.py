"""The installation's ``config.yaml``: which deck, which screen, kiosk policy, theme."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shlex
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    field_validator,
    model_validator,
)

from kiosk import resources
from kiosk.deck import reader
from kiosk.deck.basics import Strict
from kiosk.deck.errors import Problem
from kiosk.deck.load import validate
from kiosk.deck.model import Deck
from kiosk.pin import hash_problem
from kiosk.play import keys
from kiosk.play.schedule import Schedule, Span

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
        if (any(m not in ("Ctrl", "Alt", "Shift", "Meta") for m in mods)
                or not {"Ctrl", "Alt", "Meta"} & set(mods) or len(set(mods)) != len(mods)
                or not (len(key) == 1 and key.isascii() and key.isalnum())
                or ("Shift" in mods and key.isdigit())):  # Shift turns a digit into ! @ #
            raise ValueError(f"'{value}' is not a chord the keypad-less operator can press: "
                             "Ctrl, Alt or Meta (and Shift if you like), then one letter or "
                             "digit, e.g. Ctrl+Alt+Shift+X")
        return value


def _span(text: str) -> str:
    Span.parse(text)  # a ValueError that says what a span looks like
    return text


def _span_or_closed(text: str) -> str:
    return text if text == "closed" else _span(text)


def _one_or_more(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def deck_path_rule(value: str) -> str:
    """A deck named by a config: a .yaml file, relative to the config, inside its folder."""
    path = PurePosixPath(value)
    if not value.endswith((".yaml", ".yml")):
        raise ValueError(f"'{value}' is not a .yaml deck file")
    if "\\" in value or (len(value) > 1 and value[1] == ":" and value[0].isalpha()):
        raise ValueError(f"'{value}' is a Windows path: give the deck's path relative to "
                         "this file, with forward slashes (/)")
    if path.is_absolute() or ".." in path.parts:
        raise ValueError(f"'{value}': give the deck's path relative to this file, with / "
                         "and without '..'")
    return value


def _command(value: str | None) -> str | None:
    """A display hook: a command line, split as a shell would (quotes balanced)."""
    if value is None:
        return None
    try:
        words = shlex.split(value)
    except ValueError as exc:
        raise ValueError(f"the command cannot be split into words ({exc}): check its "
                         "quotes") from None
    if not words:
        raise ValueError("the command is empty")
    return value


Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_SPAN_SCHEMA = {"pattern": r"^\d{1,2}:\d{2}-\d{1,2}:\d{2}$",
                "description": "09:00-17:30; 20:00-02:00 runs past midnight"}
SpanText = Annotated[str, AfterValidator(_span), Field(json_schema_extra=_SPAN_SCHEMA)]
Spans = Annotated[list[SpanText], BeforeValidator(_one_or_more, json_schema_input_type=(
    SpanText | list[SpanText]))]
DaySpans = Annotated[
    list[Annotated[str, AfterValidator(_span_or_closed)]],
    BeforeValidator(_one_or_more, json_schema_input_type=(
        Literal["closed"] | SpanText | list[SpanText]))]
DeckPath = Annotated[str, AfterValidator(deck_path_rule)]
HookCommand = Annotated[str | None, AfterValidator(_command)]
HOOK_TIMEOUT = 30.0
"""Seconds a display hook may run before it is ended."""


class DeckRule(Strict):
    """Play another deck on some weekdays or dates."""

    deck: DeckPath
    days: list[Day] = Field(default_factory=list)
    dates: list[dt.date] = Field(default_factory=list)


class ScheduleConfig(Strict):
    """Opening hours: outside them the show sleeps."""

    hours: dict[Day, Spans] = Field(default_factory=dict)
    """Opening hours per weekday; a day not listed is closed."""
    exceptions: dict[dt.date, DaySpans] = Field(default_factory=dict)
    """Holidays (closed) and special openings, by date."""
    outside: Literal["black"] | Annotated[int, Field(ge=1)] = "black"
    """What shows while closed: a black screen, or a slide number (of every deck the
    schedule plays)."""
    display_off: HookCommand = None
    """Command run when closing (e.g. `xset dpms force off`, `vcgencmd display_power 0`);
    ended if it runs longer than 30 seconds."""
    display_on: HookCommand = None
    """Command run when opening."""
    decks: list[DeckRule] = Field(default_factory=list)

    def to_schedule(self) -> Schedule:
        def spans(value: str | list[str]) -> list[Span]:
            items = [value] if isinstance(value, str) else value
            return [Span.parse(s) for s in items if s != "closed"]

        rules = [(frozenset[str](r.days), frozenset(r.dates), r.deck) for r in self.decks]
        return Schedule({day: spans(v) for day, v in self.hours.items()},
                        {day: spans(v) for day, v in self.exceptions.items()}, rules)


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


def _key(text: str) -> str:
    spelled = keys.chord(text)
    if spelled.isdigit():
        raise ValueError(f"'{text}': digits type the number of a slide to jump to (then "
                         "Enter); they cannot be given another meaning")
    return spelled


Key = Annotated[str, AfterValidator(_key)]
KeyCommand = Literal[(*keys.COMMANDS, "none")]  # type: ignore[valid-type]


class ShowOptions(Strict):
    """What the show draws around the slides."""

    progress: Literal["dots", "bar", "none"] = "dots"
    slide_number: bool = True
    reduced_motion: bool = False
    """Show final states at once: no count-up, no chart growth, no transitions."""
    menu: list[Annotated[int, Field(ge=1)]] = Field(default_factory=list, max_length=12)
    """Slide numbers the on-screen menu button offers as big tiles (a kiosk's home menu,
    e.g. [8, 9, 10] for the three 缩影); every slide when empty."""


class Config(Strict):
    """A ``config.yaml``."""

    deck: DeckPath = "slides/nanjing.yaml"
    """The deck to play, relative to this file."""
    display: Display = Display()
    kiosk: KioskPolicy = KioskPolicy()
    languages: Languages = Languages()
    theme: Theme = Theme()
    show: ShowOptions = ShowOptions()
    record: Record = Record()
    presenter: Presenter = Presenter()
    schedule: ScheduleConfig | None = None
    """Opening hours and deck playlists; always open when not given."""
    keys: dict[Key, KeyCommand] = Field(default_factory=dict)
    """Keys (or chords) and what they do, over the defaults, e.g. `{X: black, N: none}`;
    a clicker's odd keys given a meaning. A locked kiosk's exit_chord comes first."""


@dataclasses.dataclass(frozen=True)
class Installation:
    """A config and the folder its relative paths start from."""

    config: Config
    path: Path | None
    """The config file, or None for built-in defaults."""
    document: reader.Document | None = dataclasses.field(default=None, repr=False,
                                                         compare=False)
    """The config as read, with the places of its values (None for the defaults)."""

    @property
    def root(self) -> Path:
        """Folder that the deck path and ``assets/`` are relative to."""
        return self.path.parent if self.path else resources.data_root()

    @property
    def deck_path(self) -> Path:
        """The deck file this installation plays."""
        return (self.root / self.config.deck).resolve()

    def decks(self) -> list[tuple[reader.Loc, Path]]:
        """Every deck this installation may play, with where the config names it: its
        own, then the schedule's."""
        found: list[tuple[reader.Loc, Path]] = [(("deck",), self.deck_path)]
        schedule = self.config.schedule
        for n, rule in enumerate(schedule.decks if schedule else []):
            found.append((("schedule", "decks", n, "deck"), (self.root / rule.deck).resolve()))
        return found

    @property
    def asset_roots(self) -> list[Path]:
        """Folders searched for assets after the deck's own."""
        roots = [self.root / "assets", resources.data_root() / "assets"]
        unique: list[Path] = []
        for root in roots:
            if root.is_dir() and root.resolve() not in [u.resolve() for u in unique]:
                unique.append(root)
        return unique


def load_config(path: Path) -> Installation:
    """Read and validate ``path``; raise DeckError with every problem."""
    return installation_of(reader.read(path))


def installation_of(document: reader.Document) -> Installation:
    """A config file already read, validated; DeckError with every problem."""
    config = validate(document, Config)
    assert isinstance(config, Config)
    return Installation(config, document.path, document)


def home_language(config: Config, deck: Deck) -> str:
    """The language the show starts in and goes back to: the config's, when the deck
    has it, else the deck's own default."""
    wanted = config.languages.default
    return wanted if wanted in deck.languages else deck.default_language


def offered_languages(config: Config, deck: Deck) -> list[str]:
    """The languages the show offers: the config's that the deck has, or the deck's."""
    languages = config.languages.offered or deck.languages
    return [lang for lang in languages if lang in deck.languages] or [deck.default_language]


def deck_problems(installation: Installation, where: reader.Loc, deck: Deck, *,
                  languages: bool = True, name: str | None = None) -> list[Problem]:
    """What of the config does not fit ``deck``, one of the decks it plays (named at
    ``where``; or another, called ``name``): languages it does not have (unless not
    ``languages``: a broken deck's are not known), slides beyond its last."""
    config, doc = installation.config, installation.document
    if doc is None:
        return []
    named = f" of '{name or _name(installation, where)}'"
    found: list[Problem] = []
    langs = config.languages
    has = ", ".join(f"'{lang}'" for lang in deck.languages)
    if languages and langs.default is not None and langs.default not in deck.languages:
        found.append(doc.problem(("languages", "default"), f"language '{langs.default}' is "
                                 f"not one of the languages ({has}){named}"))
    for n, lang in enumerate(langs.offered or [] if languages else []):
        if lang not in deck.languages:
            found.append(doc.problem(("languages", "offered", n), f"language '{lang}' is not "
                                     f"one of the languages ({has}){named}"))
    count = len(deck.slides)
    slides: list[tuple[reader.Loc, int]] = [(("kiosk", "home"), config.kiosk.home)]
    slides += [(("show", "menu", n), number) for n, number in enumerate(config.show.menu)]
    if config.schedule is not None and isinstance(config.schedule.outside, int):
        slides.append((("schedule", "outside"), config.schedule.outside))
    for loc, number in slides:
        if number > count:
            found.append(doc.problem(loc, f"slide {number} does not exist: the deck{named} "
                                     f"has {count} slide{'s' * (count != 1)}"))
    return found


def _name(installation: Installation, where: reader.Loc) -> str:
    if where == ("deck",):
        return installation.config.deck
    schedule = installation.config.schedule
    assert schedule is not None
    return schedule.decks[int(where[2])].deck


def find_config(explicit: Path | None, cwd: Path | None = None) -> Installation:
    """The config to use: ``--config``, else ``./config.yaml`` (or ``./config.yml``),
    else the bundled one."""
    if explicit is not None:
        return load_config(explicit)
    for name in ("config.yaml", "config.yml"):
        local = (cwd or Path.cwd()) / name
        if local.is_file():
            return load_config(local)
    bundled = resources.data_root() / "config.yaml"
    if bundled.is_file():
        return load_config(bundled)
    return Installation(Config(), None)


def config_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``config.yaml``."""
    schema = Config.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "kiosk config.yaml"
    return schema
