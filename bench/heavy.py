"""Benchmark: heavy content never blocks input. Three figures, each with its baseline
measured in the same run:

    python bench/heavy.py [--slides 2000] [--presses 100] [--files 10000] [--json]

1. Overview of a 2,000-slide deck: from the key O to the overview painted, and the
   resident memory it adds (in a child process each). Baseline: what the overview did
   before, a picture of every slide made on opening (also in a child process).
2. Key press to painted frame while the heaviest network the model allows (600 dots,
   8 groups, 3 highlights each, links between neighbours) is being built: the key is
   queued just as the build of the next slide starts, so it waits for that build.
   Baseline: the same key with nothing being built.
3. The file watcher's work per second beside 10,000 other files (1,000 in the deck's
   folder, 9,000 in its subfolders). Baseline: the scan the watcher did before (every
   folder of the deck's tree, each entry's size and time).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _qt import offscreen_screen, percentile

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def write_deck(folder: Path, data: dict) -> Path:  # type: ignore[type-arg]
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "deck.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def long_deck(slides: int) -> dict:  # type: ignore[type-arg]
    kinds = [
        {"type": "title", "title": {"zh": "第{n}页", "en": "Slide {n}"}},
        {"type": "figures", "title": "Figures {n}",
         "figures": [{"value": 1.74, "unit": {"zh": "万亿元", "en": "trillion"},
                      "label": "GDP"}, {"value": 3500, "qualifier": "近", "label": "items"}]},
        {"type": "points", "title": "Points {n}",
         "points": [{"heading": "One", "detail": "A line of detail"}, {"heading": "Two"}]},
    ]
    deck = []
    for n in range(slides):
        slide = json.loads(json.dumps(kinds[n % len(kinds)]).replace("{n}", str(n + 1)))
        deck.append(slide)
    return {"title": "Long", "languages": ["zh", "en"], "slides": deck}


def heaviest_network(seed: int) -> dict:  # type: ignore[type-arg]
    from kiosk.deck.charts import MAX_NETWORK_DOTS

    per_group = MAX_NETWORK_DOTS // 8
    groups = [{"label": f"Group {g + 1}", "count": per_group,
               "highlights": [{"label": f"Picked {h + 1}", "count": 5} for h in range(3)]}
              for g in range(8)]
    return {"type": "chart", "title": "Network",
            "chart": {"kind": "network", "seed": seed, "groups": groups}}


# --- 1. overview ----------------------------------------------------------------------


def overview_child(slides: int, baseline: bool) -> None:
    """In a child process: open the overview (or make every picture), print figures."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent, QPixmap
    from PySide6.QtWidgets import QApplication

    from kiosk.app.player import Player
    from kiosk.config import Config
    from kiosk.deck.load import load_deck
    from kiosk.play.clock import FakeClock
    from kiosk.show.render import render_slide

    app = QApplication([])
    path = write_deck(Path(tempfile.mkdtemp()), long_deck(slides))
    loaded = load_deck(path)
    player = Player(loaded, Config(), FakeClock())
    player.housekeeping.stop()
    player.stage.resize(1920, 1080)
    player.stage.show()
    app.processEvents()
    before = _rss_mb()
    started = time.perf_counter()
    if baseline:  # the overview as it was: every slide's picture made on opening
        size = (384, 216)
        pictures = [QPixmap.fromImage(render_slide(loaded, Config(), n, size)[0])
                    for n in range(slides)]
        assert len(pictures) == slides
    else:
        QApplication.sendEvent(player.stage, QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_O, Qt.KeyboardModifier.NoModifier))
        player.stage.viewport().repaint()
        assert player.overview.grid is not None
    opened = time.perf_counter() - started
    filled = 0.0
    if not baseline:  # then the pictures of the page on screen, one per turn of the loop
        while player.overview.making:
            app.processEvents()
        filled = time.perf_counter() - started
        player.stage.viewport().repaint()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"open_ms": opened * 1e3, "page_filled_ms": filled * 1e3,
                      "added_mb": peak - before}))


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def overview(slides: int, runs: int) -> dict[str, float]:
    def child(baseline: bool) -> dict[str, float]:
        out = subprocess.run([sys.executable, __file__, "--overview-child", str(slides)]
                             + (["--baseline"] if baseline else []),
                             capture_output=True, text=True, check=True, env=os.environ)
        return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]

    ours = [child(False) for _ in range(runs)]
    base = child(True)
    opens = [r["open_ms"] for r in ours]
    return {"slides": slides, "runs": runs,
            "open_median_ms": statistics.median(opens), "open_p99_ms": percentile(opens, 0.99),
            "page_filled_median_ms": statistics.median(r["page_filled_ms"] for r in ours),
            "added_mb": max(r["added_mb"] for r in ours),
            "baseline_all_pictures_ms": base["open_ms"], "baseline_added_mb": base["added_mb"]}


# --- 2. key to frame while a network is built -----------------------------------------


def network_latency(presses: int) -> dict[str, float]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.app.player import Player
    from kiosk.config import Config
    from kiosk.deck.load import load_deck
    from kiosk.play.clock import FakeClock
    from kiosk.play.commands import Action, Command

    app = QApplication.instance() or QApplication([])
    slides = []
    for n in range(presses + 2):  # every other slide a new heaviest network
        slides.append({"type": "title", "title": f"Slide {n + 1}"})
        slides.append(heaviest_network(seed=n))
    path = write_deck(Path(tempfile.mkdtemp()), {"title": "Networks", "slides": slides})
    loaded = load_deck(path)
    clock = FakeClock()
    player = Player(loaded, Config(), clock)
    player.housekeeping.stop()
    player.stage.resize(1920, 1080)
    player.stage.show()
    app.processEvents()
    gc.freeze()  # as kiosk.app.main does once the show is up
    stage = player.stage
    busy, idle, builds = [], [], []

    def go_to(index: int) -> None:
        player.command(Command(Action.JUMP, index + 1), "bench")
        clock.advance(2.0)
        stage.tick()
        for _ in range(5):  # the show idle: it builds its neighbours now
            app.processEvents()

    def right(build: int | None) -> float:
        """Queue the key Right; with ``build``, the show starts building that slide
        first (as when idle); the key's frame comes after. Seconds to the frame."""
        started = time.perf_counter()
        QApplication.postEvent(stage, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Right,
                                                Qt.KeyboardModifier.NoModifier))
        if build is not None:
            built = time.perf_counter()
            player.frames.get_ready(build)
            builds.append(time.perf_counter() - built)
        app.processEvents()
        stage.viewport().repaint()
        return time.perf_counter() - started

    for n in range(presses):
        index = 2 * n  # a title slide; the network after it is not built
        go_to(index)
        stage.views.drop_all_but(index)  # the next one is not built
        busy.append(right(build=index + 1))
        go_to(index)  # again, the network now built: nothing builds while the key comes
        idle.append(right(build=None))
    stage.close()
    return {"presses": presses,
            "build_median_ms": statistics.median(builds) * 1e3,
            "build_p99_ms": percentile(builds, 0.99) * 1e3,
            "key_while_building_median_ms": statistics.median(busy) * 1e3,
            "key_while_building_p99_ms": percentile(busy, 0.99) * 1e3,
            "baseline_key_idle_median_ms": statistics.median(idle) * 1e3,
            "baseline_key_idle_p99_ms": percentile(idle, 0.99) * 1e3}


# --- 3. the watcher ---------------------------------------------------------------------


def old_scan(roots: list[Path]) -> int:
    """The watcher's scan before: every folder of the tree, and each entry in it."""
    seen = 0
    for root in roots:
        folders = [root, *(p for p in root.rglob("*") if p.is_dir())][:500]
        for folder in folders:
            folder.stat()
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                entry.stat()
                seen += 1
    return seen


def watcher(files: int, rounds: int) -> dict[str, float]:
    from PySide6.QtGui import QColor, QImage

    from kiosk.app.reload import Reloader
    from kiosk.config import Config, Installation
    from kiosk.play.watch import signature

    site = Path(tempfile.mkdtemp())
    (site / "images").mkdir()
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    for n in range(5):
        image.save(str(site / "images" / f"p{n}.png"))
    slides = [{"type": "story", "headline": f"S{n}",
               "visual": {"kind": "image", "src": f"images/p{n}.png"}} for n in range(5)]
    deck = write_deck(site, {"title": "W", "slides": slides})
    for n in range(files):  # 10 % beside the deck, the rest in 90 folders
        folder = site if n < files // 10 else site / "other" / f"f{n % 90}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"file{n}.dat").write_bytes(b"x")
    installation = Installation(Config(deck="deck.yaml"), None)
    reloader = Reloader(installation, deck, now=0.0, refs={f"images/p{n}.png"
                                                           for n in range(5)})
    ours, base = [], []
    for n in range(rounds):
        started = time.perf_counter()
        reloader.poll(float(n + 1))  # one scan a second
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        old_scan([site])
        base.append(time.perf_counter() - started)
    watched = len(signature(reloader._paths()))
    return {"files": files, "rounds": rounds, "paths_watched": watched,
            "scan_median_ms": statistics.median(ours) * 1e3,
            "scan_p99_ms": percentile(ours, 0.99) * 1e3,
            "baseline_old_scan_median_ms": statistics.median(base) * 1e3,
            "baseline_old_scan_p99_ms": percentile(base, 0.99) * 1e3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slides", type=int, default=2000)
    parser.add_argument("--presses", type=int, default=100)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--overview-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--baseline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    offscreen_screen()
    if args.overview_child:
        overview_child(args.overview_child, args.baseline)
        return
    result = {"overview": overview(args.slides, args.runs),
              "network": network_latency(args.presses),
              "watcher": watcher(args.files, 60),
              "machine": f"{platform.machine()}, python {platform.python_version()}"}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    o, k, w = result["overview"], result["network"], result["watcher"]
    print(f"1. overview of {o['slides']} slides, {o['runs']} runs (child processes)")
    print(f"   key O to overview painted  median {o['open_median_ms']:7.1f} ms   "
          f"p99 {o['open_p99_ms']:7.1f} ms   page of pictures made after "
          f"{o['page_filled_median_ms']:.0f} ms   memory +{o['added_mb']:.1f} MB")
    print(f"   baseline: every slide's picture on opening  {o['baseline_all_pictures_ms']:8.0f} "
          f"ms   memory +{o['baseline_added_mb']:.1f} MB")
    print(f"2. key to frame while the heaviest network is built, {k['presses']} presses")
    print(f"   key while building  median {k['key_while_building_median_ms']:6.1f} ms   "
          f"p99 {k['key_while_building_p99_ms']:6.1f} ms   (the build alone: median "
          f"{k['build_median_ms']:.1f} ms, p99 {k['build_p99_ms']:.1f} ms)")
    print(f"   baseline: key, nothing building  median {k['baseline_key_idle_median_ms']:6.1f}"
          f" ms   p99 {k['baseline_key_idle_p99_ms']:6.1f} ms")
    print(f"3. watcher beside {w['files']} files, {w['rounds']} scans ({w['paths_watched']} "
          f"paths watched)")
    print(f"   per scan (one a second)  median {w['scan_median_ms']:6.2f} ms   "
          f"p99 {w['scan_p99_ms']:6.2f} ms")
    print(f"   baseline: the former scan of the tree  median "
          f"{w['baseline_old_scan_median_ms']:6.1f} ms   p99 "
          f"{w['baseline_old_scan_p99_ms']:6.1f} ms")


if __name__ == "__main__":
    main()
