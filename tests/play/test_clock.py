"""The show's clock."""

from __future__ import annotations


def test_the_show_clock_can_start_at_a_chosen_wall_time():
    # `kiosk --at "2026-05-16 10:00"`: opening hours and schedules see that time, and it
    # runs on from there.
    import datetime as dt

    from kiosk.play.clock import MonotonicClock

    at = dt.datetime(2026, 5, 16, 10, 0).timestamp()
    clock = MonotonicClock(wall_at=at)
    first = clock.wall()
    assert abs(first - at) < 1.0
    assert clock.wall() >= first
