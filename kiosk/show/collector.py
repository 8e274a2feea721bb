"""Python's garbage collector runs in the GUI thread, never in a decoding thread.

Pictures and films are decoded in worker threads that run Python. Left to itself, the
collector runs in whichever thread allocates when a collection falls due; a cycle it
frees there that holds a Qt item (a view, a timer) is torn down outside the GUI thread,
and the process may die of it, at once or later (the gallery tests' segmentation
faults). So once a worker is about to run, the collector's own runs are switched off and
the GUI thread collects what is due, by the same thresholds, on a timer of its own and
wherever it waits for the workers (``collect_due``).
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QTimer

EVERY_MS = 100
"""How often the GUI thread looks whether a collection is due (a film's thread, thirty
frames a second, makes a first-generation collection due about twice a second)."""

_timer: QTimer | None = None
_in_charge = False


def collect_in_gui_thread() -> None:
    """Switch the collector's own runs off; the GUI thread collects from now on (called
    in the GUI thread, before a worker thread is started; again, it does nothing)."""
    global _in_charge, _timer
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("the collector is taken in hand from the GUI thread")
    gc.disable()
    _in_charge = True
    app = QCoreApplication.instance()
    if _timer is None and app is not None:
        _timer = QTimer(app)
        _timer.setInterval(EVERY_MS)
        _timer.timeout.connect(collect_due)
        _timer.start()


def collect_due() -> int:
    """Collect here the oldest generation whose count is past its threshold, as the
    collector would have on its own; the number of objects freed (0 when none is due, or
    when the collector is not in this module's hands)."""
    if not _in_charge or threading.current_thread() is not threading.main_thread():
        return 0
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [generation for generation in range(3)
           if thresholds[generation] and counts[generation] > thresholds[generation]]
    return gc.collect(due[-1]) if due else 0
