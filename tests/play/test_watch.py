"""Noticing new content only once it has settled."""

from __future__ import annotations

import os

from kiosk.play.clock import FakeClock
from kiosk.play.watch import Watch


def touch(path, text):
    path.write_text(text)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_a_change_is_reported_once_after_it_settles(tmp_path):
    clock = FakeClock()
    deck = tmp_path / "deck.yaml"
    deck.write_text("a")
    watch = Watch(lambda: [deck, tmp_path], now=clock.now(), interval=1, settle=2)
    clock.advance(1)
    assert not watch.poll(clock.now())
    touch(deck, "ab")
    clock.advance(1)
    assert not watch.poll(clock.now())  # just changed: wait for it to settle
    clock.advance(1)
    assert not watch.poll(clock.now())
    clock.advance(1)
    assert watch.poll(clock.now())  # still for 2 s: report
    clock.advance(1)
    assert not watch.poll(clock.now())  # once


def test_a_copy_in_progress_is_not_reported(tmp_path):
    clock = FakeClock()
    deck = tmp_path / "deck.yaml"
    deck.write_text("a")
    watch = Watch(lambda: [deck], now=clock.now(), interval=1, settle=2)
    for n in range(6):  # the file keeps growing
        touch(deck, "a" * (n + 2))
        clock.advance(1)
        assert not watch.poll(clock.now())


def test_new_files_in_a_watched_folder_count(tmp_path):
    clock = FakeClock()
    watch = Watch(lambda: [tmp_path], now=clock.now(), interval=1, settle=1)
    (tmp_path / "new.png").write_bytes(b"x")
    clock.advance(1)
    watch.poll(clock.now())
    clock.advance(1)
    assert watch.poll(clock.now())
