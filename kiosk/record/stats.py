"""``kiosk stats``: what visitors looked at, from the visitor log."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import sqlite3
from pathlib import Path


@dataclasses.dataclass(frozen=True)
class SlideStats:
    slide: int
    slide_id: str | None
    views: int
    by_touch: int
    mean_dwell: float | None
    deck: str | None = None
    """The deck file the slide is of (a schedule plays several; older logs do not say)."""


@dataclasses.dataclass(frozen=True)
class Stats:
    slides: list[SlideStats]
    sessions_per_day: list[tuple[str, int]]

    @property
    def empty(self) -> bool:
        """No views and no sessions (in the period asked for)."""
        return not self.slides and not self.sessions_per_day


def read(path: Path, since: dt.date | None = None) -> Stats:
    """Views and mean dwell per slide, sessions per day (local dates).

    A log without tables yet (0 bytes, say) has none; a file that is not a database
    raises sqlite3.DatabaseError."""
    start = dt.datetime.combine(since, dt.time()).timestamp() if since else 0.0
    db = _open(path)
    try:
        if db.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,):
            return Stats([], [])
        columns = {row[1] for row in db.execute("PRAGMA table_info(views)")}
        deck = "deck" if "deck" in columns else "NULL"
        slides = [SlideStats(*row) for row in db.execute(
            "SELECT slide, max(slide_id), count(*), sum(cause IN ('touch', 'swipe', 'key')), "
            f"avg(dwell), {deck} FROM views WHERE shown >= ? GROUP BY {deck}, slide "
            f"ORDER BY {deck}, slide", (start,))]
        days: dict[str, int] = {}
        for (started,) in db.execute("SELECT started FROM sessions WHERE started >= ?",
                                     (start,)):
            day = dt.datetime.fromtimestamp(started).date().isoformat()
            days[day] = days.get(day, 0) + 1
    finally:
        db.close()
    return Stats(slides, sorted(days.items()))


def _open(path: Path) -> sqlite3.Connection:
    """The log read-only; from a folder the reader may not write to (a running show's
    shared memory file cannot be made there), as an unchanging file."""
    uri = path.resolve().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        db.close()
        db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    return db


def as_text(stats: Stats) -> str:
    decks = len({s.deck for s in stats.slides}) > 1  # a schedule played several
    lines = [f"{'deck ' * decks:<{25 * decks}}{'slide':>5}  {'id':24} {'views':>6} "
             f"{'by visitors':>11} {'mean dwell':>10}"]
    for s in stats.slides:
        dwell = f"{s.mean_dwell:9.1f}s" if s.mean_dwell is not None else f"{'–':>10}"
        where = f"{(s.deck or '')[:24]:<25}" if decks else ""
        lines.append(f"{where}{s.slide + 1:5d}  {(s.slide_id or ''):24} {s.views:6d} "
                     f"{s.by_touch:11d} {dwell}")
    lines.append("")
    lines.append(f"{'day':10}  sessions")
    lines += [f"{day:10}  {count:8d}" for day, count in stats.sessions_per_day]
    return "\n".join(lines)


def as_csv(stats: Stats) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["slide", "id", "views", "by_visitors", "mean_dwell_s", "deck"])
    for s in stats.slides:
        writer.writerow([s.slide + 1, s.slide_id or "", s.views, s.by_touch,
                         "" if s.mean_dwell is None else f"{s.mean_dwell:.2f}", s.deck or ""])
    writer.writerow([])
    writer.writerow(["day", "sessions"])
    writer.writerows(stats.sessions_per_day)
    return out.getvalue()
