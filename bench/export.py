"""Benchmark: export of the default deck, per slide, as PNG at 1920x1080 and as PDF.

    python bench/export.py [--rounds 5] [--json]

Each PNG slide is rendered offscreen in its final state and encoded; the PDF is the
whole deck through QPdfWriter. Baseline, measured in the same run: encoding a blank
1920x1080 image as PNG (the floor under any PNG export).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path

from _qt import offscreen_screen, percentile


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    offscreen_screen()
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from kiosk.config import find_config
    from kiosk.deck.load import load_deck
    from kiosk.export import PNG_QUALITY, export_pdf
    from kiosk.show.render import render_slide

    app = QApplication([])
    installation = find_config(None)
    loaded = load_deck(installation.deck_path, installation.asset_roots)
    config = installation.config
    out = Path(tempfile.mkdtemp())
    png, pdf, blank = [], [], []
    render_slide(loaded, config, 0, (1920, 1080))  # warm-up: fonts
    for _ in range(args.rounds):
        for index in range(len(loaded.deck.slides)):
            started = time.perf_counter()
            image, _ = render_slide(loaded, config, index, (1920, 1080))
            image.save(str(out / f"{index}.png"), None, PNG_QUALITY)
            png.append(time.perf_counter() - started)
            started = time.perf_counter()
            empty = QImage(1920, 1080, QImage.Format.Format_RGB32)
            empty.fill(Qt.GlobalColor.black)
            empty.save(str(out / "blank.png"), None, PNG_QUALITY)
            blank.append(time.perf_counter() - started)
        started = time.perf_counter()
        export_pdf(loaded, config, out / "deck.pdf")
        pdf.append((time.perf_counter() - started) / len(loaded.deck.slides))
    del app
    result = {
        "slides": len(loaded.deck.slides), "rounds": args.rounds,
        "png_median_ms": statistics.median(png) * 1e3, "png_p99_ms": percentile(png, 0.99) * 1e3,
        "pdf_per_slide_median_ms": statistics.median(pdf) * 1e3,
        "pdf_per_slide_p99_ms": percentile(pdf, 0.99) * 1e3,
        "baseline_blank_png_median_ms": statistics.median(blank) * 1e3,
        "baseline_blank_png_p99_ms": percentile(blank, 0.99) * 1e3,
        "machine": f"{platform.machine()}, python {platform.python_version()}",
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"export of the default deck ({result['slides']} slides, {args.rounds} rounds)")
    print(f"PNG 1920x1080 per slide        median {result['png_median_ms']:6.1f} ms   "
          f"p99 {result['png_p99_ms']:6.1f} ms")
    print(f"PDF per slide                  median {result['pdf_per_slide_median_ms']:6.1f} ms"
          f"   p99 {result['pdf_per_slide_p99_ms']:6.1f} ms")
    print(f"baseline: blank PNG 1920x1080  median "
          f"{result['baseline_blank_png_median_ms']:6.1f} ms   "
          f"p99 {result['baseline_blank_png_p99_ms']:6.1f} ms")


if __name__ == "__main__":
    main()
