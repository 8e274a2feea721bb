"""Benchmark: a gallery of 20 photographs of 20 megapixels, swiped through and looked at
closer, in a shown 1920x1080 window (offscreen, software raster).

    python bench/gallery.py [--json] [--photos 20] [--rounds 3]

The photographs are made here (5472x3648 JPEGs, quality 90, of smooth gradients and
fine noise, so that decoding costs what a camera's file does). A visitor's session, on
the show's fake clock, with the event loop let run between gestures (the idle time in
which the show decodes the next photos):

- next photo by a key press (what a swipe's release does): the time from the event to
  the end of the first repaint (key to frame), and whether that frame already showed
  the photo (decoded ahead) or the quiet fill;
- the frames of the photo sliding in (tick and repaint each), p99;
- on each photo, two fingers spread to look 4 times closer, in 12 steps: the time of
  each step's frame;
- peak memory (RSS) of the process, and what the decoder keeps.

The baseline in the same run: each photo decoded on the key press in the GUI thread at
the screen's size (what a player without a decoder thread or decoding ahead pays before
the photo can be drawn), its median and p99, and the ratio.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import tempfile
import time
from pathlib import Path

from _qt import offscreen_screen, percentile

SIZE = (5472, 3648)  # 20 megapixels, a 3:2 camera's


def make_photos(folder: Path, count: int) -> list[Path]:
    import numpy as np
    from PySide6.QtGui import QImage

    rng = np.random.default_rng(3)
    width, height = SIZE
    ys = np.linspace(0, 1, height, dtype=np.float32)[:, None]
    xs = np.linspace(0, 1, width, dtype=np.float32)[None, :]
    paths = []
    for n in range(count):
        hue = (n * 37) % 255
        noise = rng.integers(0, 24, (height // 4, width // 4), dtype=np.uint8).repeat(
            4, 0).repeat(4, 1)
        red = (60 + 150 * ys + hue * 0.3 * xs) + noise
        green = (90 + 100 * xs) + noise
        blue = (200 - 120 * ys) + noise
        pixels = np.empty((height, width, 4), dtype=np.uint8)
        pixels[..., 0] = np.clip(blue, 0, 255)
        pixels[..., 1] = np.clip(green, 0, 255)
        pixels[..., 2] = np.clip(red, 0, 255)
        pixels[..., 3] = 255
        image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_RGB32)
        path = folder / f"photo-{n + 1:02d}.jpg"
        image.save(str(path), "JPEG", 90)
        paths.append(path)
    return paths


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def deck(folder: Path, photos: list[Path]) -> Path:
    lines = ["title: Gallery", "slides:", "  - type: gallery", "    title: A gallery",
             "    photos:"]
    for n, path in enumerate(photos):
        lines += [f"      - src: {path.name}", f"        caption: Photograph {n + 1}"]
    lines += ["  - type: title", "    title: After"]
    (folder / "deck.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    return folder / "deck.yaml"


def session(path: Path, rounds: int) -> dict[str, float]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.app.player import Player
    from kiosk.config import Config
    from kiosk.deck.load import load_deck
    from kiosk.play.clock import FakeClock
    from kiosk.play.commands import Action, Command, Zoom
    from kiosk.show.photo import decoder

    app = QApplication.instance() or QApplication([])
    loaded = load_deck(path)
    clock = FakeClock()
    player = Player(loaded, Config(), clock)
    player.housekeeping.stop()
    player.frames.timer.stop()
    stage = player.stage
    stage.resize(1920, 1080)
    stage.show()
    app.processEvents()
    stage.viewport().repaint()
    decoder().settle()
    count = len(loaded.deck.slides[0].photos)  # type: ignore[attr-defined]
    key_to_frame, slide_frames, zoom_frames, ready = [], [], [], 0
    peak = rss_mb()
    presses = 0
    for _ in range(rounds):
        for step in range(count):
            if step:  # the next photo, as a swipe or a clicker gives it
                event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right,
                                  Qt.KeyboardModifier.NoModifier)
                started = time.perf_counter()
                QApplication.sendEvent(stage, event)
                stage.viewport().repaint()
                key_to_frame.append(time.perf_counter() - started)
                presses += 1
                picture = stage.current.pages[stage.current.at].picture  # type: ignore
                ready += picture.image is not None
                while stage.animating:  # the photo slides in, frame by frame at 60 Hz
                    clock.advance(1 / 60)
                    began = time.perf_counter()
                    stage.tick()
                    stage.viewport().repaint()
                    slide_frames.append(time.perf_counter() - began)
            # A visitor spreads two fingers: 12 steps to 4 times closer.
            for _ in range(12):
                began = time.perf_counter()
                player.show.apply(Command(Action.ZOOM, payload=Zoom(
                    4 ** (1 / 12), 960, 540)), "touch")
                stage.viewport().repaint()
                zoom_frames.append(time.perf_counter() - began)
            peak = max(peak, rss_mb())
            time.sleep(0.4)  # (seconds pass: the decoder's thread works meanwhile)
            app.processEvents()
            stage.viewport().repaint()
            player.show.apply(Command(Action.ZOOM, payload=Zoom(reset=True)), "touch")
            stage.viewport().repaint()
            time.sleep(0.3)  # the visitor looks: the next photos decode meanwhile
            app.processEvents()
            peak = max(peak, rss_mb())
        player.show.apply(Command(Action.HOME), "idle")
        while stage.animating:
            clock.advance(1 / 60)
            stage.tick()
        stage.viewport().repaint()
        app.processEvents()
    kept = decoder().kept_bytes / 2**20
    stage.close()
    return {"presses": presses,
            "key_to_frame_median_ms": statistics.median(key_to_frame) * 1e3,
            "key_to_frame_p99_ms": percentile(key_to_frame, 0.99) * 1e3,
            "photo_ready_at_first_frame": ready / presses,
            "slide_in_frame_median_ms": statistics.median(slide_frames) * 1e3,
            "slide_in_frame_p99_ms": percentile(slide_frames, 0.99) * 1e3,
            "zoom_frame_median_ms": statistics.median(zoom_frames) * 1e3,
            "zoom_frame_p99_ms": percentile(zoom_frames, 0.99) * 1e3,
            "peak_rss_mb": max(peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "decoder_kept_mb": kept}


def baseline(photos: list[Path]) -> dict[str, float]:
    """Each photo decoded on the press, in the GUI thread, at the screen's size."""
    from PySide6.QtCore import QSize

    from kiosk.show.pictures import decode

    times = []
    for path in photos:
        started = time.perf_counter()
        decode(path, QSize(1920, 1280))
        times.append(time.perf_counter() - started)
    return {"decode_on_press_median_ms": statistics.median(times) * 1e3,
            "decode_on_press_p99_ms": percentile(times, 0.99) * 1e3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    offscreen_screen()
    from PySide6.QtWidgets import QApplication

    QApplication([])
    folder = Path(tempfile.mkdtemp())
    made = time.perf_counter()
    photos = make_photos(folder, args.photos)
    made = time.perf_counter() - made
    result: dict[str, object] = {
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "photos": f"{args.photos} x {SIZE[0]}x{SIZE[1]} JPEG "
                  f"({sum(p.stat().st_size for p in photos) / 2**20:.0f} MB, made in {made:.0f} s)"}
    kiosk = session(deck(folder, photos), args.rounds)
    base = baseline(photos)
    result.update(kiosk)
    result.update(base)
    result["ratio_key_to_frame_p99_to_decode_on_press_p99"] = (
        kiosk["key_to_frame_p99_ms"] / base["decode_on_press_p99_ms"])
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for key, value in result.items():
        print(f"{key:52} {value:.3f}" if isinstance(value, float) else f"{key:52} {value}")


if __name__ == "__main__":
    main()
