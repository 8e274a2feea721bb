"""Benchmark: a video slide playing in a shown window, 1080p30 and 4K30 H.264, alone and
with an animated chart beside it.

    python bench/video.py [--json] [--seconds 60] [--sizes 1920x1080,3840x2160]

A clip is made here (PyAV's libx264: moving noise over a gradient, so that every frame
costs what a real film's does), shown full screen by a video slide in a window of the
same size, on the show's clock moving in real time, the window repainted synchronously
at 60 Hz. Printed, for each size:

- each alone, and with the default deck's compare chart drawn over the left of the
  stage, its animation started again each time it ends (a chart always moving);
- frames presented of frames due (a frame is due every 1/30 s; presented when the
  window showed it at a repaint before the next was due),
- frame time (tick and repaint) median and p99, and the CPU share of the process
  (decoder threads included, 200 % = both cores),
- the baseline in the same run: the same clip decoded and scaled alone by PyAV (the
  limit the show approaches), as frames a second and CPU share, and the ratio;
- the gap at the loop point: the longest time between the last frame of one loop and
  the first of the next, against the frame period;
- memory (RSS) growth over 200 loops of a short clip, decoded as fast as it goes.

Offscreen, software raster. No sleep is in a test; here the 60 Hz pacing is real time.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _qt import offscreen_screen, percentile

RATE = 30
TICK = 1 / 60


def make_clip(path: Path, width: int, height: int, seconds: float) -> Path:
    import av
    import numpy as np

    rng = np.random.default_rng(7)
    base = np.linspace(40, 200, width, dtype=np.float32)[None, :, None]
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=RATE)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "ultrafast", "crf": "23"}
        noise = rng.integers(0, 40, (height // 8, width // 8, 3), dtype=np.uint8)
        for n in range(round(seconds * RATE)):
            shifted = np.roll(noise, n * 3, axis=1).repeat(8, 0).repeat(8, 1)
            pixels = np.clip(base + shifted + n % 30, 0, 255).astype(np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def baseline(path: Path, width: int, height: int) -> dict[str, float]:
    """The clip decoded and scaled alone, as fast as it goes."""
    import av

    started, used, frames = time.perf_counter(), cpu(), 0
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        for frame in container.decode(stream):
            frame.reformat(width=width, height=height, format="bgra").to_ndarray()
            frames += 1
    wall = time.perf_counter() - started
    return {"fps": frames / wall, "cpu_share": (cpu() - used) / wall}


def deck(folder: Path, clip: Path) -> Path:
    (folder / "deck.yaml").write_text(
        "title: Video\nslides:\n"
        "  - type: title\n    title: Before\n"
        f"  - type: video\n    src: {clip.name}\n    title: Video\n", "utf-8")
    return folder / "deck.yaml"


def animated_chart(stage, clock):  # type: ignore[no-untyped-def]
    """The default deck's compare chart drawn over the left of the stage, at 45 %,
    animating from the start again each time it ends."""
    from kiosk.config import Config, find_config
    from kiosk.deck.load import load_deck
    from kiosk.show.render import context
    from kiosk.show.slides import build_view

    installation = find_config(None)
    loaded = load_deck(installation.deck_path, installation.asset_roots)
    slide = next(s for s in loaded.deck.slides if s.type == "chart")
    view = build_view(slide, context(loaded, Config(), "zh"))
    view.setScale(0.45)
    view.setPos(0, stage.design[1] * 0.25)
    view.setZValue(5)
    stage.scene().addItem(view)
    view.start(clock.now())
    return view


def play(path: Path, width: int, height: int, seconds: float,
         beside: bool = False) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from kiosk.app.player import Player
    from kiosk.config import Config
    from kiosk.deck.load import load_deck
    from kiosk.play.clock import FakeClock

    app = QApplication.instance() or QApplication([])
    loaded = load_deck(deck(path.parent, path))
    clock = FakeClock()
    player = Player(loaded, Config(), clock)
    player.housekeeping.stop()
    player.frames.timer.stop()
    stage = player.stage
    stage.resize(width, height)
    stage.show()
    app.processEvents()
    stage.show_slide(1, direction=1, transition="none")
    item = stage.current.picture
    chart = animated_chart(stage, clock) if beside else None
    charted = 0
    times, shown, seen = [], 0, None
    began, used = time.perf_counter(), cpu()
    start = clock.now()
    next_tick = began
    while time.perf_counter() - began < seconds:
        tick_started = time.perf_counter()
        clock.advance(tick_started - began - (clock.now() - start))
        stage.tick()
        if chart is not None and not chart.step(clock.now()):
            chart.start(clock.now())  # (again: a chart always animating beside it)
            charted += 1
        stage.viewport().repaint()
        times.append(time.perf_counter() - tick_started)
        if item.image is not None and item.image is not seen:
            seen, shown = item.image, shown + 1
        next_tick += TICK
        time.sleep(max(0.0, next_tick - time.perf_counter()))
    wall = time.perf_counter() - began
    share = (cpu() - used) / wall
    due = int(wall * RATE)
    stage.show_slide(0, direction=-1, transition="none")
    if chart is not None:
        stage.scene().removeItem(chart)
    return {"chart_animations": charted, "presented": shown, "due": due,
            "presented_share": shown / due,
            "frame_median_ms": statistics.median(times) * 1000,
            "frame_p99_ms": percentile(times, 0.99) * 1000, "cpu_share": share}


def loop_gap(folder: Path, width: int, height: int) -> dict[str, float]:
    """The longest wait between the last frame of a loop and the next loop's first,
    at 60 Hz real time (a 1 s clip, ten loops)."""
    from PySide6.QtCore import QRectF

    from kiosk.show.video import VideoItem

    clip = make_clip(folder / "loop.mp4", 640, 360, 1.0)
    item = VideoItem(clip, QRectF(0, 0, width, height), fill=True)
    item.start(0.0)
    began = time.perf_counter()
    changes, previous = [], None
    next_tick = began
    while time.perf_counter() - began < 10.2:
        now = time.perf_counter() - began
        item.step(now)
        if item.image is not None and item.image is not previous:
            changes.append(now)
            previous = item.image
        next_tick += TICK
        time.sleep(max(0.0, next_tick - time.perf_counter()))
    item.stop()
    intervals = list(itertools.pairwise(changes))
    at_loops = [b - a for a, b in intervals if int(a) != int(b) and a > 0.5]
    return {"longest_gap_at_loop_ms": max(at_loops) * 1000 if at_loops else 0.0,
            "longest_gap_ms": max(b - a for a, b in intervals) * 1000,
            "frame_period_ms": 1000 / RATE, "loops": len(at_loops)}


def loop_memory(folder: Path) -> dict[str, float]:
    """RSS before and after 200 loops of a half-second clip, as fast as it decodes."""
    from PySide6.QtCore import QRectF

    from kiosk.show.video import VideoItem

    clip = make_clip(folder / "short.mp4", 1280, 720, 0.5)
    item = VideoItem(clip, QRectF(0, 0, 1280, 720), fill=True)
    item.start(0.0)
    item.step(1.0, wait=True)
    before = rss_mb()
    for n in range(1, 201):
        item.step(n * 0.5 + 0.25, wait=True)
    after = rss_mb()
    item.stop()
    return {"rss_before_mb": before, "rss_after_mb": after, "growth_mb": after - before}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--sizes", default="1920x1080,3840x2160")
    args = parser.parse_args()
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    offscreen_screen(*max(sizes))
    from PySide6.QtWidgets import QApplication

    QApplication([])
    folder = Path(tempfile.mkdtemp())
    results: dict[str, object] = {"machine": f"{platform.machine()}, {platform.python_version()}"}
    for width, height in sizes:
        clip = make_clip(folder / f"clip{width}.mp4", width, height, 10.0)
        alone = baseline(clip, width, height)
        for beside in (False, True):
            played = play(clip, width, height, args.seconds, beside)
            played["baseline_fps"] = alone["fps"]
            played["baseline_cpu_share"] = alone["cpu_share"]
            played["fps_needed_over_baseline"] = RATE / alone["fps"]
            results[f"{width}x{height}" + (" beside a chart" if beside else "")] = played
    results["loop"] = loop_gap(folder, 1920, 1080)
    results["memory"] = loop_memory(folder)
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        return
    for name, value in results.items():
        print(name, value if not isinstance(value, dict) else
              ", ".join(f"{k} {v:.3g}" if isinstance(v, float) else f"{k} {v}"
                        for k, v in value.items()))


if __name__ == "__main__":
    main()
