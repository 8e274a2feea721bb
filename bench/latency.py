"""Benchmark: key press to the first painted frame of the transition, offscreen 1920x1080.

    python bench/latency.py [--presses 200] [--json]

Each press sends a real QKeyEvent (Right) to the stage and repaints the viewport
synchronously; the time is from sending the event to the end of that paint. Between
presses the transition is finished with a fake clock and the event loop is let run, so
the player builds the next slide while idle, as it does in the show. The baseline, in
the same run, clears the built slides before each press, so every slide is built on
the key press (what a player without building ahead pays).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time

from _qt import default_show, offscreen_screen, percentile


def measure(presses: int, cold: bool) -> list[float]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app, player, clock = default_show()
    stage = player.stage
    samples = []
    for _ in range(presses):
        if cold:
            stage.views.drop_all_but(stage.index)  # the next slide is not built
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier)
        started = time.perf_counter()
        QApplication.sendEvent(stage, event)
        stage.viewport().repaint()
        samples.append(time.perf_counter() - started)
        clock.advance(1.0)
        stage.tick()
        app.processEvents()  # idle: the player builds the next slide now
    stage.close()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    offscreen_screen()
    warm = measure(args.presses, cold=False)
    cold = measure(args.presses, cold=True)
    result = {
        "presses": args.presses,
        "kiosk_median_ms": statistics.median(warm) * 1e3,
        "kiosk_p99_ms": percentile(warm, 0.99) * 1e3,
        "kiosk_max_ms": max(warm) * 1e3,
        "baseline_build_on_press_median_ms": statistics.median(cold) * 1e3,
        "baseline_build_on_press_p99_ms": percentile(cold, 0.99) * 1e3,
        "machine": f"{platform.machine()}, python {platform.python_version()}",
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"key press to first painted transition frame, 1920x1080 offscreen, "
          f"{args.presses} presses")
    print(f"kiosk (next slide built while idle)  median {result['kiosk_median_ms']:6.1f} ms"
          f"   p99 {result['kiosk_p99_ms']:6.1f} ms   max {result['kiosk_max_ms']:6.1f} ms")
    print(f"baseline: slide built on key press   median "
          f"{result['baseline_build_on_press_median_ms']:6.1f} ms"
          f"   p99 {result['baseline_build_on_press_p99_ms']:6.1f} ms")


if __name__ == "__main__":
    main()
