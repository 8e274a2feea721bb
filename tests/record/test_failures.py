"""The visitor log against real failures, in real processes: two shows on one file, a
disk that fills up, a read-only file. Nothing is mocked and nothing sleeps: the test
and its children wait on each other through pipes and process exits."""

from __future__ import annotations

import contextlib
import errno
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from kiosk.record.log import VisitorLog
from tests.record import writers
from tests.record.writers import T, counts, record_visit

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX limits and users")
spawn = multiprocessing.get_context("spawn")  # a fresh interpreter, as a second show


@contextlib.contextmanager
def child(target: Callable[..., None], *args: object) -> Iterator[Connection]:
    """Run ``target(*args, pipe)`` in a new process; the test talks through the pipe."""
    here, there = spawn.Pipe()
    process = spawn.Process(target=target, args=(*args, there))
    process.start()
    there.close()
    try:
        yield here
        process.join(timeout=60)
        assert process.exitcode == 0
    finally:
        if process.is_alive():
            process.kill()
            process.join()


def expect(pipe: Connection, word: str) -> None:
    assert pipe.poll(60), f"the child never said {word!r}"
    assert pipe.recv() == word


def test_two_shows_on_one_pc_keep_every_row(tmp_path):
    path = tmp_path / "visitors.sqlite"
    start = spawn.Event()
    shows = [spawn.Process(target=writers.a_show, args=(str(path), start, 150))
             for _ in range(2)]
    for show in shows:
        show.start()
    start.set()  # both write at once, each flushing after every visit
    for show in shows:
        show.join(timeout=120)
    assert [show.exitcode for show in shows] == [0, 0]
    assert counts(path) == (300, 1500, 300)
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM sessions WHERE ended IS NULL").fetchone() == (0,)
    assert list(tmp_path.glob("*.broken-*")) == []


@pytest.mark.parametrize("starting", [True, False], ids=["full-at-start", "fills-up"])
def test_a_full_disk_keeps_the_rows_until_there_is_room(tmp_path, starting):
    path = tmp_path / "visitors.sqlite"
    if not starting:
        VisitorLog(path).close(T)  # the show has logged for a while
    with child(writers.on_a_full_disk, str(path), starting) as pipe:
        expect(pipe, "full")
        if starting:
            assert not path.exists()  # no 0-byte file for `kiosk stats` to trip on
        else:
            assert counts(path) == (0, 0, 0)
        pipe.send("go")
        expect(pipe, "room")
    assert counts(path) == (1, 4, 1)
    assert list(tmp_path.glob("*.broken-*")) == []


def test_a_read_only_file_keeps_the_rows_until_it_is_writable():
    # in a folder of its own under the system's temp folder: nobody may reach it there
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o777)  # the file is read-only, not the folder
        path = Path(folder) / "visitors.sqlite"
        log = VisitorLog(path)
        record_visit(log)
        log.close(T + 180)
        with child(writers.on_a_read_only_file, str(path)) as pipe:
            expect(pipe, "read-only")
            assert counts(path) == (1, 5, 1)
            pipe.send("go")
            expect(pipe, "writable")
        assert counts(path) == (2, 9, 2)
        assert list(Path(folder).glob("*.broken-*")) == []


@pytest.fixture
def small_disk(tmp_path) -> Iterator[os.PathLike[str]]:
    """A 256 KiB tmpfs, where the disk is really full (root with mount rights only)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)],
                             capture_output=True, text=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=True)


def fill(path) -> None:
    with path.open("wb", buffering=0) as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0" * 4096)
    with pytest.raises(OSError) as full:
        path.with_name("more").write_bytes(b"\0" * 4096)
    assert full.value.errno == errno.ENOSPC


def test_on_a_really_full_disk_no_empty_file_and_no_lost_rows(small_disk, caplog):
    path = small_disk / "visitors.sqlite"
    filler = small_disk / "filler"
    fill(filler)
    log = VisitorLog(path)  # cannot even start its file
    record_visit(log)
    log.flush(now=0.0)
    assert not path.exists()
    assert "database or disk is full" in caplog.text
    filler.unlink()
    log.flush(now=60.0)
    assert counts(path) == (1, 4, 1)
    fill(filler)  # full again while the show runs
    log.language_switched(T + 300, "fr")
    log.flush(now=120.0)
    assert counts(path) == (1, 4, 1)
    filler.unlink()
    log.close(T + 400)
    assert counts(path) == (1, 5, 2)
    assert list(small_disk.glob("*.broken-*")) == []


def test_stats_read_a_log_in_a_folder_the_reader_may_not_write():
    if os.geteuid() != 0:
        pytest.skip("needs root to act as another user")
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)  # readable by all, writable by its owner only
        path = Path(folder) / "visitors.sqlite"
        log = VisitorLog(path)
        record_visit(log)
        log.close(T + 180)
        os.chmod(path, 0o644)
        with child(writers.stats_as_nobody, str(path)) as pipe:
            outcome, found = pipe.recv()
        assert outcome == "ok", found
        assert (0, 2) in found  # the slides of the visit, as the operator's report shows
        assert sorted(p.name for p in Path(folder).iterdir()) == ["visitors.sqlite"]


def test_a_log_another_show_has_just_opened_is_not_removed(tmp_path, monkeypatch):
    """Two shows starting at once: the one that made the file found it busy (the other
    had opened it and was making its tables, nothing written yet) and removed it as a
    leftover of its own; the other show then wrote its visits to a file no longer there
    (one show's log lost, one run in twelve of the test above)."""
    from kiosk.record import db

    path = tmp_path / "visitors.sqlite"
    real = sqlite3.connect
    other: list[sqlite3.Connection] = []

    class Busy:
        """The first show's connection to the file, which the other has just opened."""

        def __init__(self) -> None:
            other.append(real(path, isolation_level=None))  # (the other show: open)

        def execute(self, *args: object) -> None:
            error = sqlite3.OperationalError("database is locked")
            error.sqlite_errorcode = sqlite3.SQLITE_BUSY  # type: ignore[attr-defined]
            raise error

        def close(self) -> None:
            pass

    monkeypatch.setattr(sqlite3, "connect", lambda *args, **kwargs: Busy())
    with pytest.raises(sqlite3.OperationalError):
        db.connect(path, check=False, wait_ms=1)
    monkeypatch.undo()
    (show,) = other  # (its tables and a visit, in the file it has open)
    show.execute("CREATE TABLE visits (at REAL)")
    show.execute("INSERT INTO visits VALUES (1.0)")
    show.close()
    assert real(path).execute("SELECT count(*) FROM visits").fetchone() == (1,)
