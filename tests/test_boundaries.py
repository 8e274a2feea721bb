"""The model never imports Qt: deck, play, record and config load in a Qt-free process."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

MODEL_PACKAGES = ["kiosk.deck", "kiosk.play", "kiosk.record", "kiosk.config", "kiosk.check"]


def test_model_packages_import_no_qt():
    code = (
        "import importlib, pkgutil, sys\n"
        f"for name in {MODEL_PACKAGES!r}:\n"
        "    try:\n"
        "        mod = importlib.import_module(name)\n"
        "    except ModuleNotFoundError as e:\n"
        "        if e.name == name: continue\n"
        "        raise\n"
        "    for info in pkgutil.walk_packages(getattr(mod, '__path__', []), name + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6'))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
