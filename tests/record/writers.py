"""What a show does to its visitor log, for the tests: a scripted visit, what a log
holds, and shows run in child processes (two shows on one PC, a disk that fills up, a
read-only file).

The children are started with multiprocessing's "spawn" and talk to the test through a
pipe, so the test looks at the file while the child waits: no sleeps.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path

from kiosk.record.log import VisitorLog

T = 1_780_000_000.0


def record_visit(log: VisitorLog, t: float = T) -> None:
    """A loop, a visitor who switches language, then the loop again (not closed: the
    last slide is on screen). Written: 4 views, 1 session, 1 language switch."""
    log.slide_shown(t, 0, "title", "start", "zh")
    log.slide_shown(t + 12, 1, "strong-economy", "loop", "zh")
    log.session_started(t + 15)
    log.slide_shown(t + 15, 7, "snapshot-1", "touch", "zh")
    log.language_switched(t + 20, "en")
    log.slide_shown(t + 50, 8, "snapshot-2", "swipe", "en")
    log.session_ended(t + 170)
    log.slide_shown(t + 170, 0, "title", "idle", "zh")


def counts(path: Path) -> tuple[int, ...]:
    """How many sessions, views and language switches the log at ``path`` holds."""
    db = sqlite3.connect(path)
    try:
        return tuple(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("sessions", "views", "languages"))
    finally:
        db.close()


def a_show(path: str, start: Event, visits: int) -> None:
    """One of two shows on one PC: a visit after another, a flush after each."""
    log = VisitorLog(Path(path))
    start.wait()
    for i in range(visits):
        record_visit(log, T + 200 * i)
        log.flush()
    log.close(T + 200 * visits)


def on_a_full_disk(path: str, starting: bool, talk: Connection) -> None:
    """A show whose files may not grow (as on a full disk) from its start, or from
    while it runs; then the disk has room again and a later flush writes."""
    import resource  # POSIX only

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    if starting:
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    log = VisitorLog(Path(path))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    record_visit(log)
    log.flush(now=0.0)
    talk.send("full")
    talk.recv()
    resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    log.flush(now=60.0)
    talk.send("room")


def on_a_read_only_file(path: str, talk: Connection) -> None:
    """A show that finds its log file read-only (not its folder), until it is writable
    again."""
    _read_only(path, True)
    log = VisitorLog(Path(path))
    record_visit(log)
    log.flush(now=0.0)
    talk.send("read-only")
    talk.recv()
    _read_only(path, False)
    log.flush(now=60.0)
    talk.send("writable")


def _read_only(path: str, on: bool) -> None:
    """Root may write any file: drop to nobody's uid instead of changing modes."""
    if os.getuid() == 0:
        os.seteuid(65534 if on else 0)
    else:
        os.chmod(path, 0o444 if on else 0o644)


def stats_as_nobody(path: str, talk: Connection) -> None:
    """`kiosk stats` read by a user who may read the log but not write its folder."""
    from kiosk.record import stats

    os.seteuid(65534)
    try:
        result = stats.read(Path(path))
        talk.send(("ok", [(s.slide, s.views) for s in result.slides]))
    except Exception as exc:
        talk.send(("failed", str(exc)))
