"""Python's garbage collector runs in the GUI thread only: a Qt item it frees in a
decoding thread may end the show (the gallery tests' segmentation faults)."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject

from kiosk.show.collector import collect_due
from kiosk.show.photo import Decoder, decoder
from kiosk.show.render import render_slide
from kiosk.show.video import FrameSource
from tests import decks
from tests.media import counting_clip
from tests.show.test_gallery import gallery


@pytest.fixture
def collections():
    """The threads the collector ran in, while it falls due at every allocation."""
    threads: list[str] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    thresholds = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    gc.callbacks.append(note)
    try:
        yield threads
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*thresholds)


def test_photos_decoded_in_a_worker_are_collected_after_in_the_gui_thread(
        qapp, tmp_path, collections):
    loaded = decks.built(tmp_path, decks.deck(gallery(tmp_path)))
    for size in ((1920, 1080), (960, 540), (1280, 720)):  # (decoded afresh at each size)
        render_slide(loaded, decks.config(), 0, size, "zh")
        decoder().settle()
    assert collections, "nothing was collected: the test proves nothing"
    assert set(collections) == {threading.main_thread().name}


def test_a_film_decoded_in_its_thread_is_collected_after_in_the_gui_thread(
        qapp, tmp_path, collections):
    from PySide6.QtCore import QSize

    clip = counting_clip(tmp_path / "count.mp4", frames=60, rate=30)
    source = FrameSource(clip, QSize(320, 180), loop=False)
    try:
        for frame in range(60):
            source.frame_at(frame / 30, wait=True)
            collect_due()
    finally:
        source.stop()
    assert collections, "nothing was collected: the test proves nothing"
    assert set(collections) == {threading.main_thread().name}


def test_garbage_is_still_collected_in_the_gui_thread(qapp):
    """Taking the collector in hand does not leave cycles for ever: one that holds a Qt
    object goes at the next collection due."""
    Decoder()  # (a worker: the collector is in the GUI thread's hands from now on)
    assert not gc.isenabled()

    class Holder(QObject):
        pass

    holder = Holder()
    holder.me = holder  # type: ignore[attr-defined]  # (a cycle: only a collection frees it)
    gone = weakref.ref(holder)
    del holder
    thresholds = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    try:
        for _ in range(4):
            collect_due()
    finally:
        gc.set_threshold(*thresholds)
    assert gone() is None
