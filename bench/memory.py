"""Benchmark: peak memory of the running default show, offscreen 1920x1080.

    python bench/memory.py [--rounds 3] [--json]

Plays the default deck through every slide, in every language, for a few rounds,
repainting each frame of every transition (fake clock), and reports the process's peak
resident memory. The baseline, a separate process measured in the same run, is a bare
QApplication with one 1920x1080 window: the floor any PySide6 show stands on.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys

from _qt import default_show, offscreen_screen

BARE = """
import resource
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(1920, 1080); w.show(); app.processEvents(); w.repaint()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def play(rounds: int) -> int:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.play.commands import Action, Command

    app, player, clock = default_show()
    stage = player.stage
    slides = len(player.show.deck.slides)
    for _ in range(rounds):
        for _language in stage.languages:
            for _ in range(slides):
                QApplication.sendEvent(stage, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right,
                                                        Qt.KeyboardModifier.NoModifier))
                for _frame in range(32):
                    clock.advance(1 / 60)
                    stage.tick()
                    stage.viewport().repaint()
                app.processEvents()
            player.command(Command(Action.LANGUAGE), "key")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    offscreen_screen()
    bare_kb = int(subprocess.run([sys.executable, "-c", BARE], capture_output=True, text=True,
                                 check=True).stdout)
    peak_kb = play(args.rounds)
    result = {"rounds": args.rounds, "kiosk_peak_rss_mb": peak_kb / 1024,
              "baseline_bare_qt_window_peak_rss_mb": bare_kb / 1024,
              "machine": f"{platform.machine()}, python {platform.python_version()}"}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"peak resident memory, default deck, {args.rounds} rounds in every language")
    print(f"kiosk show                    {result['kiosk_peak_rss_mb']:6.1f} MB")
    print(f"baseline: bare Qt window      {result['baseline_bare_qt_window_peak_rss_mb']:6.1f} MB")


if __name__ == "__main__":
    main()
