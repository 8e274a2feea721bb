"""The visitor log's SQLite file: opening it, and telling a passing failure from a
broken file.

A busy, locked, full, read-only or unreachable file is a failure that may pass: the
rows wait. Only a file that is not a database or fails its integrity check is broken:
it is moved aside (with its -wal and -shm) so a new log can start.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sqlite3
import time
from pathlib import Path

WAIT_MS = 30  # a flush runs on the GUI thread: wait this long at most for a busy file

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY, started REAL NOT NULL, ended REAL
);
CREATE TABLE IF NOT EXISTS views (
    id INTEGER PRIMARY KEY, session INTEGER REFERENCES sessions(id), shown REAL NOT NULL,
    slide INTEGER NOT NULL, slide_id TEXT, cause TEXT NOT NULL, language TEXT NOT NULL,
    dwell REAL, deck TEXT
);
CREATE TABLE IF NOT EXISTS languages (
    id INTEGER PRIMARY KEY, session INTEGER REFERENCES sessions(id), at REAL NOT NULL,
    language TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS views_shown ON views(shown);
"""


class Failure(enum.Enum):
    PASSING = "may pass"  # try again later with the same rows
    BROKEN = "broken"  # move the file aside
    OTHER = "other"  # this statement will never succeed


_PASSING = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_NOMEM,
            sqlite3.SQLITE_READONLY, sqlite3.SQLITE_INTERRUPT, sqlite3.SQLITE_IOERR,
            sqlite3.SQLITE_FULL, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PROTOCOL,
            sqlite3.SQLITE_SCHEMA, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH}
_BROKEN = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def failure(exc: BaseException) -> Failure:
    """What ``exc`` means for the log file; an OSError (say, no folder) may pass."""
    if isinstance(exc, OSError):
        return Failure.PASSING
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return Failure.OTHER
    primary = code & 0xFF  # extended codes keep the primary one in their low byte
    if primary in _BROKEN:
        return Failure.BROKEN
    return Failure.PASSING if primary in _PASSING else Failure.OTHER


def identity(path: Path) -> tuple[int, int] | None:
    """Which file is at ``path`` now (device, inode); None if none is."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def writable(path: Path) -> str | None:
    """Why a log at ``path`` could not be written on this machine (None: it could)."""
    try:
        return _unwritable(path)
    except OSError as exc:
        return f"'{path}' cannot be reached: {(exc.strerror or str(exc)).lower()}"


def _unwritable(path: Path) -> str | None:
    if path.is_dir():
        return f"'{path}' is a folder: name a file in it, e.g. '{path / 'visitors.sqlite'}'"
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return f"'{folder}' is a file, not a folder: the log cannot be made under it"
    if path.exists() and not os.access(path, os.W_OK):
        return f"'{path}' is read-only here"
    if not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return f"the folder '{folder}' may not be written here"
    return None


def connect(path: Path, check: bool, wait_ms: int = WAIT_MS) -> sqlite3.Connection:
    """Open (or create) the log at ``path`` in WAL mode, with its tables; with ``check``,
    run its integrity check first.

    Raises OSError or sqlite3.Error (a failed check is SQLITE_CORRUPT). A file this call
    created and could not initialise is removed: no 0-byte leftovers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # created here, or by another show on this PC (both may start at once)
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
        new = True
    except FileExistsError:
        new = False
    db = sqlite3.connect(path, timeout=wait_ms / 1000, isolation_level="IMMEDIATE")
    try:
        if check:
            result = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
            if result != ["ok"]:
                lines = "; ".join(map(str, result)).replace("\n", "; ")
                raise _corrupt(f"integrity check failed: {lines}")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        columns = {row[1] for row in db.execute("PRAGMA table_info(views)")}
        if "deck" not in columns:  # a log begun before views said which deck
            db.execute("ALTER TABLE views ADD COLUMN deck TEXT")
    except BaseException as exc:
        db.close()
        busy = getattr(exc, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY,
                                                              sqlite3.SQLITE_LOCKED)
        if new and not busy:  # (busy: another show opened the file this one made and is
            _remove_if_empty(path)  # making its tables; removed, that show's rows would
        raise  # go to a file no longer there: two shows on one PC lost one's log)
    return db


def move_aside(path: Path) -> Path | None:
    """Rename a broken log (and its -wal, -shm) to ``NAME.broken-DATE-TIME-PID``; None
    if it cannot be (on Windows, while another process has it open)."""
    aside = path.with_name(
        f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
    try:
        path.replace(aside)
    except OSError:
        return None
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").replace(Path(f"{aside}{suffix}"))
    return aside


def _corrupt(message: str) -> sqlite3.DatabaseError:
    exc = sqlite3.DatabaseError(message)
    exc.sqlite_errorcode = sqlite3.SQLITE_CORRUPT
    exc.sqlite_errorname = "SQLITE_CORRUPT"
    return exc


def _remove_if_empty(path: Path) -> None:
    """Remove a log file this process created and left at 0 bytes, with nothing in its
    write-ahead log either (another show's new log is 0 bytes too until a checkpoint:
    its tables are in its -wal file, which removing would throw away)."""
    with contextlib.suppress(OSError):
        wal = Path(f"{path}-wal")
        if path.stat().st_size == 0 and (not wal.exists() or wal.stat().st_size == 0):
            path.unlink()
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
