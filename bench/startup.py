"""Benchmark: process start to the first slide fully painted, offscreen at 1920x1080.

    python bench/startup.py [--runs 9] [--json]

Each run starts a new Python process (cold for Python, warm for the disk cache) and
stops the clock when the process reports that the first frame has been painted. The
baseline, measured in the same run the same way, is a bare PySide6 window showing two
Chinese labels in the same font.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _qt import percentile

ROOT = Path(__file__).resolve().parent.parent

BASELINE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontDatabase, QFont
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
app = QApplication(sys.argv[:1])
QFontDatabase.addApplicationFont(sys.argv[1])
window = QWidget()
layout = QVBoxLayout(window)
for text in ("三张缩影", "南京"):
    label = QLabel(text)
    label.setFont(QFont("Noto Sans SC Kiosk", 64))
    layout.addWidget(label)
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.done)
        return False
    def done(self):
        print("first-frame", flush=True)
        app.quit()
watch = Watch()
window.installEventFilter(watch)
window.resize(1920, 1080)
window.show()
app.exec()
"""


def time_to_first_frame(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("first-frame"):
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{command} never painted a frame")
    process.wait(timeout=30)
    process.stdout.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    screens = Path(tempfile.mkdtemp()) / "screens.json"
    screens.write_text(json.dumps({"screens": [
        {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screens}",
               KIOSK_EXIT_AFTER_FIRST_FRAME="1", XDG_DATA_HOME=str(screens.parent))
    font = str(ROOT / "assets" / "fonts" / "NotoSansSC-Kiosk-Regular.otf")
    kiosk = [sys.executable, "-m", "kiosk"]  # full screen on the 1920x1080 screen
    bare = [sys.executable, "-c", BASELINE, font]
    ours, base = [], []
    time_to_first_frame(kiosk, env)  # fill the disk cache once
    for _ in range(args.runs):
        ours.append(time_to_first_frame(kiosk, env))
        base.append(time_to_first_frame(bare, env))
    result = {
        "runs": args.runs,
        "kiosk_median_s": statistics.median(ours), "kiosk_p99_s": percentile(ours, 0.99),
        "baseline_median_s": statistics.median(base), "baseline_p99_s": percentile(base, 0.99),
        "machine": f"{platform.machine()} {os.cpu_count()} cores, "
                   f"python {platform.python_version()}",
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"start to first painted slide, offscreen, {args.runs} runs ({result['machine']})")
    print(f"kiosk (default deck)        median {result['kiosk_median_s'] * 1e3:6.0f} ms"
          f"   p99 {result['kiosk_p99_s'] * 1e3:6.0f} ms")
    print(f"baseline: bare PySide6 + 2 CJK labels  median {result['baseline_median_s'] * 1e3:6.0f}"
          f" ms   p99 {result['baseline_p99_s'] * 1e3:6.0f} ms")


if __name__ == "__main__":
    main()
