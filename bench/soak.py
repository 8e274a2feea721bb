"""Soak: 10,000 slide changes of a running show, with visitors and live updates.

    python bench/soak.py [--changes 10000] [--warmup 2000] [--no-media] [--json]

Offscreen at 1920x1080 with a fake clock: the default deck with a video slide (a 1080p
H.264 clip made here) and a gallery of eight 12-megapixel photos (made here) added; the
attract loop, random touches, swipes and key presses, pinches on the gallery, language
switches, idle returns, and 20 live content updates (5 of them
broken: bad YAML, a missing picture, a deck cut off half-way, an unknown slide type, a
non-UTF-8 file). Each change is animated in a few steps and painted. Prints resident
memory and the number of live Qt objects, scene items and slide views at the start
(after a warm-up of 4,000 changes of the same mix, which fills Qt's bounded pixmap and
glyph caches) and at the end, the memory along the way, and whether the show ever stood
on a broken deck.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import shutil
import tempfile
from pathlib import Path

from _qt import offscreen_screen

ROOT = Path(__file__).resolve().parent.parent
BROKEN = [
    "title: T\nslides:\n  - type: title\n    title: [\n",
    "title: T\nslides:\n  - type: story\n    headline: H\n"
    "    visual: {kind: image, src: images/none.png}\n",
    None,  # the real deck cut off half-way
    "title: T\nslides:\n  - type: nonsense\n",
    "title: 南京\nslides:\n  - type: title\n    title: 南京\n".encode("gbk"),
]


MEDIA_SLIDES = """
  - type: video
    id: soak-video
    src: media/clip.mp4
    title: {zh: 长江, en: The Yangtze}
    duration: 8
  - type: gallery
    id: soak-gallery
    title: {zh: 老城门, en: The old city gates}
    photos:
"""


def make_media(folder: Path) -> str:
    """A clip and eight photos in ``folder``/media: the deck's lines that show them."""
    import av
    import numpy as np
    from PySide6.QtGui import QImage

    media = folder / "media"
    media.mkdir()
    with av.open(str(media / "clip.mp4"), "w") as container:
        stream = container.add_stream("libx264", rate=30)
        stream.width, stream.height, stream.pix_fmt = 1920, 1080, "yuv420p"
        stream.options = {"preset": "ultrafast", "crf": "28"}
        base = np.linspace(30, 220, 1920, dtype=np.float32)[None, :, None]
        for n in range(150):
            pixels = np.clip(base + (n * 3) % 60, 0, 255).astype(np.uint8).repeat(
                1080, 0).repeat(3, 2)
            for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    lines = [MEDIA_SLIDES]
    rng = np.random.default_rng(5)
    for n in range(8):
        pixels = np.empty((3000, 4000, 4), dtype=np.uint8)
        pixels[...] = (40 + 25 * n, 90, 200 - 20 * n, 255)
        pixels[::7, ::5, :3] = rng.integers(0, 255, (1, 1, 3), dtype=np.uint8)
        image = QImage(pixels.data, 4000, 3000, 16000, QImage.Format.Format_RGB32)
        image.save(str(media / f"photo-{n}.jpg"), "JPEG", 85)
        lines.append(f"      - src: media/photo-{n}.jpg\n"
                     f"        caption: {{zh: 第{n + 1}张, en: Photo {n + 1}}}\n")
    return "".join(lines)


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 1e6


def census(app, player) -> dict[str, int]:
    """Counts taken on the home slide in the default language, after everything settled."""
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QGraphicsItem

    from kiosk.app.supervise import release_memory
    from kiosk.play.commands import Action, Command
    from kiosk.show.slides.base import SlideView

    player.command(Command(Action.HOME), "idle")
    for _ in range(20):
        if not player.stage.animating:
            break
        player.clock.advance(0.5)
        player.stage.tick()
    gc.collect()
    release_memory()  # as the show does every 10 minutes
    return {
        "slide_views_alive": sum(isinstance(o, SlideView) for o in gc.get_objects()),
        "qobjects": len(app.findChildren(QObject)) + len(player.findChildren(QObject))
        + len(player.stage.findChildren(QObject)),
        "scene_items": len(player.stage.scene().items()),
        "python_graphics_items": sum(isinstance(o, QGraphicsItem) for o in gc.get_objects()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--warmup", type=int, default=4_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-media", action="store_true",
                        help="the default deck alone, without the video and the gallery")
    args = parser.parse_args()
    offscreen_screen()
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from kiosk.app.player import Player
    from kiosk.app.supervise import release_memory
    from kiosk.config import load_config
    from kiosk.deck.load import load_deck
    from kiosk.play.clock import FakeClock
    from kiosk.play.commands import Action, Command, Zoom

    app = QApplication([])
    site = Path(tempfile.mkdtemp())
    deck_text = original = (ROOT / "slides" / "nanjing.yaml").read_text("utf-8")
    if not args.no_media:
        deck_text = deck_text.rstrip("\n") + "\n" + make_media(site)
    (site / "deck.yaml").write_text(deck_text, "utf-8")
    (site / "config.yaml").write_text(f"deck: deck.yaml\nrecord: {{path: {site}/v.sqlite}}\n")
    installation = load_config(site / "config.yaml")
    loaded = load_deck(installation.deck_path, installation.asset_roots)
    good_title = loaded.deck.title.get_text("zh", "zh")
    clock = FakeClock()
    player = Player(loaded, installation.config, clock)
    player.housekeeping.stop()
    player.watch_content(installation, installation.deck_path, banner=False)
    stage = player.stage
    stage.resize(1920, 1080)
    stage.show()
    rng = random.Random(10_000)
    changes = 0
    updates = {"good": 0, "broken": 0, "rejected": 0}
    on_broken = 0

    def settle() -> None:
        for _ in range(4):
            clock.advance(0.15)
            stage.tick()
        stage.viewport().repaint()
        for _ in range(20):  # (a video moves for as long as it is on screen)
            if not stage.animating:
                break
            clock.advance(0.5)
            stage.tick()
        stage.viewport().repaint()
        app.processEvents()

    def press(key: Qt.Key) -> None:
        QApplication.sendEvent(stage, QKeyEvent(QEvent.Type.KeyPress, key,
                                                Qt.KeyboardModifier.NoModifier))

    counter = {"n": 0}
    player.show.slide_changed.connect(lambda *_: counter.__setitem__("n", counter["n"] + 1))
    player.show.step_changed.connect(lambda *_: counter.__setitem__("n", counter["n"] + 1))

    def step() -> None:
        roll = rng.random()
        if roll < 0.6:
            deck = player.show.deck
            clock.advance(deck.slide_duration(deck.slides[stage.index]) + 0.01)
            player.poll()
        elif roll < 0.75:
            press(rng.choice([Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Left]))
        elif roll < 0.85:
            player.command(Command(Action.NEXT if rng.random() < 0.7 else Action.PREVIOUS),
                           "swipe")
        elif roll < 0.9:
            point = QPointF(rng.uniform(0, 1920), rng.uniform(0, 1080))
            player.pointer.tap(point)
            if stage.zoomable:  # a pinch on a photo, and its double tap
                for _ in range(6):
                    player.command(Command(Action.ZOOM, payload=Zoom(
                        1.25, point.x(), point.y(), rng.uniform(-40, 40))), "touch")
                    stage.viewport().repaint()
                app.processEvents()
                player.command(Command(Action.ZOOM, payload=Zoom(reset=True)), "touch")
            player.command(Command(Action.LANGUAGE), "touch")
        else:
            clock.advance((player.config.kiosk.idle_timeout or 90) + 1)
            player.poll()
        settle()

    # Warm-up: the same mix of input for a while, so that Qt's bounded caches (pixmaps,
    # glyphs) are full before the baseline is taken; what grows after that would leak.
    while counter["n"] < args.warmup:
        step()
    counter["n"] = 0
    start = {"rss_mb": rss_mb(), **census(app, player)}
    reload_every = max(1, args.changes // 20)
    next_reload = reload_every
    broken_left = list(range(len(BROKEN)))
    trend: list[tuple[int, float]] = []
    while counter["n"] < args.changes:
        step()
        changes = counter["n"]
        if changes >= next_reload:
            release_memory()  # every 500 changes: about every 2 hours of a real loop
            trend.append((changes, round(rss_mb(), 1)))
            next_reload += reload_every
            number = next_reload // reload_every
            broken = broken_left and number % 4 == 0
            if broken:
                text = BROKEN[broken_left.pop(0)]
                if text is None:
                    text = original[: len(original) // 2]  # (mid-slide: not a deck)
                path = site / "deck.yaml"
                path.write_bytes(text if isinstance(text, bytes) else text.encode())
                updates["broken"] += 1
            else:
                marked = deck_text.replace("第一张“缩影”", f"第一张“缩影”·{number}")
                (site / "deck.yaml").write_text(marked, "utf-8")
                updates["good"] += 1
            for _ in range(6):
                clock.advance(1.0)
                player.poll()
            reloader = player.content.reloader
            if reloader is not None and reloader.last_error and broken:
                updates["rejected"] += 1
        if not player.show.deck.slides or player.show.deck.title.get_text("zh", "zh") != good_title:
            on_broken += 1
    end = {"rss_mb": rss_mb(), **census(app, player)}
    result = {
        "changes": counter["n"], "updates": updates, "frames_on_a_broken_deck": on_broken,
        "start": start, "end": end, "rss_growth_mb": end["rss_mb"] - start["rss_mb"],
        "rss_trend_mb": trend,
        "machine": f"{platform.machine()}, python {platform.python_version()}",
    }
    shutil.rmtree(site, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"soak: {result['changes']} slide changes, {updates['good']} good and "
          f"{updates['broken']} broken updates ({updates['rejected']} rejected)")
    print(f"{'':22} {'start':>10} {'end':>10}")
    for key in ("rss_mb", "qobjects", "scene_items", "slide_views_alive",
                "python_graphics_items"):
        print(f"{key:22} {start[key]:10.1f} {end[key]:10.1f}")
    print("RSS along the way (changes: MB): "
          + ", ".join(f"{n}: {mb:.0f}" for n, mb in trend))
    print(f"RSS growth: {result['rss_growth_mb']:.1f} MB; "
          f"changes on a broken deck: {on_broken}")


if __name__ == "__main__":
    main()
