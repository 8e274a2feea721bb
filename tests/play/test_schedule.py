"""Opening hours at their edges: midnight, exceptions, spans past midnight."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.play.schedule import Schedule, Span


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@pytest.fixture
def museum():
    week = {d: [Span.parse("09:00-17:00")] for d in ("tue", "wed", "thu", "fri", "sat", "sun")}
    week["fri"] = [Span.parse("09:00-12:00"), Span.parse("13:00-22:00")]
    week["sat"] = [Span.parse("09:00-02:00")]  # late opening into Sunday
    return Schedule(week, exceptions={dt.date(2026, 12, 24): [Span.parse("09:00-14:00")],
                                      dt.date(2026, 12, 25): []})


def test_opening_hours_edges(museum):
    assert not museum.is_open(at("2026-11-24 08:59:59"))  # Tuesday
    assert museum.is_open(at("2026-11-24 09:00:00"))
    assert museum.is_open(at("2026-11-24 16:59:59"))
    assert not museum.is_open(at("2026-11-24 17:00:00"))
    assert not museum.is_open(at("2026-11-23 12:00"))  # Monday: closed all day


def test_lunch_break(museum):
    assert museum.is_open(at("2026-11-27 11:59"))  # Friday
    assert not museum.is_open(at("2026-11-27 12:30"))
    assert museum.is_open(at("2026-11-27 13:00"))


def test_span_past_midnight_counts_on_the_next_day(museum):
    assert museum.is_open(at("2026-11-28 23:59"))  # Saturday night
    assert museum.is_open(at("2026-11-29 00:00"))  # Sunday, still Saturday's opening
    assert museum.is_open(at("2026-11-29 01:59"))
    assert not museum.is_open(at("2026-11-29 02:00"))
    assert not museum.is_open(at("2026-11-29 08:00"))
    assert museum.is_open(at("2026-11-29 09:00"))  # Sunday's own hours


def test_exceptions_override_the_week(museum):
    assert not museum.is_open(at("2026-12-24 15:00"))  # Thursday, short day
    assert museum.is_open(at("2026-12-24 13:59"))
    assert not museum.is_open(at("2026-12-25 10:00"))  # Friday, closed


def test_whole_day_and_bad_spans():
    always = Schedule({"mon": [Span.parse("00:00-24:00")]})
    assert always.is_open(at("2026-11-23 00:00")) and always.is_open(at("2026-11-23 23:59"))
    for bad in ("9-5", "25:00-26:00", "09:60-10:00", "nonsense"):
        with pytest.raises(ValueError):
            Span.parse(bad)


def test_deck_rules_by_date_then_weekday():
    schedule = Schedule({}, decks=[(frozenset(), frozenset({dt.date(2026, 5, 16)}), "event.yaml"),
                                   (frozenset({"sat", "sun"}), frozenset(), "weekend.yaml")])
    assert schedule.deck_for(dt.date(2026, 5, 16)) == "event.yaml"  # a Saturday, but the date wins
    assert schedule.deck_for(dt.date(2026, 5, 17)) == "weekend.yaml"
    assert schedule.deck_for(dt.date(2026, 5, 18)) is None
