"""The operator's PIN, kept in config.yaml only as a salted hash."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCHEME = "pbkdf2_sha256"
ITERATIONS = 120_000


def hash_pin(pin: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    """``pbkdf2_sha256$iterations$salt$hash`` for ``pin`` (digits, 4 to 12)."""
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 12):
        raise ValueError("a PIN is 4 to 12 digits 0-9 (the keypad's)")
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    b64 = base64.urlsafe_b64encode
    return f"{SCHEME}${iterations}${b64(salt).decode()}${b64(digest).decode()}"


def check_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches a stored hash (constant-time; False for a bad hash)."""
    try:
        scheme, iterations, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        expected = base64.urlsafe_b64decode(digest)
        actual = hashlib.pbkdf2_hmac("sha256", pin.encode(), base64.urlsafe_b64decode(salt),
                                     int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)


MIN_ITERATIONS, MAX_ITERATIONS = 1_000, 5_000_000
"""A hash outside these would be weak, or take the keypad minutes to check."""


def hash_problem(value: str) -> str | None:
    """What makes ``value`` no stored hash that a PIN could ever match, or None."""
    parts = value.split("$")
    if len(parts) != 4 or parts[0] != SCHEME:
        return f"it has the form {SCHEME}$iterations$salt$hash (is it the PIN itself?)"
    iterations, salt, digest = parts[1:]
    if not iterations.isdigit() or not MIN_ITERATIONS <= int(iterations) <= MAX_ITERATIONS:
        return f"{iterations!r} iterations is not {MIN_ITERATIONS:,} to {MAX_ITERATIONS:,}"
    try:
        salt_bytes = base64.urlsafe_b64decode(salt.encode("ascii"))
        digest_bytes = base64.urlsafe_b64decode(digest.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        return "its salt or hash is not base64 (was it cut when copied?)"
    if len(salt_bytes) < 8 or len(digest_bytes) != hashlib.sha256().digest_size:
        return "its salt or hash is too short (was it cut when copied?)"
    return None
