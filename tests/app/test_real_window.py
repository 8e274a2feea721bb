"""The real program on a bare X server (no window manager), driven by real X input.

Many kiosks boot straight into X without a window manager, where a plain
``showFullScreen()`` leaves a small window in a corner. Needs Debian's xvfb and xdotool
(.ci/run installs them).
"""

from __future__ import annotations

import os
import queue
import shutil
import sqlite3
import subprocess
import sys
import threading

import pytest

from tests import decks
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs xvfb and xdotool")


@pytest.fixture
def display():
    """A fresh X server on a free display number, 1366x768, without window manager."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


class Lines:
    """A process's stderr, line by line, waited for with a timeout (no sleeping)."""

    def __init__(self, stream) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()
        self.seen: list[str] = []

    def _pump(self, stream) -> None:
        for line in stream:
            self._queue.put(line)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        while True:
            try:
                line = self._queue.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no {text!r} in:\n{''.join(self.seen)}") from None
            self.seen.append(line)
            if text in line:
                return line


def xdotool(display: str, *args: str) -> str:
    env = dict(os.environ, DISPLAY=display)
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True,
                          timeout=30, check=True).stdout


def test_full_screen_without_window_manager_and_real_keys(display, tmp_path):
    # A deck of 13 slides: Right goes to slide 2, End to slide 13.
    site = tmp_path / "site"
    decks.write(site, decks.titles(13), name="show.yaml")
    (site / "config.yaml").write_text("deck: show.yaml\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_DATA_HOME=str(tmp_path))
    show = subprocess.Popen([sys.executable, "-m", "kiosk", "--config",
                             str(site / "config.yaml")], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        lines = Lines(show.stderr)
        line = lines.wait_for("showing ")
        assert "full screen at 0,0 1366x768" in line, line
        window = xdotool(display, "search", "--sync", "--class", "kiosk").split()[0]
        geometry = xdotool(display, "getwindowgeometry", window)
        assert "Position: 0,0" in geometry and "Geometry: 1366x768" in geometry
        xdotool(display, "windowfocus", "--sync", window)
        xdotool(display, "key", "Right")
        assert "slide 2 of 13 (key)" in lines.wait_for("slide ")
        xdotool(display, "key", "End")
        assert "slide 13 of 13 (key)" in lines.wait_for("slide ")
        xdotool(display, "key", "q")
        assert show.wait(timeout=30) == 0
        db = sqlite3.connect(tmp_path / "kiosk" / "visitors.sqlite")
        assert db.execute("SELECT slide, cause FROM views ORDER BY id").fetchall() == [
            (0, "start"), (1, "key"), (12, "key")]
    finally:
        if show.poll() is None:
            show.kill()
            show.wait()
        show.stderr.close()
