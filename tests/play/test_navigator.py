"""The navigator: where each command takes the show."""

from __future__ import annotations

import pytest

from kiosk.play.navigator import Blank, Move, Navigator


def test_next_and_previous_step_and_loop():
    nav = Navigator(3)
    assert nav.next() == Move(0, 1, 1)
    assert nav.next() == Move(1, 2, 1)
    assert nav.next() == Move(2, 0, 1)  # loops forward, still moving forward
    assert nav.previous() == Move(0, 2, -1)  # and backward
    assert nav.index == 2


def test_without_loop_the_ends_stay_put():
    nav = Navigator(2, loop=False)
    assert nav.previous() is None
    nav.next()
    assert nav.next() is None and nav.index == 1


def test_first_last_and_jump():
    nav = Navigator(10)
    assert nav.last() == Move(0, 9, 1)
    assert nav.first() == Move(9, 0, -1)
    assert nav.jump(5) == Move(0, 4, 1)
    assert nav.jump(5) is None  # already there
    assert nav.jump(0) is None and nav.jump(11) is None and nav.index == 4


def test_blank_toggles_and_any_move_unblanks():
    nav = Navigator(3)
    assert nav.toggle_blank(Blank.BLACK) is Blank.BLACK
    assert nav.toggle_blank(Blank.WHITE) is Blank.WHITE
    assert nav.toggle_blank(Blank.WHITE) is Blank.NONE
    nav.toggle_blank(Blank.BLACK)
    nav.next()
    assert nav.blank is Blank.NONE


def test_resize_keeps_position_when_it_exists():
    nav = Navigator(10, start=7)
    nav.resize(12)
    assert nav.index == 7
    nav.resize(5)
    assert nav.index == 4
    with pytest.raises(ValueError):
        nav.resize(0)


def test_a_slide_of_steps_is_gone_through_before_the_next_and_entered_at_its_last():
    nav = Navigator(3, steps=[1, 3, 1])  # a gallery of three photos in the middle
    assert nav.next() == Move(0, 1, 1, 0)
    assert nav.next() == Move(1, 1, 1, 1) and nav.next() == Move(1, 1, 1, 2)
    assert nav.next() == Move(1, 2, 1, 0)
    assert nav.previous() == Move(2, 1, -1, 2)  # back into it: its last photo
    assert nav.previous() == Move(1, 1, -1, 1)
    assert nav.rewind() == Move(1, 1, -1, 0) and nav.rewind() is None
    nav.next()
    assert nav.jump(2) == Move(1, 1, -1, 0)  # a jump to it: its first photo


def test_a_deck_of_one_gallery_loops_through_its_photos():
    nav = Navigator(1, steps=[2])
    assert nav.next() == Move(0, 0, 1, 1)
    assert nav.next() == Move(0, 0, 1, 0)  # round again
    assert nav.previous() == Move(0, 0, -1, 1)
    nav.set_loop(False)
    assert nav.next() is None and nav.step == 1


def test_a_new_deck_keeps_the_step_only_where_it_still_is():
    nav = Navigator(2, steps=[4, 1])
    nav.next(), nav.next(), nav.next()
    nav.resize(2, [2, 1])
    assert (nav.index, nav.step) == (0, 1)
    with pytest.raises(ValueError):
        nav.resize(2, [0, 1])
