"""Photographs drawn large: decoded off the GUI thread, once, at the size the screen shows
them, and kept within a memory cap; cropped around a focal point; pushed in slowly on
the show's clock.

A picture is asked for at the size its item covers on the screen (``PictureItem.want``:
when the stage gets a slide ready, and for an export at the export's size). The decode
runs in a worker thread; until it arrives the item draws a quiet fill, then the picture.
Decoded pictures are kept, least recently used first out, while they fit the cap: a
gallery swiped back and forth, or a loop coming round, draws them again at once.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import logging
import weakref
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPointF,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageReader, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kiosk.deck import pictures
from kiosk.show.collector import collect_due, collect_in_gui_thread
from kiosk.show.guard import guarded
from kiosk.show.items import descendants
from kiosk.show.pictures import decode

log = logging.getLogger(__name__)

MEMORY_CAP_MB = 512
"""Decoded pictures kept for drawing again, at most (a 4K screen's picture is 32 MB)."""
SHARPER = 1.05
"""A picture is decoded again, sharper, when the screen shows it this much larger."""

Key = tuple[str, int, int, int, int, int, int]
"""A decoded picture: its file (path, modification time, size) and the size decoded at."""


def _key(path: Path, size: QSize, page: int) -> Key | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino, size.width(),
            size.height(), page)


class _Job(QRunnable):
    """One decode, in a worker thread."""

    def __init__(self, decoder: Decoder, key: Key, path: Path, size: QSize,
                 page: int | None) -> None:
        super().__init__()
        self.decoder, self.key, self.path, self.size, self.page = decoder, key, path, size, page

    def run(self) -> None:
        ground: Ground = None
        try:
            result: QImage | str = decode(self.path, self.size) if self.page is None \
                else render_page(self.path, self.page, self.size)
            if isinstance(result, QImage):  # drawn as it is: no conversion per frame
                result = result.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied
                                                if result.hasAlphaChannel()
                                                else QImage.Format.Format_RGB32)
                ground = read_ground(result)  # (here, not in the thread that draws)
        except Exception as error:  # (a decoder's fault is a picture not drawn)
            result = f"cannot be decoded ({error})"
        with contextlib.suppress(RuntimeError):  # (the show ended while it decoded)
            self.decoder.decoded.emit(self.key, result, ground)


@dataclasses.dataclass
class _Pending:
    waiting: list[weakref.ref[PictureItem]] = dataclasses.field(default_factory=list)


class Decoder(QObject):
    """Decodes pictures in one worker thread (the other core draws the show) and keeps
    them under ``cap_mb``."""

    decoded = Signal(object, object, object)
    """(key, QImage or why not, its ground): emitted in the worker, received in the GUI
    thread."""

    def __init__(self, cap_mb: float = MEMORY_CAP_MB) -> None:
        super().__init__()
        self.cap = int(cap_mb * 1024 * 1024)
        self._kept: collections.OrderedDict[Key, QImage] = collections.OrderedDict()
        self._failed: dict[Key, str] = {}
        self._grounds: dict[int, Ground] = {}
        """Each kept picture's plain ground and its object's extent (by its cacheKey)."""
        self._pending: dict[Key, _Pending] = {}
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self.decoded.connect(self._arrived)
        collect_in_gui_thread()  # (its worker runs Python)

    @property
    def kept_bytes(self) -> int:
        """What the decoded pictures kept take, in bytes."""
        return sum(image.sizeInBytes() for image in self._kept.values())

    def ask(self, item: PictureItem, path: Path, size: QSize,
            page: int | None = None) -> QImage | str | None:
        """The picture at ``path`` decoded to fit ``size``, if it is at hand (or why it
        cannot be); else None, and ``item`` is given it when it arrives."""
        key = _key(path, size, -1 if page is None else page)
        if key is None:
            return "is missing"
        if key in self._kept:
            self._kept.move_to_end(key)
            return self._kept[key]
        if key in self._failed:
            return self._failed[key]
        pending = self._pending.get(key)
        if pending is None:
            pending = self._pending[key] = _Pending()
            self._pool.start(_Job(self, key, path, size, page))
        pending.waiting.append(weakref.ref(item))
        return None

    def ground(self, image: QImage) -> Ground:
        """The plain ground of a picture it decoded and its object's extent, as read in
        the worker (read now for a picture it did not decode)."""
        key = image.cacheKey()
        if key not in self._grounds:
            return read_ground(image)
        return self._grounds[key]

    def _arrived(self, key: Key, result: QImage | str, ground: Ground) -> None:
        pending = self._pending.pop(key, _Pending())
        if isinstance(result, QImage):
            self._kept[key] = result
            self._grounds[result.cacheKey()] = ground
            self._trim()
        else:
            self._failed[key] = result
        for ref in pending.waiting:
            item = ref()
            if item is not None and shiboken6.isValid(item):  # (not gone with its slide)
                item.receive(result)

    def _trim(self) -> None:
        total = self.kept_bytes
        while total > self.cap and len(self._kept) > 1:
            _, image = self._kept.popitem(last=False)
            self._grounds.pop(image.cacheKey(), None)
            total -= image.sizeInBytes()

    def settle(self) -> None:
        """Wait for the decodes asked for and hand them out (an export, a test)."""
        while self._pending:
            self._pool.waitForDone()
            QCoreApplication.processEvents()
            collect_due()

    def forget(self) -> None:
        """Let go of every decoded picture (a new deck: the files may have changed)."""
        self._kept.clear()
        self._failed.clear()
        self._grounds.clear()


_decoder: Decoder | None = None


def decoder() -> Decoder:
    """The show's picture decoder."""
    global _decoder
    if _decoder is None:
        _decoder = Decoder()
    return _decoder


def render_page(path: Path, page: int, size: QSize) -> QImage | str:
    """Page ``page`` (0 the first) of the PDF at ``path``, drawn whole to fit ``size``
    (sharp: drawn at that size, not scaled from a smaller picture)."""
    from kiosk.deck.documents import opened

    with opened(path) as document:
        if isinstance(document, str):
            return document
        if not 0 <= page < len(document):
            return f"has no page {page + 1}"
        sheet = document[page]
        width, height = sheet.get_size()
        scale = min(size.width() / width, size.height() / height)
        bitmap = sheet.render(scale=scale, prefer_bgrx=True)
        pixels = bitmap.to_numpy()
        return QImage(pixels.data, bitmap.width, bitmap.height, bitmap.stride,
                      QImage.Format.Format_RGB32).copy()


def crop(image: QSize, target: QSize | tuple[float, float], focus: tuple[float, float],
         zoom: float = 1.0) -> QRectF:
    """The part of a picture of ``image``'s size that covers ``target`` (same shape),
    ``zoom`` times closer, centred on ``focus`` as far as the picture's edges let it."""
    tw, th = (target.width(), target.height()) if isinstance(target, QSize) else target
    iw, ih = float(image.width()), float(image.height())
    scale = max(tw / iw, th / ih) * zoom
    w, h = min(iw, tw / scale), min(ih, th / scale)
    x = min(max(focus[0] * iw - w / 2, 0.0), iw - w)
    y = min(max(focus[1] * ih - h / 2, 0.0), ih - h)
    return QRectF(x, y, w, h)


STUDIO_LIGHT = 0.75
"""A picture whose edges are all at least this luminant, and within STUDIO_EVEN of each
other, is an object on a plain light ground (a studio shot)."""
STUDIO_EVEN = 0.035
"""(A sky lighter at the top than at the foot, 0.045 apart, is not one: shown whole on
one flat colour it stood with seams at its edges, trial 17.)"""


def studio_ground(image: QImage) -> QColor | None:
    """The plain light ground an object was photographed on, read from the picture's
    edges (a strip of 3 % all round), or None when its edges are not one light colour."""
    width, height = image.width(), image.height()
    if width < 8 or height < 8:
        return None
    inset_x, inset_y = max(1, round(width * 0.015)), max(1, round(height * 0.015))
    points = [(round((width - 1) * n / 39), y) for n in range(40)
              for y in (inset_y, height - 1 - inset_y)]
    points += [(x, round((height - 1) * n / 39)) for n in range(40)
               for x in (inset_x, width - 1 - inset_x)]
    colours = [QColor(image.pixel(x, y)) for x, y in points]
    lights = [0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF() for c in colours]
    if min(lights) < STUDIO_LIGHT or max(lights) - min(lights) > STUDIO_EVEN:
        return None
    count = len(colours)
    return QColor(round(sum(c.red() for c in colours) / count),
                  round(sum(c.green() for c in colours) / count),
                  round(sum(c.blue() for c in colours) / count))


OBJECT_READ = 96
"""The side of the small copy an object's extent on its ground is read from."""
OBJECT_APART = 36
"""How far (in summed 0-255 channels) a pixel is from the ground to be of the object."""


def object_extent(image: QImage, ground: QColor) -> QRectF:
    """Where the object of a studio shot is, as shares of the picture (0 to 1): the
    extent of what differs from its ``ground``, read from a small copy (the whole
    picture where nothing does)."""
    small = image.scaled(OBJECT_READ, OBJECT_READ, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    width, height = small.width(), small.height()
    g = (ground.red(), ground.green(), ground.blue())
    xs, ys = [], []
    for y in range(height):
        for x in range(width):
            c = QColor(small.pixel(x, y))
            if abs(c.red() - g[0]) + abs(c.green() - g[1]) + abs(c.blue() - g[2]) > OBJECT_APART:
                xs.append(x)
                ys.append(y)
    if not xs or width < 2 or height < 2:
        return QRectF(0, 0, 1, 1)
    return QRectF(QPointF(min(xs) / width, min(ys) / height),
                  QPointF((max(xs) + 1) / width, (max(ys) + 1) / height))


Ground = tuple[QColor, QRectF] | None
"""A studio shot's plain ground and its object's extent (None: not a studio shot)."""


def read_ground(image: QImage) -> Ground:
    """A picture's plain light ground and its object's extent on it, or None."""
    ground = studio_ground(image)
    return (ground, object_extent(image, ground)) if ground is not None else None


ON_GROUND_LARGEST = 1.0
"""An object on its ground may be drawn up to its picture's own size (a design pixel a
pixel), though that cuts into the ground beyond the screen."""


FIRST_ROOM = 1.25
"""A studio shot stands in the first of its rooms unless another holds its object this
much larger."""


def on_ground(natural: QSize, extent: QRectF, rooms: list[QRectF], rect: QRectF) -> QRectF:
    """Where a studio shot is drawn so that its object (``extent``, shares of it) is
    as large as the best of ``rooms`` allows and in its middle, the picture no larger
    than fitted whole in ``rect`` or than ON_GROUND_LARGEST of its own pixels, whichever
    is larger (its ground around it is the ground's colour: a vial in the middle of a
    photo fitted to a totem's width filled a quarter of its height, trial 24)."""
    whole = max(fitted(natural, rect).width() / natural.width(), ON_GROUND_LARGEST)

    def scale(room: QRectF) -> float:
        return min(whole, room.width() / max(1e-9, extent.width() * natural.width()),
                   room.height() / max(1e-9, extent.height() * natural.height()))

    room = max(rooms, key=scale)
    if scale(rooms[0]) * FIRST_ROOM >= scale(room):  # (the first, across the screen in
        room = rooms[0]  # the middle, unless another holds it much larger: a vase at
    # the right edge beside a long title, 60 % of the wall empty, trial 34)
    width, height = natural.width() * scale(room), natural.height() * scale(room)
    left = room.center().x() - extent.center().x() * width
    top = room.center().y() - extent.center().y() * height
    return QRectF(left, top, width, height)


def fitted(image: QSize, rect: QRectF) -> QRectF:
    """Where a picture of ``image``'s size is drawn whole inside ``rect``, centred."""
    size = QSize(image).scaled(QSize(max(1, round(rect.width())), max(1, round(rect.height()))),
                               Qt.AspectRatioMode.KeepAspectRatio)
    return QRectF(rect.left() + (rect.width() - size.width()) / 2,
                  rect.top() + (rect.height() - size.height()) / 2, size.width(), size.height())


KEPT = 0.6
"""A picture filling the screen keeps at least this share of itself; one of another
shape (upright or square on a landscape screen, trial 15's pipe cut by 44 %; a 16:9 video
on a totem) is shown whole instead."""


def fills_screen(natural: QSize, width: float, height: float) -> bool:
    """Whether a picture of ``natural`` size fills a ``width`` x ``height`` screen (its
    crop keeps KEPT of it or more) rather than being shown whole on it."""
    if not natural.isValid() or natural.width() <= 0 or natural.height() <= 0:
        return True
    picture, screen = natural.width() / natural.height(), width / height
    return min(picture, screen) / max(picture, screen) >= KEPT


def natural_size(path: Path | None) -> QSize:
    """A picture's size as shown (a photo taken upright, upright), from its header; an
    invalid size when it cannot be read."""
    if path is None:
        return QSize()
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)
    size = reader.size()
    if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
        size = size.transposed()
    return size


def on_plain_ground(path: Path | None) -> bool:
    """Whether a picture is an object on a plain light ground (``studio_ground``), read
    from a small copy of it: one that would be shown whole rather than fill the screen
    fills it with its ground instead (a skull on white on a totem: a white box on dark)."""
    if path is None:
        return False
    try:
        stat = path.stat()
    except OSError:
        return False
    if pictures.problem(path) is not None:  # (cut off, still being copied: not read
        return False  # here, which would warn; the picture says why, once)
    return _on_plain_ground(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _on_plain_ground(path: str, _mtime: int, _size: int) -> bool:
    reader = QImageReader(path)
    reader.setDecideFormatFromContent(True)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.width() > 0:
        reader.setScaledSize(QSize(96, max(1, round(96 * size.height() / size.width()))))
    image = reader.read()
    return not image.isNull() and studio_ground(image) is not None


def prepare(root: QGraphicsItem, scale: float) -> None:
    """Every picture under ``root`` decoded for the screen's ``scale``, now (an export)."""
    for item in (root, *descendants(root)):
        if isinstance(item, PictureItem):
            item.want(scale)
    decoder().settle()


class PictureItem(QGraphicsItem):
    """A photograph covering ``rect`` (``fill``, cropped around ``focus``) or whole inside
    it (``fit``), ``zoom`` times closer at progress 1 (``set_progress``)."""

    def __init__(self, path: Path | None, rect: QRectF, *, fill: bool,
                 focus: tuple[float, float] = (0.5, 0.5), zoom: float = 1.0,
                 natural: QSize | None = None, background: QColor | None = None,
                 page: int | None = None, whole_on_ground: bool = False,
                 parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.whole_on_ground = whole_on_ground
        """Filling: shown whole instead, on its own ground, where it turns out to be an
        object on a plain light ground (a vase photographed on white: cropped to fill,
        it lost its neck and foot)."""
        self.ground: QColor | None = None
        """That ground, where it is shown so (it fills ``rect`` around the picture)."""
        self.rooms: list[QRectF] = []
        """Where its object may stand when shown whole on its ground, clear of the words
        over it (a model on white, fitted to the wall, had its caption across its plinth):
        the one where it is largest."""
        self.extent = QRectF(0, 0, 1, 1)
        """Where that object is in the picture (shares of it), read when decoded."""
        """The page drawn, of a PDF (0 the first); None: a picture."""
        self.on_image: Callable[[QImage], None] | None = None
        """Told of each decoded picture as it arrives (the shades over it adapt)."""
        self.path, self.rect, self.fill, self.focus, self.zoom = path, rect, fill, focus, zoom
        self.natural = natural or QSize()
        """The picture's own size (its shape decides where a fitted one goes)."""
        self.background = background or QColor("#000000")
        self.image: QImage | None = None
        self.problem: str | None = None if path is not None else "is missing"
        self.progress = 0.0
        self._asked = QSize()
        self.drawn_scale: float | None = None
        """The screen's scale it was last drawn at (a gallery asks its neighbours so)."""
        self.on_drawn: Callable[[float], None] | None = None
        """Told the screen's scale when it is first drawn at it."""
        self.pan = False
        """Filling: travels from its left edge to its right over its progress instead of
        pushing in (a panorama far wider than the screen)."""
        self.still = False
        """Panning, but with reduced motion (and in exports): held around its focus,
        the part its author chose, not at its right edge."""
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, False)

    def target(self) -> QRectF:
        """Where the picture is drawn: all of ``rect``, or its fitted part."""
        if self.fill or not self.natural.isValid() or self.natural.isEmpty():
            return self.rect
        if self.ground is not None and self.rooms:
            return on_ground(self.natural, self.extent, self.rooms, self.rect)
        return fitted(self.natural, self.rect)

    def want(self, scale: float) -> None:
        """Ask for the picture at the size it covers at the screen's ``scale`` (closer
        by its zoom); nothing new if what it has, or has asked for, is sharp enough."""
        if self.path is None:
            return
        target = self.target()
        needed = QSize(max(1, round(target.width() * scale * self.zoom)),
                       max(1, round(target.height() * scale * self.zoom)))
        if self.fill and self.natural.isValid() and not self.natural.isEmpty():
            # covering the rect: the picture's shorter side (relative to the rect) sets it
            ratio = max(needed.width() / self.natural.width(),
                        needed.height() / self.natural.height())
            needed = QSize(max(1, round(self.natural.width() * ratio)),
                           max(1, round(self.natural.height() * ratio)))
        if self._asked.isValid() and needed.width() <= self._asked.width() * SHARPER and \
                needed.height() <= self._asked.height() * SHARPER:
            return
        if self._asked.isValid():  # (looked at closer: twice as sharp at least, so that a
            needed = needed.expandedTo(self._asked * 2)  # pinch asks a few times, not 50)
        if self.page is None and self.natural.isValid() and not self.natural.isEmpty() \
                and needed.width() > self.natural.width():  # (no sharper than the file)
            needed = self.natural
            if self._asked == needed:
                return
        self._asked = needed
        result = decoder().ask(self, self.path, needed, self.page)
        if result is not None:
            self.receive(result)

    def receive(self, result: QImage | str) -> None:
        """A decode arrived: draw it (or the quiet fill, when it cannot be drawn)."""
        if isinstance(result, str):
            self.problem = result
            log.warning("picture %s %s: showing a placeholder", self.path, result)
        else:
            self.image = result
            self.problem = None
            read = decoder().ground(result) if self.whole_on_ground and self.fill else None
            if read is not None:  # (whole, on its ground: asked for at that size)
                self.fill, self._asked = False, QSize()
                self.ground, self.extent = read
            if self.on_image is not None:
                self.on_image(result)
        self.update()

    def warm(self, painter: QPainter) -> None:
        """The stage gets the slide ready at the screen's scale: ask for it at that size."""
        self.want(painter.transform().m11())

    def release(self) -> None:
        """Off the screen: let go of it (the decoder keeps it while there is room, and
        it is asked for again when next drawn)."""
        self.image = None
        self._asked = QSize()

    def set_progress(self, progress: float) -> None:
        """How far the push in has come (0 to 1)."""
        if progress != self.progress:
            self.progress = progress
            self.update()

    def boundingRect(self) -> QRectF:
        return self.rect

    def source(self) -> QRectF:
        """The part of the decoded picture drawn now."""
        assert self.image is not None
        zoom = 1.0 + (self.zoom - 1.0) * self.progress
        if self.fill:
            focus = (self.progress, self.focus[1]) if self.pan and not self.still \
                else self.focus
            return crop(self.image.size(), (self.rect.width(), self.rect.height()),
                        focus, zoom)
        full = QRectF(0, 0, self.image.width(), self.image.height())
        w, h = full.width() / zoom, full.height() / zoom
        x = min(max(self.focus[0] * full.width() - w / 2, 0.0), full.width() - w)
        y = min(max(self.focus[1] * full.height() - h / 2, 0.0), full.height() - h)
        return QRectF(x, y, w, h)

    @guarded
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem | None,
              widget: QWidget | None = None) -> None:
        scale = painter.worldTransform().m11()
        if self.transform().isIdentity() and scale != self.drawn_scale:
            self.drawn_scale = scale
            if self.on_drawn is not None:
                self.on_drawn(scale)
        if self.problem is None:  # (asked for again after a release; sharper when the
            self.want(scale)      # screen shows it larger than it was decoded)
        if self.image is None:
            if self.fill or self.problem is not None:  # (decoding, or not to be had:
                painter.fillRect(self.target(), self.background)  # a quiet fill, not a hole)
            return
        painter.save()
        if self.ground is not None:
            painter.fillRect(self.rect, self.ground)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(self.target(), self.image, self.source())
        painter.restore()

