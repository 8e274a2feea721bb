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
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise ValueError("a PIN is 4 to 12 digits")
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


def looks_like_hash(value: str) -> bool:
    """Whether ``value`` has the shape of a stored hash (for config validation)."""
    parts = value.split("$")
    return len(parts) == 4 and parts[0] == SCHEME and parts[1].isdigit()
