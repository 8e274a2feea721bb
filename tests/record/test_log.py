"""The visitor log after a scripted visit, and what happens to a broken database."""

from __future__ import annotations

import sqlite3

from kiosk.record import stats
from kiosk.record.log import VisitorLog


def visit(log: VisitorLog) -> None:
    t = 1_780_000_000.0
    log.slide_shown(t, 0, "title", "start", "zh")
    log.slide_shown(t + 12, 1, "strong-economy", "loop", "zh")
    log.session_started(t + 15)
    log.slide_shown(t + 15, 7, "snapshot-1", "touch", "zh")
    log.language_switched(t + 20, "en")
    log.slide_shown(t + 50, 8, "snapshot-2", "swipe", "en")
    log.session_ended(t + 170)
    log.slide_shown(t + 170, 0, "title", "idle", "zh")
    log.close(t + 180)


def test_a_visit_in_rows(tmp_path):
    path = tmp_path / "visitors.sqlite"
    visit(VisitorLog(path))
    db = sqlite3.connect(path)
    views = db.execute("SELECT slide, cause, language, dwell, session FROM views "
                       "ORDER BY id").fetchall()
    assert views == [(0, "start", "zh", 12.0, None), (1, "loop", "zh", 3.0, None),
                     (7, "touch", "zh", 35.0, 1), (8, "swipe", "en", 120.0, 1),
                     (0, "idle", "zh", 10.0, None)]
    assert db.execute("SELECT started, ended FROM sessions").fetchall() == [
        (1_780_000_015.0, 1_780_000_170.0)]
    assert db.execute("SELECT language, session FROM languages").fetchall() == [("en", 1)]
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


def test_corrupt_database_is_moved_aside_and_a_new_one_started(tmp_path, caplog):
    path = tmp_path / "visitors.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    visit(VisitorLog(path))
    assert "moved to" in caplog.text
    assert list(tmp_path.glob("visitors.sqlite.broken-*"))
    assert sqlite3.connect(path).execute("SELECT count(*) FROM views").fetchone() == (5,)


def test_locked_database_does_not_stop_the_show(tmp_path, caplog):
    path = tmp_path / "visitors.sqlite"
    log = VisitorLog(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    visit(log)  # no exception: the locked file is set aside
    other.execute("ROLLBACK")
    other.close()
    assert "unusable" in caplog.text


def test_unwritable_folder_means_no_log_but_no_crash(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    visit(VisitorLog(blocker / "visitors.sqlite"))


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
    assert stats.as_csv(result).splitlines()[0] == "slide,id,views,by_visitors,mean_dwell_s"
