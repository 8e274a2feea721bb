"""Opening hours, display hooks and deck playlists of ``config.yaml``."""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import PurePosixPath
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
)

from kiosk.deck.basics import Strict
from kiosk.play.schedule import Schedule, Span


def _span(text: str) -> str:
    Span.parse(text)  # a ValueError that says what a span looks like
    return text


def _span_or_closed(text: str) -> str:
    return text if text == "closed" else _span(text)


def _one_or_more(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def deck_path_rule(value: str) -> str:
    """A deck named by a config: a .yaml file (or a PDF, each page a slide), relative to
    the config, inside its folder."""
    path = PurePosixPath(value)
    if not value.lower().endswith((".yaml", ".yml", ".pdf")):
        raise ValueError(f"'{value}' is not a deck file (.yaml, or a .pdf of pages)")
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
