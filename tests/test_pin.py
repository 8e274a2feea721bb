"""The operator PIN: stored salted, checked in constant time."""

from __future__ import annotations

import pytest

from kiosk.pin import check_pin, hash_pin, looks_like_hash


def test_right_pin_matches_and_wrong_does_not():
    stored = hash_pin("2468", iterations=1000)
    assert looks_like_hash(stored)
    assert "2468" not in stored
    assert check_pin("2468", stored)
    assert not check_pin("2469", stored)
    assert not check_pin("", stored)


def test_same_pin_gets_a_new_salt_each_time():
    assert hash_pin("2468", iterations=1000) != hash_pin("2468", iterations=1000)


@pytest.mark.parametrize("pin", ["123", "abcd", "1234567890123", "12 34"])
def test_pins_are_4_to_12_digits(pin):
    with pytest.raises(ValueError):
        hash_pin(pin)


def test_broken_hash_never_matches():
    assert not check_pin("2468", "nonsense")
    assert not check_pin("2468", "pbkdf2_sha256$x$y$z")
