"""The visitor log after a scripted visit; several logs on one file; a locked, broken or
unreachable file."""

from __future__ import annotations

import sqlite3

from kiosk.record import stats
from kiosk.record.db import SCHEMA
from kiosk.record.log import VisitorLog
from tests.record.writers import T, counts, record_visit


def visit(log: VisitorLog) -> None:
    record_visit(log)
    log.close(T + 180)


def test_a_visit_in_rows(tmp_path):
    path = tmp_path / "visitors.sqlite"
    visit(VisitorLog(path))
    db = sqlite3.connect(path)
    (session, started, ended), = db.execute("SELECT id, started, ended FROM sessions")
    assert (started, ended) == (T + 15, T + 170)
    views = db.execute("SELECT slide, cause, language, dwell, session FROM views "
                       "ORDER BY id").fetchall()
    assert views == [(0, "start", "zh", 12.0, None), (1, "loop", "zh", 3.0, None),
                     (7, "touch", "zh", 35.0, session), (8, "swipe", "en", 120.0, session),
                     (0, "idle", "zh", 10.0, None)]
    assert db.execute("SELECT language, session FROM languages").fetchall() == [
        ("en", session)]
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_rows_wait_for_a_flush(tmp_path):
    path = tmp_path / "visitors.sqlite"
    log = VisitorLog(path)
    log.session_started(0.5)
    log.slide_shown(1.0, 0, None, "start", "zh")
    log.language_switched(2.0, "en")
    log.slide_shown(3.0, 1, None, "key", "en")  # nothing is written on the input's path
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM languages").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM views").fetchone() == (0,)
    log.flush()
    assert db.execute("SELECT count(*) FROM languages").fetchone() == (1,)
    assert db.execute("SELECT slide, dwell FROM views").fetchall() == [(0, 2.0)]  # left


def test_two_logs_on_one_file_keep_every_session(tmp_path):
    path = tmp_path / "visitors.sqlite"
    left, right = VisitorLog(path), VisitorLog(path)
    for i in range(20):  # two screens, visitors overlapping, both flushing
        for log in (left, right) if i % 2 else (right, left):
            log.session_started(T + i)
            log.slide_shown(T + i, i, None, "touch", "zh")
            log.flush()
        left.session_ended(T + i + 0.5)
        left.flush()
        right.language_switched(T + i + 0.5, "en")
        right.session_ended(T + i + 0.6)
        right.flush()
    left.close(T + 30)
    right.close(T + 30)
    assert counts(path) == (40, 40, 20)
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM sessions WHERE ended IS NULL").fetchone() == (0,)
    assert db.execute("SELECT count(DISTINCT session) FROM views").fetchone() == (40,)
    assert list(tmp_path.glob("*.broken-*")) == []  # nothing moved aside


def test_a_log_with_small_session_ids_goes_on(tmp_path):
    path = tmp_path / "visitors.sqlite"
    old = sqlite3.connect(path)  # as the first versions wrote it: ids 1, 2, 3...
    old.execute("PRAGMA journal_mode=WAL")
    old.executescript(SCHEMA)
    with old:
        old.executemany("INSERT INTO sessions (id, started, ended) VALUES (?, ?, ?)",
                        [(1, T - 900, T - 800), (2, T - 700, T - 600)])
    old.close()
    visit(VisitorLog(path))
    assert counts(path) == (3, 5, 1)
    assert sum(n for _, n in stats.read(path).sessions_per_day) == 3


def test_a_locked_file_keeps_the_rows_until_the_lock_is_gone(tmp_path, caplog):
    path = tmp_path / "visitors.sqlite"
    log = VisitorLog(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process writing, or a backup
    record_visit(log)
    log.flush(now=0.0)  # waits a few ms, then gives up for now
    other.execute("COMMIT")
    other.close()
    assert "cannot be written now" in caplog.text
    assert counts(path) == (0, 0, 0)
    log.flush(now=60.0)
    assert counts(path) == (1, 4, 1)
    assert "written again" in caplog.text
    assert list(tmp_path.glob("*.broken-*")) == []


def test_past_the_limit_the_oldest_rows_go_and_are_counted_once(tmp_path, caplog):
    path = tmp_path / "visitors.sqlite"
    log = VisitorLog(path, limit=5)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    for i in range(8):
        log.language_switched(T + i, f"l{i}")
        log.flush(now=i)
    other.execute("ROLLBACK")
    other.close()
    log.close(T + 10)
    db = sqlite3.connect(path)
    assert [lang for (lang,) in db.execute("SELECT language FROM languages ORDER BY at")] == [
        "l3", "l4", "l5", "l6", "l7"]
    assert caplog.text.count("3 oldest rows were dropped") == 1


def test_a_file_that_is_no_database_is_moved_aside_and_a_new_one_started(tmp_path, caplog):
    path = tmp_path / "visitors.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    visit(VisitorLog(path))
    assert "moved to" in caplog.text
    (aside,) = tmp_path.glob("visitors.sqlite.broken-*")
    assert aside.read_bytes() == b"this is not a database" * 100
    assert counts(path) == (1, 5, 1)


def many_views(path) -> None:
    """A log of several pages, written and closed."""
    log = VisitorLog(path)
    for j in range(900):
        log.slide_shown(T + j, j % 20, f"slide-{j % 20}", "loop", "zh")
    log.close(T + 999)


def damage(path) -> None:
    """Overwrite a page in the middle, as a bad sector would."""
    with path.open("r+b") as f:
        f.seek(4096 * 4)
        f.write(b"\x0d\xff\xff\x00" * 1024)


def test_a_log_failing_its_integrity_check_is_moved_aside(tmp_path, caplog):
    path = tmp_path / "visitors.sqlite"
    many_views(path)
    damage(path)
    visit(VisitorLog(path))
    assert "is broken" in caplog.text
    (aside,) = tmp_path.glob("visitors.sqlite.broken-*")
    assert aside.stat().st_size > 4096 * 4  # the old rows are kept, aside
    assert counts(path) == (1, 5, 1)


def test_after_one_show_sets_a_broken_log_aside_the_other_follows(tmp_path):
    path = tmp_path / "visitors.sqlite"
    many_views(path)
    first = VisitorLog(path)  # a show running on a log that is going bad
    damage(path)
    second = VisitorLog(path)  # the second screen's show starts, finds it broken
    visit(second)
    visit(first)  # writes to the new log, not to the one set aside
    assert counts(path) == (2, 10, 2)
    aside = sorted(p.name for p in tmp_path.glob("visitors.sqlite.broken-*"))
    assert aside == [aside[0], f"{aside[0]}-shm", f"{aside[0]}-wal"]  # once, with its WAL


def test_a_folder_that_cannot_be_made_keeps_the_rows_until_it_can(tmp_path, caplog):
    blocker = tmp_path / "kiosk"
    blocker.write_text("a file where the folder should be")
    path = blocker / "visitors.sqlite"
    log = VisitorLog(path)
    record_visit(log)
    log.flush(now=0.0)
    assert "cannot be written now" in caplog.text
    blocker.unlink()
    log.flush(now=60.0)
    assert counts(path) == (1, 4, 1)


def test_stats_per_slide_and_per_day(tmp_path):
    path = tmp_path / "visitors.sqlite"
    visit(VisitorLog(path))
    result = stats.read(path)
    by_slide = {s.slide: s for s in result.slides}
    assert by_slide[0].views == 2 and by_slide[0].mean_dwell == 11.0
    assert by_slide[7].by_touch == 1 and by_slide[7].mean_dwell == 35.0
    assert sum(count for _, count in result.sessions_per_day) == 1
    text = stats.as_text(result)
    assert "snapshot-1" in text and "35.0s" in text
    assert stats.as_csv(result).splitlines()[0] == "slide,id,views,by_visitors,mean_dwell_s,deck"


def test_slides_of_two_decks_are_counted_apart(tmp_path):
    """A schedule plays another deck some days: its slide 2 is not the main deck's."""
    path = tmp_path / "visitors.sqlite"
    log = VisitorLog(path)
    t = 1_780_000_000.0
    log.slide_shown(t, 1, None, "loop", "zh", "main.yaml")
    log.slide_shown(t + 10, 1, None, "loop", "zh", "friday.yaml")
    log.slide_shown(t + 30, 0, None, "loop", "zh", "friday.yaml")
    log.close(t + 40)
    result = stats.read(path)
    assert [(s.deck, s.slide, s.mean_dwell) for s in result.slides] == [
        ("friday.yaml", 0, 10.0), ("friday.yaml", 1, 20.0), ("main.yaml", 1, 10.0)]
    assert stats.as_text(result).splitlines()[0].startswith("deck")


def test_a_log_from_before_decks_were_named_goes_on(tmp_path):
    path = tmp_path / "visitors.sqlite"
    old = sqlite3.connect(path)
    old.executescript("CREATE TABLE sessions (id INTEGER PRIMARY KEY, started REAL NOT NULL,"
                      " ended REAL); CREATE TABLE views (id INTEGER PRIMARY KEY, session "
                      "INTEGER, shown REAL NOT NULL, slide INTEGER NOT NULL, slide_id TEXT, "
                      "cause TEXT NOT NULL, language TEXT NOT NULL, dwell REAL);"
                      "INSERT INTO views VALUES (1, NULL, 1.0, 0, NULL, 'start', 'zh', 5.0);")
    old.commit()
    old.close()
    log = VisitorLog(path)
    log.slide_shown(10.0, 3, None, "key", "en", "main.yaml")
    log.close(14.0)
    result = stats.read(path)
    assert [(s.deck, s.slide, s.views) for s in result.slides] == [
        (None, 0, 1), ("main.yaml", 3, 1)]
