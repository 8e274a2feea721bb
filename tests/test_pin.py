"""The operator PIN: stored salted, checked in constant time."""

from __future__ import annotations

import pytest

from kiosk.pin import check_pin, hash_pin, hash_problem


def test_right_pin_matches_and_wrong_does_not():
    stored = hash_pin("2468", iterations=1000)
    assert hash_problem(stored) is None
    assert "2468" not in stored
    assert check_pin("2468", stored)
    assert not check_pin("2469", stored)
    assert not check_pin("", stored)


def test_same_pin_gets_a_new_salt_each_time():
    assert hash_pin("2468", iterations=1000) != hash_pin("2468", iterations=1000)


@pytest.mark.parametrize("pin", ["123", "abcd", "1234567890123", "12 34", "１２３４"])
def test_pins_are_4_to_12_digits(pin):
    with pytest.raises(ValueError):
        hash_pin(pin)


def test_broken_hash_never_matches():
    assert not check_pin("2468", "nonsense")
    assert not check_pin("2468", "pbkdf2_sha256$x$y$z")


@pytest.mark.parametrize(("stored", "why"), [
    ("2468", "form"),
    ("pbkdf2_sha256$99999999999$c2FsdHNhbHQ=$" + "A" * 43 + "=", "iterations"),
    ("pbkdf2_sha256$120000$8vETjXAJVqcEfNJCmVsx1g==$cGj-SZHAN-1KynEZT9YtrchuXNNuHPl7t1eSyUe",
     "cut"),
    ("pbkdf2_sha256$120000$AAAA$AAAA", "short"),
])
def test_a_hash_no_pin_could_match_is_named_as_such(stored, why):
    """A locked kiosk's way out must work: check refuses what would lock the operator out."""
    problem = hash_problem(stored)
    assert problem is not None and why in problem
