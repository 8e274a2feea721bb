"""``config.yaml`` whole: its sections, and its JSON Schema for editors."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, WrapValidator

from kiosk.config.schedule import DeckPath, ScheduleConfig
from kiosk.config.sections import (
    Display,
    Key,
    KeyCommand,
    KioskPolicy,
    Languages,
    Presenter,
    Record,
    ShowOptions,
    Sound,
    Theme,
    unique_keys,
)
from kiosk.deck.basics import Strict


class Config(Strict):
    """A ``config.yaml``."""

    deck: DeckPath = "slides/nanjing.yaml"
    """The deck to play, relative to this file."""
    display: Display = Display()
    kiosk: KioskPolicy = KioskPolicy()
    languages: Languages = Languages()
    theme: Theme = Theme()
    show: ShowOptions = ShowOptions()
    sound: Sound = Sound()
    record: Record = Record()
    presenter: Presenter = Presenter()
    schedule: ScheduleConfig | None = None
    """Opening hours and deck playlists; always open when not given."""
    keys: Annotated[dict[Key, KeyCommand], WrapValidator(unique_keys)] = Field(
        default_factory=dict)
    """Keys (or chords) and what they do, over the defaults, e.g. `{X: black, N: none}`;
    a clicker's odd keys given a meaning. A locked kiosk's exit_chord comes first."""


def config_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``config.yaml``."""
    schema = Config.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "kiosk config.yaml"
    return schema
