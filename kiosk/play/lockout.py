"""How long the operator's keypad rests after wrong PINs, kept across restarts.

Three wrong PINs make the keypad rest a minute; each further round of three doubles
the rest, up to an hour. A right PIN starts over. The state is a small JSON file, so
that unplugging the kiosk does not reset the count: at an hour per round, a 4-digit
PIN takes years to find instead of hours.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)
TRIES = 3
FIRST_REST = 60.0
LONGEST_REST = 3600.0
MAX_DOUBLINGS = 6
"""A minute doubled six times is past the hour: more rounds rest no longer."""


class Lockout:
    """Wrong PINs counted in rounds of TRIES; ``until`` is a wall time (seconds)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.failures = 0
        self.rounds = 0
        self.until = 0.0
        self._load()

    def resting(self, wall: float) -> bool:
        """Whether the keypad rests at ``wall`` (never longer than LONGEST_REST from
        now, whatever the file says: the clock may have been wrong when it was written)."""
        if self.until - wall > LONGEST_REST:
            self.until = wall + LONGEST_REST
            self._save()
        return wall < self.until

    def rest(self) -> float:
        """Seconds the keypad rests after the current round."""
        doublings = min(max(0, self.rounds - 1), MAX_DOUBLINGS)
        return min(LONGEST_REST, FIRST_REST * 2.0**doublings)

    def failed(self, wall: float) -> None:
        """A wrong PIN at ``wall``: after TRIES of them the keypad rests, longer each round."""
        self.failures += 1
        if self.failures >= TRIES:
            self.failures = 0
            self.rounds = min(self.rounds + 1, MAX_DOUBLINGS + 1)
            self.until = wall + self.rest()
            log.warning("%d wrong PINs: the keypad rests %s", TRIES, _duration(self.rest()))
        self._save()

    def remaining(self, wall: float) -> str:
        """How long the keypad still rests, in words (for the log and the screen)."""
        return _duration(max(0.0, self.until - wall))

    def succeeded(self) -> None:
        """The right PIN: everything starts over."""
        self.failures, self.rounds, self.until = 0, 0, 0.0
        self._save()

    def _load(self) -> None:
        if self.path is None:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            failures, rounds, until = (float(data[key]) for key in ("failures", "rounds",
                                                                    "until"))
            if not all(math.isfinite(v) for v in (failures, rounds, until)):
                raise ValueError("a number is not finite")
            self.failures = int(min(max(failures, 0), TRIES - 1))
            self.rounds = int(min(max(rounds, 0), MAX_DOUBLINGS + 1))
            self.until = until
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError, OverflowError) as exc:
            log.warning("keypad state %s unreadable (%s): starting from none", self.path, exc)

    def _save(self) -> None:
        if self.path is None:
            return
        data = {"failures": self.failures, "rounds": self.rounds, "until": self.until}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".lockout-")
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                json.dump(data, file)
            os.replace(temporary, self.path)
        except OSError as exc:
            log.warning("keypad state %s cannot be written (%s): it lasts until the show "
                        "ends", self.path, exc)
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temporary)


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 1:
        return f"{max(1, round(seconds))} seconds"
    return "a minute" if minutes == 1 else f"{minutes} minutes"
