"""Video on the show's clock: decoded ahead in a worker thread (PyAV), scaled there to the
size the screen shows it, and drawn by the frame the clock has reached.

The frames of every loop lie on one timeline (the second loop's first frame one video's
length after the first loop's), decoded before they are due, so the loop point is just
the next frame: no black, no gap. The show's clock says which frame is due, as it says
where every animation is, so a test or a benchmark drives video with a fake clock.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.deck import videos
from kiosk.show.collector import collect_in_gui_thread
from kiosk.show.guard import guarded
from kiosk.show.photo import crop, fitted
from kiosk.show.pictures import decode

log = logging.getLogger(__name__)

AHEAD = 8
"""Frames decoded before they are due (a quarter of a second at 30 fps)."""
WAIT_LIMIT = 10.0
"""Seconds an export or a test waits at most for the decoder to reach a frame."""
_warned: set[str] = set()

Frame = tuple[float, QImage]
"""When a frame is due (seconds since the video started), and its picture."""


HARDWARE = {"linux": ("vaapi", "cuda", "qsv", "drm"), "win32": ("d3d11va", "cuda", "qsv",
                                                                "dxva2"),
            "darwin": ("videotoolbox",)}
"""Hardware decoders tried, in order, on each system (those FFmpeg was built with)."""
_decoding: dict[str, object] = {"mode": "auto"}
"""How videos are decoded: the config's mode, and once found, the hardware decoder to
use ("device": a device type, or None for software)."""
_decoding_lock = threading.Lock()


def set_decoding(mode: str) -> None:
    """``auto`` (the GPU where it can, else software) or ``software`` (the config's
    ``display.video_decoding``), before the first video plays."""
    with _decoding_lock:
        if _decoding.get("mode") != mode:
            _decoding.clear()
            _decoding["mode"] = mode


def hardware_for(path: Path) -> str | None:
    """The hardware decoder type videos are decoded with (found with the first video,
    by decoding its first frame on each candidate), or None: software. Said once in the
    log."""
    import sys

    import av
    from av.codec.hwaccel import HWAccel, hwdevices_available

    with _decoding_lock:
        if "device" in _decoding:
            return _decoding["device"]  # type: ignore[return-value]
        found, tried = None, []
        if _decoding.get("mode") != "software":
            built = set(hwdevices_available())
            for kind in HARDWARE.get(sys.platform, ()):
                if kind not in built:
                    continue
                tried.append(kind)
                try:
                    with av.open(str(path), hwaccel=HWAccel(
                            kind, allow_software_fallback=False)) as container:
                        stream = container.streams.video[0]
                        next(container.decode(stream))
                        if getattr(stream.codec_context, "is_hwaccel", False):
                            found = kind
                            break
                except Exception:  # (no such device here: the next, or software)
                    continue
        _decoding["device"] = found
    if found is not None:
        log.info("videos are decoded on the GPU (%s)", found)
    elif _decoding.get("mode") == "software":
        log.info("videos are decoded in software (display.video_decoding: software)")
    else:
        log.info("videos are decoded in software: no hardware decoder here%s",
                 f" (tried {', '.join(tried)})" if tried else "")
    return found


def _image(frame: object, size: QSize) -> QImage:
    """A decoded frame scaled to ``size``, as a picture Qt draws without converting it."""
    import numpy  # (with the first video: the default show does without it)

    out = frame.reformat(width=size.width(), height=size.height(),  # type: ignore[attr-defined]
                         format="bgra")
    pixels = numpy.ascontiguousarray(out.to_ndarray())  # (rows may be padded)
    image = QImage(pixels.data, size.width(), size.height(), pixels.strides[0],
                   QImage.Format.Format_RGB32)
    return image.copy()  # (its own pixels: the array goes when this returns)


class FrameSource:
    """Frames of one video, decoded ahead of the clock in a worker thread, looping."""

    def __init__(self, path: Path, size: QSize, *, loop: bool = True) -> None:
        self.path, self.size, self.loop = path, size, loop
        self._frames: collections.deque[Frame] = collections.deque()
        self._ready = threading.Condition()
        self._stopped = False
        self.ended = False
        """The video ended and does not loop (or could not be decoded further)."""
        self.problem: str | None = None
        self.decoded = 0
        self._thread = threading.Thread(target=self._run, name=f"video {path.name}",
                                        daemon=True)
        collect_in_gui_thread()  # (the thread runs Python)
        self._thread.start()

    def _run(self) -> None:
        import av

        try:
            device = hardware_for(self.path)
            accel = None
            if device is not None:
                from av.codec.hwaccel import HWAccel

                accel = HWAccel(device, allow_software_fallback=True)
            with av.open(str(self.path), hwaccel=accel) as container:
                stream = container.streams.video[0]
                if accel is None:
                    stream.thread_type = "AUTO"  # (FFmpeg's own threads for the decoding)
                info = videos.probe(self.path)
                length = info.duration if isinstance(info, videos.VideoInfo) else 0.0
                offset, first = 0.0, None
                while not self._stopped:
                    for frame in container.decode(stream):
                        if frame.time is None:
                            continue
                        first = frame.time if first is None else first
                        if not self._put(offset + frame.time - first, _image(frame, self.size)):
                            return
                    if not self.loop or length <= 0:
                        break
                    offset += length  # the next loop's frames, on from the last one's end
                    container.seek(0)
        except Exception as error:  # (a file cut short or replaced while it plays)
            self.problem = str(error)
            if str(self.path) not in _warned:  # (once: it is tried again at each loop)
                _warned.add(str(self.path))
                log.warning("video %s stopped playing (%s): its last frame stays until the "
                            "slide is shown again", self.path, error)
        with self._ready:
            self.ended = True
            self._ready.notify_all()

    def _put(self, due: float, image: QImage) -> bool:
        """Queue a frame, waiting while AHEAD are waiting; False once stopped."""
        with self._ready:
            while len(self._frames) >= AHEAD and not self._stopped:
                self._ready.wait()
            if self._stopped:
                return False
            self._frames.append((due, image))
            self.decoded += 1
            self._ready.notify_all()
            return True

    def frame_at(self, at: float, *, wait: bool = False) -> Frame | None:
        """The last frame due at ``at`` seconds (None: none is due yet), those before it
        let go of; with ``wait``, once the decoder has reached ``at`` (an export, a test:
        the show itself never waits for a frame, it draws the one it has)."""
        with self._ready:
            found = self._take(at)
            give_up = time.monotonic() + WAIT_LIMIT
            while wait and not self.ended and not any(due > at for due, _ in self._frames):
                if not self._ready.wait(max(0.0, give_up - time.monotonic())):
                    break  # (a decoder that never gets there: what it has)
                found = self._take(at) or found
            return self._take(at) or found

    def _take(self, at: float) -> Frame | None:
        found = None
        while self._frames and self._frames[0][0] <= at:
            found = self._frames.popleft()
        if found is not None:
            self._ready.notify_all()
        return found

    def stop(self) -> None:
        """Stop decoding (the slide left the screen); the thread ends on its own."""
        with self._ready:
            self._stopped = True
            self._frames.clear()
            self._ready.notify_all()


POSTER_CUT = 1.5
"""A poster up to this much wider or narrower than its film fills the film's frame, cut
about its focus (a 3:2 photo for a 16:9 film stood in a box of another grey, the
loudspeaker on its edge, trial 21); one further off is shown whole in it."""


def poster(path: Path | None, rect: QRectF) -> QImage | None:
    """A video's poster picture decoded to fit ``rect`` (None: none, or not drawable)."""
    if path is None:
        return None
    found = decode(path, QSize(max(1, round(rect.width())), max(1, round(rect.height()))))
    return found if isinstance(found, QImage) else None


def first_frame(path: Path, size: QSize) -> QImage | None:
    """The video's first frame at ``size``, decoded here and now (a poster)."""
    import av

    try:
        with av.open(str(path)) as container:
            for frame in container.decode(container.streams.video[0]):
                return _image(frame, size)
    except Exception as error:
        log.warning("video %s: no first frame (%s)", path, error)
    return None


class VideoItem(QGraphicsItem):
    """A video covering ``rect`` (``fill``, cropped around ``focus``) or whole inside it
    (``fit``), playing on the show's clock from ``start`` to ``stop``."""

    def __init__(self, path: Path | None, rect: QRectF, *, fill: bool,
                 focus: tuple[float, float] = (0.5, 0.5), poster: QImage | None = None,
                 background: QColor | None = None, loop: bool = True,
                 name: str | None = None, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.path, self.rect, self.fill, self.focus, self.loop = path, rect, fill, focus, loop
        info = videos.probe(path) if path is not None else "is missing"
        self.info = info if isinstance(info, videos.VideoInfo) else None
        self.problem = info if isinstance(info, str) else None
        said = str(path) if path is not None else f"'{name}'"  # (the deck's name for it)
        if self.problem is not None and said not in _warned:
            _warned.add(said)
            log.warning("video %s %s: showing a placeholder", said, self.problem)
        self.natural = QSize(self.info.width, self.info.height) if self.info else QSize()
        self.background = background or QColor("#000000")
        self.screen_scale = 1.0
        """Screen pixels a design pixel (the stage's scale, told when it gets the slide
        ready): frames are decoded at the size they are shown."""
        self.poster = poster
        self.image: QImage | None = poster
        self.source: FrameSource | None = None
        self.started: float | None = None
        self.shown_frames = 0

    def target(self) -> QRectF:
        """Where the video is drawn: all of ``rect``, or its fitted part."""
        if self.fill or self.natural.isEmpty():
            return self.rect
        return fitted(self.natural, self.rect)

    def decode_size(self) -> QSize:
        """The size frames are decoded at: what they cover on the screen."""
        target = self.target()
        w, h = target.width() * self.screen_scale, target.height() * self.screen_scale
        if self.fill and not self.natural.isEmpty():
            ratio = max(w / self.natural.width(), h / self.natural.height())
            w, h = self.natural.width() * ratio, self.natural.height() * ratio
        return QSize(max(2, round(w / 2) * 2), max(2, round(h / 2) * 2))

    def show_poster(self) -> None:
        """The poster (or the first frame) drawn, still: an export, reduced motion."""
        if self.image is None and self.path is not None and self.info is not None:
            self.poster = self.image = first_frame(self.path, self.decode_size())
            self.update()

    def start(self, now: float) -> None:
        """The slide came on screen: play from the start at ``now``."""
        self.stop()
        if self.path is None or self.info is None:
            return
        self.started = now
        self.source = FrameSource(self.path, self.decode_size(), loop=self.loop)

    def step(self, now: float, *, wait: bool = False) -> bool:
        """Show the frame due at ``now``; whether the video still plays."""
        if self.source is None or self.started is None:
            return False
        found = self.source.frame_at(now - self.started, wait=wait)
        if found is not None:
            self.image = found[1]
            self.shown_frames += 1
            self.update()
        return not self.source.ended or bool(found)

    def position(self, now: float) -> float:
        """Seconds into the file at ``now`` (round again after each loop)."""
        if self.started is None or self.info is None:
            return 0.0
        elapsed = max(0.0, now - self.started)
        return elapsed % self.info.duration if self.loop else min(elapsed,
                                                                  self.info.duration)

    def stop(self) -> None:
        """Off the screen: stop decoding; the poster stays for the next time."""
        if self.source is not None:
            self.source.stop()
            self.source = None
        self.started = None
        self.image = self.poster

    def warm(self, painter: QPainter) -> None:
        """The stage gets the slide ready at the screen's scale."""
        self.screen_scale = painter.transform().m11()

    def boundingRect(self) -> QRectF:
        return self.rect

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        if self.image is None:  # (opening, or not to be had: a quiet fill, not a hole)
            painter.fillRect(self.target(), self.background)
            return
        target = self.target()
        shape = self.image.width() * target.height() / max(1.0, self.image.height()
                                                           * target.width())
        near = 1 / POSTER_CUT <= shape <= POSTER_CUT
        source = crop(self.image.size(), (target.width(), target.height()), self.focus) \
            if self.fill or near else QRectF(self.image.rect())
        if not near:  # (a poster of a shape far from the film's: whole inside its frame,
            painter.fillRect(target, self.background)  # never stretched nor cut to a
            target = fitted(self.image.size(), target)  # sliver)
        painter.drawImage(target, self.image, source)
