"""Benchmark: frame times of every animated slide of the default deck, 1080p and 4K.

    python bench/frames.py [--json] [--sizes 1920x1080,3840x2160]

For each animated slide, the show stands idle on the slide before (so it builds the
next one ahead, as it does when idle), then a real key press brings the slide in and a
fake clock steps 1/60 s per frame through the transition and every animation to its
end; each frame is a synchronous repaint of the whole window. The first frame includes
the key press and the slide's entry. Offscreen, software raster.

Baseline, measured in the same run: a full-window pyqtgraph PlotWidget animating the
same bars (the article's 2014 and later values) and a line, with autorange, the way a
chart is usually put on screen with pyqtgraph.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _qt import default_show, offscreen_screen, percentile

FRAME = 1 / 60


def slide_frames(width: int, height: int) -> dict[str, list[float]]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app, player, clock = default_show(width, height)
    stage = player.stage
    loaded = player.stage.loaded
    results: dict[str, list[float]] = {}
    for index in range(1, len(loaded.deck.slides)):
        slide = loaded.deck.slides[index]
        # Idle on the slide before: its animations done, the event loop free to build.
        while stage.animating:
            clock.advance(FRAME)
            stage.tick()
        app.processEvents()
        times = []
        started = time.perf_counter()
        QApplication.sendEvent(stage, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right,
                                                Qt.KeyboardModifier.NoModifier))
        stage.viewport().repaint()
        times.append(time.perf_counter() - started)
        while stage.animating:
            started = time.perf_counter()
            clock.advance(FRAME)
            stage.tick()
            stage.viewport().repaint()
            times.append(time.perf_counter() - started)
        if len(stage.current.timeline) if stage.current else 0:
            results[f"{index + 1:02d} {slide.type} {slide.id or ''}".strip()] = times
    stage.close()
    return results


def baseline_frames(width: int, height: int) -> list[float]:
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    plot = pg.PlotWidget()
    plot.resize(width, height)
    values = np.array([3.7, 7.2, 52.1, 81.9, 66.2, 80.3])
    bars = pg.BarGraphItem(x=np.arange(6), height=values * 0, width=0.6, brush="#e8b04b")
    plot.addItem(bars)
    curve = plot.plot(np.arange(6), values * 0, pen=pg.mkPen("#4fb3bf", width=3))
    plot.show()
    app.processEvents()
    times = []
    for frame in range(90):  # 1.5 s of entry at 60 Hz
        started = time.perf_counter()
        p = 1 - (1 - (frame + 1) / 90) ** 3
        bars.setOpts(height=values * p)
        curve.setData(np.arange(6), values * p)
        plot.viewport().repaint()
        times.append(time.perf_counter() - started)
    plot.close()
    return times


def child(size: str) -> None:
    width, height = (int(v) for v in size.split("x"))
    offscreen_screen(width, height)
    print(json.dumps({"slides": slide_frames(width, height),
                      "baseline": baseline_frames(width, height)}))


BUDGET_MS = {"1920x1080": 1000 / 120, "3840x2160": 1000 / 60}


def summary(times: list[float], budget_ms: float) -> dict[str, float]:
    return {"frames": len(times), "p50_ms": statistics.median(times) * 1e3,
            "p99_ms": percentile(times, 0.99) * 1e3, "max_ms": max(times) * 1e3,
            "entry_ms": times[0] * 1e3,
            "over_budget": sum(t * 1e3 > budget_ms for t in times),
            "slowest_frame": max(range(len(times)), key=times.__getitem__)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sizes", default="1920x1080,3840x2160")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    report = {"machine": f"{platform.machine()}, python {platform.python_version()}",
              "sizes": {}}
    for size in args.sizes.split(","):
        out = subprocess.run([sys.executable, str(Path(__file__)), "--child", size],
                             capture_output=True, text=True, check=True).stdout
        data = json.loads(out.splitlines()[-1])
        budget = BUDGET_MS.get(size, 1000 / 60)
        slides = {name: summary(times, budget) for name, times in data["slides"].items()}
        every = [t for times in data["slides"].values() for t in times]
        report["sizes"][size] = {"slides": slides, "all": summary(every, budget),
                                 "baseline": summary(data["baseline"], budget),
                                 "budget_ms": budget}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for size, result in report["sizes"].items():
        print(f"\n{size} (offscreen, software raster; {report['machine']}); "
              f"frame budget {result['budget_ms']:.1f} ms")
        print(f"{'slide':34} {'frames':>6} {'entry':>8} {'p50':>7} {'p99':>7} {'max':>7}"
              f" {'over':>5}")
        for name, s in result["slides"].items():
            print(f"{name:34} {s['frames']:6d} {s['entry_ms']:7.1f}  {s['p50_ms']:6.1f} "
                  f"{s['p99_ms']:6.1f} {s['max_ms']:6.1f} {s['over_budget']:5d}"
                  f"  (slowest: frame {s['slowest_frame']})")
        a, b = result["all"], result["baseline"]
        print(f"{'all animated slides':34} {a['frames']:6d} {'':8} {a['p50_ms']:6.1f} "
              f"{a['p99_ms']:6.1f} {a['max_ms']:6.1f}")
        print(f"{'baseline: PlotWidget bars+line':34} {b['frames']:6d} {'':8} "
              f"{b['p50_ms']:6.1f} {b['p99_ms']:6.1f} {b['max_ms']:6.1f}")
        print(f"p99 ratio kiosk/baseline: {a['p99_ms'] / b['p99_ms']:.2f}")


if __name__ == "__main__":
    main()
