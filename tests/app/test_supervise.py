"""Under systemd: READY and WATCHDOG pings reach the notify socket; SIGTERM ends cleanly."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app.supervise import sd_notify, watchdog_interval
from tests.conftest import ROOT


@pytest.fixture
def notify_socket(tmp_path):
    path = tmp_path / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(30)
    yield path, sock
    sock.close()


def test_sd_notify_sends_its_state(notify_socket, monkeypatch):
    path, sock = notify_socket
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    assert sd_notify("READY=1")
    assert sock.recv(64) == b"READY=1"
    monkeypatch.delenv("NOTIFY_SOCKET")
    assert not sd_notify("READY=1")


def test_watchdog_interval_is_half_the_limit(monkeypatch):
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    assert watchdog_interval() == 15.0
    monkeypatch.setenv("WATCHDOG_PID", "1")  # another process's watchdog
    assert watchdog_interval() is None


@contextlib.contextmanager
def show_running(notify: Path, data: Path, *args: str, cwd: Path = ROOT,
                 **env: str) -> Iterator[subprocess.Popen[str]]:
    """`kiosk` started as systemd starts it (offscreen), its visitor log under ``data``;
    killed at the end if it did not end by itself, and never with a traceback."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", NOTIFY_SOCKET=str(notify),
                       XDG_DATA_HOME=str(data), **env)
    show = subprocess.Popen([sys.executable, "-m", "kiosk", *args], cwd=cwd,
                            env=environment, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        yield show
        assert "Traceback" not in show.stderr.read()
    finally:
        if show.poll() is None:
            show.kill()
            show.wait()
        show.stderr.close()


def logged_views(data: Path) -> list[tuple[int, str]]:
    db = sqlite3.connect(data / "kiosk" / "visitors.sqlite")
    return db.execute("SELECT slide, cause FROM views").fetchall()


def test_the_show_pings_systemd_and_ends_cleanly_on_sigterm(notify_socket, tmp_path):
    path, sock = notify_socket
    with show_running(path, tmp_path, WATCHDOG_USEC="400000") as show:
        assert sock.recv(64) == b"READY=1"
        assert sock.recv(64) == b"WATCHDOG=1"  # from the event loop, every 0.2 s
        assert sock.recv(64) == b"WATCHDOG=1"
        show.send_signal(signal.SIGTERM)
        assert show.wait(timeout=30) == 0
        states = []
        sock.settimeout(0.5)
        try:
            while True:
                states.append(sock.recv(64))
        except TimeoutError:
            pass
        assert b"STOPPING=1" in states
    assert logged_views(tmp_path) == [(0, "start")]


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGINT], ids=["SIGHUP", "SIGINT"])
def test_sighup_and_sigint_end_the_show_cleanly_with_its_last_batch(notify_socket,
                                                                    tmp_path, sig):
    path, sock = notify_socket
    with show_running(path, tmp_path) as show:
        assert sock.recv(64) == b"READY=1"
        show.send_signal(sig)  # the terminal closed, or Ctrl+C
        assert show.wait(timeout=30) == 0
        assert sock.recv(64) == b"STOPPING=1"
    assert logged_views(tmp_path) == [(0, "start")]


def test_a_locked_show_still_ends_on_sigterm(notify_socket, tmp_path):
    """The lock refuses a visitor's close request, never the system's: `systemctl stop`
    must not wait for its timeout and kill the show (losing the log's last rows)."""
    path, sock = notify_socket
    (tmp_path / "config.yaml").write_text(
        "deck: deck.yaml\nkiosk: {lock: true, exit_chord: Ctrl+Alt+Shift+X}\n",
        encoding="utf-8")
    (tmp_path / "deck.yaml").write_text("title: T\nslides:\n  - {type: title, title: A}\n"
                                        "  - {type: title, title: B}\n", encoding="utf-8")
    with show_running(path, tmp_path, "--kiosk", cwd=tmp_path) as show:
        assert sock.recv(64) == b"READY=1"
        show.send_signal(signal.SIGTERM)
        assert show.wait(timeout=30) == 0
    assert logged_views(tmp_path) == [(0, "start")]
