"""Timelines with a fake clock: value at a time, completion, restart, reduced motion."""

from __future__ import annotations

import pytest

from kiosk.play.clock import FakeClock
from kiosk.play.easing import ease_out_cubic
from kiosk.play.timeline import Timeline, Track


def test_track_waits_its_delay_then_eases_to_one():
    track = Track(delay=0.5, duration=2.0)
    assert track.at(0.0) == 0.0 and track.at(0.5) == 0.0
    assert track.at(1.5) == pytest.approx(ease_out_cubic(0.5)) == pytest.approx(0.875)
    assert track.at(2.5) == 1.0 and track.at(99) == 1.0


def test_easing_by_name_and_bad_names():
    assert Track(duration=1, easing="linear").at(0.25) == pytest.approx(0.25)
    with pytest.raises(ValueError):
        Track(easing="bounce")


def test_timeline_applies_progress_and_finishes():
    clock = FakeClock()
    seen: list[float] = []
    timeline = Timeline()
    timeline.add(Track(duration=1.0, easing="linear"), seen.append)
    timeline.start(clock.now())
    assert seen == [0.0]
    clock.advance(0.5)
    assert timeline.advance(clock.now()) is True
    assert seen[-1] == pytest.approx(0.5)
    clock.advance(0.6)
    assert timeline.advance(clock.now()) is False
    assert seen[-1] == 1.0 and not timeline.running
    count = len(seen)
    clock.advance(1.0)
    assert timeline.advance(clock.now()) is False and len(seen) == count  # nothing runs


def test_restart_on_reentry_starts_from_the_beginning():
    clock = FakeClock()
    seen: list[float] = []
    timeline = Timeline()
    timeline.add(Track(duration=1.0), seen.append)
    timeline.start(clock.now())
    clock.advance(2.0)
    timeline.advance(clock.now())
    assert seen[-1] == 1.0
    timeline.start(clock.now())
    assert seen[-1] == 0.0


def test_stopped_timeline_does_nothing():
    clock = FakeClock()
    seen: list[float] = []
    timeline = Timeline()
    timeline.add(Track(duration=1.0), seen.append)
    timeline.start(clock.now())
    timeline.stop()
    clock.advance(0.5)
    assert timeline.advance(clock.now()) is False
    assert seen == [0.0]


def test_reduced_motion_shows_the_end_at_once():
    seen: list[float] = []
    timeline = Timeline()
    timeline.add(Track(delay=1.0, duration=1.0), seen.append)
    timeline.start(0.0, reduced_motion=True)
    assert seen == [1.0] and not timeline.running


def test_unchanged_tracks_are_not_touched():
    clock = FakeClock()
    calls = {"a": 0, "b": 0}
    timeline = Timeline()
    timeline.add(Track(delay=0.0, duration=0.5), lambda p: calls.__setitem__("a", calls["a"] + 1))
    timeline.add(Track(delay=1.0, duration=0.5), lambda p: calls.__setitem__("b", calls["b"] + 1))
    timeline.start(clock.now())
    for _ in range(5):
        clock.advance(0.1)
        timeline.advance(clock.now())
    assert calls["b"] == 1  # still waiting at 0: applied once at start only
