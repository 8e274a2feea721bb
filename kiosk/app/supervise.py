"""Living under a supervisor: systemd's notify and watchdog, signals, crashes.

With ``Type=notify`` and ``WatchdogSec=``, systemd restarts a show whose event loop
hangs: the pings come from a timer in that loop. SIGTERM, SIGINT and SIGHUP (the
terminal or session went away) end the show cleanly through the loop, so the visitor
log writes its last batch. A Python exception nobody handled is logged and ends the
show with its own exit status; faulthandler writes a native crash's traceback to
stderr, which the journal keeps. On Windows and macOS the systemd parts are simply
absent.
"""

from __future__ import annotations

import ctypes
import faulthandler
import logging
import os
import signal
import socket
import sys
from types import TracebackType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)
EXIT_CRASH = 70
TRIM_MINUTES = 10
ENDING_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")


def release_memory() -> bool:
    """Give freed heap memory back to the system (glibc's malloc_trim); False elsewhere.

    A show that runs for months allocates and frees pictures all day; without this the
    freed pages stay in the process, fragmented, and resident memory only ever grows.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.malloc_trim(0))
    except (OSError, AttributeError):
        return False


def sd_notify(state: str) -> bool:
    """Tell systemd ``state`` (READY=1, WATCHDOG=1, STOPPING=1); False without systemd."""
    address = os.environ.get("NOTIFY_SOCKET")
    if not address or not hasattr(socket, "AF_UNIX"):
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(state.encode())
    except OSError as exc:
        log.warning("sd_notify %s failed: %s", state, exc)
        return False
    return True


def watchdog_interval() -> float | None:
    """Seconds between watchdog pings systemd expects (half its limit), if any."""
    usec = os.environ.get("WATCHDOG_USEC")
    pid = os.environ.get("WATCHDOG_PID")
    if not usec or (pid and pid != str(os.getpid())):
        return None
    try:
        return int(usec) / 1e6 / 2
    except ValueError:
        return None


class Supervision(QObject):
    """Signals, watchdog and crash handling for one running show."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        faulthandler.enable()
        sys.excepthook = self._crashed
        self._signals()
        interval = watchdog_interval()
        self.watchdog = QTimer(self)
        if interval:
            self.watchdog.setInterval(max(100, int(interval * 1000)))
            self.watchdog.timeout.connect(lambda: sd_notify("WATCHDOG=1"))
            self.watchdog.start()
        self.exit_status = 0
        self.trim = QTimer(self)
        self.trim.setInterval(TRIM_MINUTES * 60_000)
        self.trim.timeout.connect(release_memory)
        self.trim.start()

    def ready(self) -> None:
        """The first frame is on screen."""
        if sd_notify("READY=1"):
            log.info("told systemd the show is ready")

    def _signals(self) -> None:
        """Let SIGTERM/SIGINT/SIGHUP wake Qt's loop (Python handlers only run between
        its events otherwise) and end the show from inside it."""
        if not hasattr(signal, "SIGTERM"):
            return
        self._read, write = socket.socketpair()
        self._read.setblocking(False)
        write.setblocking(False)
        self._write = write
        signal.set_wakeup_fd(write.fileno())
        for name in ENDING_SIGNALS:
            if hasattr(signal, name):  # Windows has no SIGHUP
                signal.signal(getattr(signal, name), lambda number, frame: None)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_signal)

    def _on_signal(self) -> None:
        try:
            data = self._read.recv(64)
        except OSError:
            return
        known = {int(s): s.name for s in signal.Signals}
        names = ", ".join(known.get(b, str(b)) for b in data)
        log.info("%s: ending the show", names or "signal")
        sd_notify("STOPPING=1")
        self.app.exit(0)  # not quit(): that asks the windows, and a locked show refuses

    def _crashed(self, kind: type[BaseException], error: BaseException,
                 trace: TracebackType | None) -> None:
        log.critical("unexpected error, ending the show (exit %d)", EXIT_CRASH,
                     exc_info=(kind, error, trace))
        self.exit_status = EXIT_CRASH
        self.app.exit(EXIT_CRASH)
