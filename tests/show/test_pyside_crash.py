"""Regression: PySide6 6.12.0 with pyqtgraph 0.14 aborts while an axis re-ticks.

The reproducer in shared/notes dies with "Fatal Python error: none_dealloc". We pin
PySide6 below 6.12 and keep a plot animating with autorange for 300 frames, in a child
process so that an abort fails this test instead of killing the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

from packaging.requirements import Requirement

from tests.conftest import ROOT

ANIMATE = """
import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

app = QApplication([])
plot = pg.PlotWidget()
plot.resize(800, 600)
curve = plot.plot([1, 2, 3])
bars = pg.BarGraphItem(x=np.arange(5), height=np.ones(5), width=0.6)
plot.addItem(bars)
plot.show()
x = np.arange(10)
for frame in range(300):
    t = (frame + 1) / 300.0
    curve.setData(x, x * t * 7.0)          # autorange re-ticks the axes every frame
    bars.setOpts(height=np.arange(5) * t)
    plot.repaint()
    app.processEvents()
print("frames", frame + 1)
"""


def test_plot_animates_300_frames_with_autorange():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", ANIMATE], env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["frames", "300"]


def test_dependency_pin_excludes_the_crashing_release():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    pins = [Requirement(d) for d in project["dependencies"]]
    pyside = next(r for r in pins if r.name.lower() == "pyside6-essentials")
    assert "6.12.0" not in pyside.specifier
    assert "6.11.3" in pyside.specifier


CHART_SLIDES = """
import sys
from PySide6.QtWidgets import QApplication
from kiosk.config import Config
from kiosk.deck.load import load_deck
from kiosk.play.clock import FakeClock
from kiosk.show.stage import Stage

app = QApplication([])
loaded = load_deck(__import__("pathlib").Path(sys.argv[1]))
clock = FakeClock()
stage = Stage(loaded, Config(), clock)
stage.resize(1920, 1080)
stage.show()
frames = 0
for index in range(len(loaded.deck.slides)):
    stage.show_slide(index, direction=1)
    for _ in range(300 // len(loaded.deck.slides) + 1):
        clock.advance(1 / 60)
        stage.tick()
        stage.viewport().repaint()
        app.processEvents()
        frames += 1
print("frames", frames)
"""


def test_real_chart_slides_animate_300_frames():
    """The same regression through our own chart slides (pyqtgraph items on the stage)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    deck = ROOT / "tests" / "data" / "good" / "charts.yaml"
    result = subprocess.run([sys.executable, "-c", CHART_SLIDES, str(deck)], env=env,
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.split()[1]) >= 300
