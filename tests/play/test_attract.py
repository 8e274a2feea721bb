"""The attract loop and the idle return, with a fake clock."""

from __future__ import annotations

from kiosk.play.attract import Attract, Due
from kiosk.play.clock import FakeClock


def test_loop_advances_after_each_slides_duration():
    clock = FakeClock()
    attract = Attract(loop=True, idle_timeout=90, now=clock.now())
    attract.slide_shown(clock.now(), 12)
    clock.advance(11.9)
    assert attract.due(clock.now()) is None
    assert attract.seconds_to_next(clock.now()) == __import__("pytest").approx(0.1)
    clock.advance(0.1)
    assert attract.due(clock.now()) is Due.NEXT


def test_input_pauses_the_loop_until_idle_then_returns_home():
    clock = FakeClock()
    attract = Attract(loop=True, idle_timeout=90, now=clock.now())
    attract.slide_shown(clock.now(), 12)
    clock.advance(5)
    attract.touched(clock.now())
    clock.advance(60)
    assert attract.due(clock.now()) is None  # the visitor is reading: no advance
    attract.touched(clock.now())  # another touch restarts the idle count
    clock.advance(89)
    assert attract.due(clock.now()) is None
    clock.advance(1)
    assert attract.due(clock.now()) is Due.HOME
    assert not attract.visitor
    attract.slide_shown(clock.now(), 12)
    clock.advance(12)
    assert attract.due(clock.now()) is Due.NEXT  # looping again


def test_no_loop_and_no_idle_return():
    clock = FakeClock()
    attract = Attract(loop=False, idle_timeout=None, now=clock.now())
    attract.slide_shown(clock.now(), 12)
    clock.advance(10_000)
    assert attract.due(clock.now()) is None
    attract.touched(clock.now())
    clock.advance(10_000)
    assert attract.due(clock.now()) is None
    assert attract.seconds_to_next(clock.now()) == float("inf")
