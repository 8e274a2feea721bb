"""Before Qt starts: say what is missing instead of letting Qt abort."""

from __future__ import annotations

import ctypes.util
import os
import sys

# What Qt's xcb platform plugin needs beyond a usual desktop, and Debian's packages.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def missing_xcb_packages() -> list[str]:
    """Debian packages the xcb plugin needs that this machine lacks."""
    return [package for library, package in XCB_LIBRARIES.items()
            if ctypes.util.find_library(library) is None]


def problem() -> str | None:
    """Why Qt could not open a window here, or None when it should."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not os.environ.get("DISPLAY"):
        return ("no display: DISPLAY is not set. Start the show from a graphical session, "
                "or set QT_QPA_PLATFORM=offscreen to run without a screen.")
    missing = missing_xcb_packages()
    if missing:
        return ("Qt's xcb platform plugin needs libraries this machine lacks. On Debian or "
                f"Ubuntu: sudo apt-get install {' '.join(missing)}")
    return None
