"""A tap is not a swipe and a swipe is not a tap."""

from __future__ import annotations

from kiosk.play.gestures import LongPress, Swipe, Tap, classify


def test_quick_still_touch_is_a_tap():
    assert classify(500, 500, 0.0, 500, 500, 0.1) == Tap(500, 500)


def test_shaky_tap_is_still_a_tap():
    assert classify(500, 500, 0.0, 512, 515, 0.15) == Tap(500, 500)


def test_long_still_touch_is_a_long_press_not_a_tap():
    assert classify(500, 500, 0.0, 505, 500, 1.5) == LongPress(500, 500)


def test_fast_leftward_swipe_goes_forward_rightward_back():
    assert classify(1200, 500, 0.0, 700, 520, 0.25) == Swipe(+1)
    assert classify(700, 500, 0.0, 1200, 480, 0.25) == Swipe(-1)


def test_short_or_slow_or_vertical_drags_are_nothing():
    assert classify(800, 500, 0.0, 720, 500, 0.1) is None  # 80 px: too short
    assert classify(1200, 500, 0.0, 700, 500, 3.0) is None  # 167 px/s: too slow
    assert classify(800, 200, 0.0, 850, 800, 0.2) is None  # mostly vertical
