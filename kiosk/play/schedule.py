"""Opening hours and playlists: when the show is on, and which deck it plays.

A weekly table of opening hours (several spans a day; a span may run past midnight),
date exceptions for holidays and special openings, and deck rules by weekday or date,
as signage players schedule playlists. Times are the kiosk's local time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclasses.dataclass(frozen=True)
class Span:
    """Open from ``start`` to ``end`` minutes after midnight (``end`` may pass 24:00)."""

    start: int
    end: int

    @classmethod
    def parse(cls, text: str) -> Span:
        """``"09:00-17:30"``; ``"20:00-02:00"`` runs past midnight; ``"00:00-24:00"``."""
        try:
            first, second = (part.strip() for part in text.split("-"))
            start, end = minutes(first), minutes(second)
        except ValueError:
            raise ValueError(f"'{text}' is not a span such as 09:00-17:30") from None
        if end == start:
            raise ValueError(f"'{text}' opens and closes at once: for the whole day write "
                             "00:00-24:00")
        if end < start:
            end += 24 * 60
        return cls(start, end)


def minutes(text: str) -> int:
    hours, mins = text.split(":")
    value = int(hours) * 60 + int(mins)
    if not (0 <= int(mins) < 60 and 0 <= value <= 24 * 60):
        raise ValueError(text)
    return value


Hours = list[Span]


@dataclasses.dataclass
class Schedule:
    """When the show is open, and which deck it plays when."""

    week: dict[str, Hours]
    """Opening hours per weekday (mon..sun); a day missing is closed."""
    exceptions: dict[dt.date, Hours] = dataclasses.field(default_factory=dict)
    """Days that differ from the week: [] for closed."""
    decks: list[tuple[frozenset[str], frozenset[dt.date], str]] = dataclasses.field(
        default_factory=list)
    """(weekdays, dates, deck) rules; the first that matches a day wins."""

    def hours_of(self, day: dt.date) -> Hours:
        if day in self.exceptions:
            return self.exceptions[day]
        return self.week.get(DAYS[day.weekday()], [])

    def is_open(self, at: dt.datetime) -> bool:
        """Whether the show is on at local time ``at`` (spans of the day before count
        until they end past midnight)."""
        now = at.hour * 60 + at.minute + at.second / 60
        today = at.date()
        if any(span.start <= now < span.end for span in self.hours_of(today)):
            return True
        yesterday = today - dt.timedelta(days=1)
        return any(span.end > 24 * 60 and now < span.end - 24 * 60
                   for span in self.hours_of(yesterday))

    def deck_for(self, day: dt.date) -> str | None:
        """The deck the rules give for ``day``, or None for the config's own."""
        for weekdays, dates, deck in self.decks:
            if day in dates or DAYS[day.weekday()] in weekdays:
                return deck
        return None
