"""The visitor log: sessions, slide views and language switches in SQLite.

Rows wait in memory and a timer writes them in batches (``flush``), never on the way
from an input to its frame. Several shows may write one file (two screens on one PC):
session ids are random, and a busy file is waited for a few milliseconds at most. When
the file cannot be written for now (busy, locked, disk full, read-only, ...) the rows
stay in memory, up to ``LIMIT`` of them, and later flushes try again, less often the
longer it lasts. Only a broken file is moved aside and a new one started (``db.py``).
The show never stops for its log.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import logging
import os
import secrets
import sqlite3
import sys
import time
from pathlib import Path

from kiosk.record.db import WAIT_MS, Failure, connect, failure, identity, move_aside

log = logging.getLogger(__name__)

LIMIT = 20_000  # statements kept in memory while the file cannot be written
CHUNK = 1_000  # statements written by one flush, so that it stays short
RETRY_FIRST, RETRY_MAX = 0.25, 30.0  # seconds between attempts: doubling, up to this
CLOSE_WAIT_MS = 1_000  # the show is ending: the last batch may wait longer for a lock

Statement = tuple[str, tuple[object, ...]]


def default_path() -> Path:
    """The user's data folder: ~/.local/share/kiosk, %LOCALAPPDATA%\\kiosk, ..."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "kiosk" / "visitors.sqlite"


def log_path(given: str | None) -> Path:
    """The visitor log's file: the config's ``record.path``, or the user's data
    folder's."""
    return Path(given).expanduser() if given else default_path()


class VisitorLog:
    """Batches what happens on screen and writes it to ``path``."""

    def __init__(self, path: Path, limit: int = LIMIT) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None  # the file self._db has open
        self._checked: tuple[int, int] | None = None  # the file that passed its check
        self._wait_ms = WAIT_MS
        self._session: int | None = None
        self._view: tuple[int | None, float, int, str | None, str, str, str | None] | None = (
            None)
        self._pending: collections.deque[Statement] = collections.deque(maxlen=limit)
        self._dropped = 0
        self._failures = 0
        self._retry_at = float("-inf")
        if self._connection() is None:  # a broken file is found (and set aside) at once
            self._failures = 1

    # --- what happened (kept in memory; written by flush) ----------------------------

    def session_started(self, at: float) -> None:
        self.session_ended(at)
        self._session = 1 + secrets.randbits(62)  # unique across processes, known now
        self._add("INSERT INTO sessions (id, started) VALUES (?, ?)", (self._session, at))

    def session_ended(self, at: float) -> None:
        if self._session is not None:
            self._add("UPDATE sessions SET ended = ? WHERE id = ?", (at, self._session))
            self._session = None

    def slide_shown(self, at: float, slide: int, slide_id: str | None, cause: str,
                    language: str, deck: str | None = None) -> None:
        """Slide ``slide`` (0-based) of ``deck`` (its file's name) came on screen."""
        self._close_view(at)
        self._view = (self._session, at, slide, slide_id, cause, language, deck)

    def language_switched(self, at: float, language: str) -> None:
        self._add("INSERT INTO languages (session, at, language) VALUES (?, ?, ?)",
                  (self._session, at, language))

    def flush(self, now: float | None = None) -> None:
        """Write what is pending, up to CHUNK rows, in one transaction (from a timer,
        never in a frame). The slide on screen is written when it is left.

        After a failure that may pass, the rows wait; the next attempts come 0.25 s,
        0.5 s, 1 s, ... up to 30 s later (``now``: seconds, default time.monotonic())."""
        if not self._pending:
            return
        now = time.monotonic() if now is None else now
        if now < self._retry_at:
            return
        if not self._write():
            self._failures += 1
            self._retry_at = now + min(RETRY_FIRST * 2 ** (self._failures - 1), RETRY_MAX)

    def close(self, at: float) -> None:
        """End the open view and session and write everything, waiting up to
        CLOSE_WAIT_MS for a busy file."""
        self._close_view(at)
        self.session_ended(at)
        self._wait_ms = CLOSE_WAIT_MS
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute(f"PRAGMA busy_timeout = {CLOSE_WAIT_MS}")
        attempts = 0
        while self._pending and attempts < 2:  # twice: a broken file is set aside first
            if not self._write():
                attempts += 1
                self._failures += 1
        if self._pending or self._dropped:
            log.error("visitor log %s: %d rows could not be written", self.path,
                      len(self._pending) + self._dropped)
        self._disconnect()

    # --- the database -----------------------------------------------------------------

    def _add(self, sql: str, args: tuple[object, ...]) -> None:
        if len(self._pending) == self._pending.maxlen:
            self._dropped += 1  # the deque drops the oldest
        self._pending.append((sql, args))

    def _close_view(self, at: float) -> None:
        if self._view is not None:
            session, shown, slide, slide_id, cause, language, deck = self._view
            self._add(
                "INSERT INTO views (session, shown, slide, slide_id, cause, language, dwell, "
                "deck) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (session, shown, slide, slide_id, cause, language, at - shown, deck))
            self._view = None

    def _write(self) -> bool:
        """Write the oldest CHUNK pending statements; False if they must wait."""
        db = self._connection()
        if db is None:
            return False
        batch = list(itertools.islice(self._pending, CHUNK))
        skipped: list[sqlite3.Error] = []
        try:
            with db:
                for sql, args in batch:
                    try:
                        db.execute(sql, args)
                    except sqlite3.Error as exc:  # only this statement is undone
                        if failure(exc) is not Failure.OTHER:
                            raise
                        skipped.append(exc)
        except sqlite3.Error as exc:
            self._failed(exc)
            return False
        for _ in batch:
            self._pending.popleft()
        if skipped:
            log.error("visitor log %s: %d rows cannot be written (%s): dropped", self.path,
                      len(skipped), skipped[0])
        if self._failures or self._dropped:
            log.warning("visitor log %s written again%s", self.path,
                        f"; the {self._dropped} oldest rows were dropped meanwhile"
                        if self._dropped else "")
        self._failures, self._dropped, self._retry_at = 0, 0, float("-inf")
        return True

    def _connection(self) -> sqlite3.Connection | None:
        """The open database, opened again if its file was replaced; None if it cannot
        be opened now."""
        if self._db is not None and identity(self.path) == self._file:
            return self._db
        self._disconnect()
        for _ in range(2):  # once more after moving a broken file aside
            try:
                check = identity(self.path) != self._checked
                self._db = connect(self.path, check, self._wait_ms)
            except (OSError, sqlite3.Error) as exc:
                if not self._failed(exc):
                    return None
            else:
                self._file = self._checked = identity(self.path)
                return self._db
        return None

    def _failed(self, exc: BaseException) -> bool:
        """Set a broken file aside (True: try a new one at once), or log that the rows
        wait (once) and let go of the file if that may help."""
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if failure(exc) is Failure.BROKEN:
            self._disconnect()
            aside = move_aside(self.path)
            if aside is not None:
                log.warning("visitor log %s is broken (%s): moved to %s, starting a new one",
                            self.path, exc, aside.name)
                return True
        elif code not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            self._disconnect()  # a read-only or failing file is opened afresh next time
        if not self._failures:
            log.warning("visitor log %s cannot be written now (%s): keeping its rows in "
                        "memory (at most %d) and trying again", self.path, exc,
                        self._pending.maxlen)
        return False

    def _disconnect(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error as exc:
                log.debug("closing the visitor log: %s", exc)
            self._db = None
