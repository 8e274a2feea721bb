"""Keys and clicker buttons to commands."""

from __future__ import annotations

import pytest

from kiosk.play.keys import DIGIT_TIMEOUT, Action, Command, KeyInterpreter


@pytest.mark.parametrize("key", ["Right", "Down", "PageDown", "Space", "Return", "Enter", "N"])
def test_next_keys(key):
    assert KeyInterpreter().press(key, 0.0) == Command(Action.NEXT)


@pytest.mark.parametrize("key", ["Left", "Up", "PageUp", "Backspace", "P"])
def test_previous_keys(key):
    assert KeyInterpreter().press(key, 0.0) == Command(Action.PREVIOUS)


@pytest.mark.parametrize(("key", "action"), [
    ("Home", Action.FIRST), ("End", Action.LAST), ("B", Action.BLACK),
    ("Period", Action.BLACK), ("W", Action.WHITE), ("Escape", Action.LEAVE_FULL_SCREEN),
    ("Q", Action.QUIT), ("L", Action.LANGUAGE),
])
def test_other_keys(key, action):
    assert KeyInterpreter().press(key, 0.0) == Command(action)


def test_clicker_start_show_keys_do_nothing():
    keys = KeyInterpreter()
    assert keys.press("F5", 0.0) is None
    assert keys.press("F5", 0.0, modifiers=frozenset({"Shift"})) is None


def test_digits_then_enter_jump():
    keys = KeyInterpreter()
    assert keys.press("1", 0.0) is None
    assert keys.press("2", 0.5) is None
    assert keys.press("Return", 1.0) == Command(Action.JUMP, 12)
    assert keys.press("Return", 1.1) == Command(Action.NEXT)  # the number is used up


def test_digits_are_forgotten_after_a_pause_or_another_key():
    keys = KeyInterpreter()
    keys.press("7", 0.0)
    assert keys.press("Enter", DIGIT_TIMEOUT + 0.1) == Command(Action.NEXT)
    keys.press("7", 10.0)
    keys.press("Right", 10.1)
    assert keys.press("Enter", 10.2) == Command(Action.NEXT)


def test_shortcuts_with_ctrl_or_alt_are_not_show_commands():
    keys = KeyInterpreter()
    assert keys.press("Q", 0.0, modifiers=frozenset({"Ctrl"})) is None
    assert keys.press("W", 0.0, modifiers=frozenset({"Ctrl"})) is None
