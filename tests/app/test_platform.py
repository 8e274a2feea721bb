"""Before Qt starts, a missing display or xcb library is named, not a Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys

from kiosk.app import platform
from tests.conftest import ROOT


def test_missing_xcb_libraries_name_their_debian_packages(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(platform.ctypes.util, "find_library",
                        lambda name: None if name == "xcb-cursor" else f"lib{name}.so")
    message = platform.problem()
    assert message is not None
    assert "sudo apt-get install libxcb-cursor0" in message
    assert "libxcb-icccm4" not in message


def test_offscreen_and_wayland_need_no_xcb(monkeypatch):
    monkeypatch.setattr(platform.ctypes.util, "find_library", lambda name: None)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert platform.problem() is None
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert platform.problem() is None


def test_no_display_is_a_clear_error_with_its_own_exit_status():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "kiosk"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert "no display" in result.stderr and "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "Traceback" not in result.stderr
