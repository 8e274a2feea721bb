"""Keys and clicker buttons to commands."""

from __future__ import annotations

import re

import pytest

from kiosk.play.keys import DIGIT_TIMEOUT, Action, Command, KeyInterpreter, Keymap, chord


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


def test_a_clicker_key_given_a_meaning_by_the_config_does_it():
    keys = KeyInterpreter(Keymap({"F5": "black", "x": "overview", "PageDown": "none",
                                  "ctrl+shift+n": "next"}))
    assert keys.press("F5", 0.0) == Command(Action.BLACK)
    assert keys.press("X", 0.0) == Command(Action.OVERVIEW)
    assert keys.press("PageDown", 0.0) is None  # taken away
    assert keys.press("N", 0.0, modifiers=frozenset({"Ctrl", "Shift"})) == Command(Action.NEXT)
    assert keys.press("Right", 0.0) == Command(Action.NEXT)  # the other defaults stay
    assert keys.press("F5", 0.0, modifiers=frozenset({"Shift"})) is None  # its own entry


def test_shift_with_a_key_the_table_has_no_chord_for_is_the_key():
    keys = KeyInterpreter()
    assert keys.press("Right", 0.0, modifiers=frozenset({"Shift"})) == Command(Action.NEXT)
    assert keys.press("Right", 0.0, modifiers=frozenset({"Alt"})) is None


@pytest.mark.parametrize(("written", "spelled"), [
    ("pagedown", "PageDown"), ("shift+ctrl+x", "Ctrl+Shift+X"), ("f12", "F12"), ("b", "B"),
])
def test_a_key_has_one_spelling_whatever_the_case_and_order(written, spelled):
    assert chord(written) == spelled


@pytest.mark.parametrize(("written", "message"), [
    ("Foo", "'Foo' is not a key: name one such as PageDown, F5 or B"),
    ("Ctrl+Ctrl+X", "'Ctrl+Ctrl+X': a chord holds Ctrl, Alt, Shift or Meta, each once"),
    ("Hyper+X", "'Hyper+X': a chord holds Ctrl, Alt, Shift or Meta"),
])
def test_what_names_no_key_is_said_in_words(written, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        chord(written)
