"""The visitor log: sessions, slide views and language switches in SQLite.

Rows are kept in memory and written in batches by a timer, never on the way from an
input to its frame. A database that
is corrupt or locked by something else is moved aside and a new one started: the show
never stops for its log.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
import time
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY, started REAL NOT NULL, ended REAL
);
CREATE TABLE IF NOT EXISTS views (
    id INTEGER PRIMARY KEY, session INTEGER REFERENCES sessions(id), shown REAL NOT NULL,
    slide INTEGER NOT NULL, slide_id TEXT, cause TEXT NOT NULL, language TEXT NOT NULL,
    dwell REAL
);
CREATE TABLE IF NOT EXISTS languages (
    id INTEGER PRIMARY KEY, session INTEGER REFERENCES sessions(id), at REAL NOT NULL,
    language TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS views_shown ON views(shown);
"""


def default_path() -> Path:
    """The user's data folder: ~/.local/share/kiosk, %LOCALAPPDATA%\\kiosk, ..."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "kiosk" / "visitors.sqlite"


class VisitorLog:
    """Batches what happens on screen and writes it to ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._session: int | None = None
        self._next_session = 1
        self._view: tuple[int | None, float, int, str | None, str, str] | None = None
        self._pending: list[tuple[str, tuple[object, ...]]] = []
        self._given_up = False
        self._open()

    # --- what happened (kept in memory; written by flush) ----------------------------

    def session_started(self, at: float) -> None:
        self.session_ended(at)
        self._session = self._next_session
        self._next_session += 1
        self._pending.append(("INSERT INTO sessions (id, started) VALUES (?, ?)",
                              (self._session, at)))

    def session_ended(self, at: float) -> None:
        if self._session is not None:
            self._pending.append(("UPDATE sessions SET ended = ? WHERE id = ?",
                                  (at, self._session)))
            self._session = None

    def slide_shown(self, at: float, slide: int, slide_id: str | None, cause: str,
                    language: str) -> None:
        self._close_view(at)
        self._view = (self._session, at, slide, slide_id, cause, language)

    def language_switched(self, at: float, language: str) -> None:
        self._pending.append(("INSERT INTO languages (session, at, language) VALUES (?, ?, ?)",
                              (self._session, at, language)))

    def flush(self) -> None:
        """Write what is pending in one transaction (from a timer, never in a frame).

        The slide on screen is written when it is left, with its dwell time."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        db = self._connection()
        if db is None:
            return
        try:
            with db:
                for sql, args in pending:
                    db.execute(sql, args)
        except sqlite3.Error as exc:
            self._start_over(exc)

    def close(self, at: float) -> None:
        self._close_view(at)
        self.session_ended(at)
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None

    # --- the database ---------------------------------------------------------------------

    def _close_view(self, at: float) -> None:
        if self._view is not None:
            session, shown, slide, slide_id, cause, language = self._view
            self._pending.append((
                "INSERT INTO views (session, shown, slide, slide_id, cause, language, dwell) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (session, shown, slide, slide_id, cause, language, at - shown)))
            self._view = None

    def _connection(self) -> sqlite3.Connection | None:
        """The database, opened again if it was lost; None when it cannot be."""
        if self._db is None and not self._given_up:
            self._open()
        return self._db

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.error("visitor log folder %s cannot be made (%s): not logging",
                      self.path.parent, exc)
            self._given_up = True
            return
        try:
            db = sqlite3.connect(self.path, timeout=0.2)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(SCHEMA)
            db.execute("SELECT count(*) FROM views").fetchone()
            (last,) = db.execute("SELECT coalesce(max(id), 0) FROM sessions").fetchone()
            self._next_session = max(self._next_session, last + 1)
            self._db = db
        except sqlite3.Error as exc:
            self._start_over(exc)

    def _start_over(self, exc: Exception) -> None:
        """Move the broken database aside and begin a new one."""
        with contextlib.suppress(sqlite3.Error):
            if self._db is not None:
                self._db.close()
        self._db = None
        aside = self.path.with_name(f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        log.warning("visitor log %s unusable (%s): moved to %s, starting a new one",
                    self.path, exc, aside.name)
        for suffix in ("", "-wal", "-shm"):
            source = Path(f"{self.path}{suffix}")
            if source.exists():
                with contextlib.suppress(OSError):
                    source.replace(Path(f"{aside}{suffix}"))
        try:
            db = sqlite3.connect(self.path, timeout=0.2)
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)
            self._db = db
        except sqlite3.Error as again:
            log.error("visitor log cannot be written at %s (%s): not logging", self.path,
                      again)
            self._db = None
            self._given_up = True
