"""Pictures decoded by Qt, one way for ``kiosk check``, live updates and the stage.

Every picture first passes the byte-level check of ``kiosk.deck.pictures`` (format,
whole file, size, SVG references), then is decoded in full by ``QImageReader`` under
the same memory limit, at the size it is drawn.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSize, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QImage, QImageIOHandler, QImageReader

from kiosk.deck import pictures
from kiosk.deck.errors import Problem
from kiosk.deck.load import LoadedDeck, walk
from kiosk.deck.model import Pictured
from kiosk.deck.reader import Loc

PROBE = QSize(2048, 2048)
"""Live updates decode within this size: every byte is still decoded, in less memory."""
SVG_SIDE = 4096
"""An SVG decoded at its own size is drawn at most this big."""
_verdicts: dict[tuple[str, int, int, int], str | None] = {}
_app: QGuiApplication | None = None


def decode(path: Path, fit: QSize | None = None) -> QImage | str:
    """The picture at ``path``, scaled down to fit ``fit`` (an SVG drawn to fit it), or
    why it cannot be drawn (a predicate: "is cut off ..."). The verdict is remembered
    while the file is unchanged (every byte is decoded at any size)."""
    key = _key(path)
    result = pictures.problem(path) or _read(path, fit)
    if key is not None:
        if len(_verdicts) >= 1024:
            _verdicts.clear()
        _verdicts[key] = result if isinstance(result, str) else None
    return result


def problem(path: Path, fit: QSize | None = PROBE) -> str | None:
    """Why the picture at ``path`` cannot be drawn, decoded to fit ``fit`` (in full when
    None) unless the show has decoded the same file already; None when it draws."""
    key = _key(path)
    if key is not None and key in _verdicts:
        return _verdicts[key]
    _application()
    result = decode(path, fit)
    return result if isinstance(result, str) else None


def named(loaded: LoadedDeck) -> Iterator[tuple[Loc, str, Path]]:
    """Every picture of a deck that was found: where its ``src`` is, the ref, the file."""
    for loc, visual in walk(loaded.deck, Pictured):
        path = loaded.assets.get(visual.src)
        if path is not None:
            yield (*loc, "src"), visual.src, path


def deck_problems(loaded: LoadedDeck, fit: QSize | None = None) -> list[Problem]:
    """Every picture of a valid deck decoded (in full for ``kiosk check``; within
    ``fit`` for a live update), as errors at its ``src``."""
    found: list[Problem] = []
    for loc, ref, path in named(loaded):
        why = problem(path, fit)
        if why is not None:
            found.append(loaded.document.problem(loc, f"picture '{ref}' {why}"))
    return found


def _read(path: Path, fit: QSize | None) -> QImage | str:
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)  # (a PNG named .jpg is drawn as the PNG it is)
    reader.setAllocationLimit(pictures.MAX_DECODED_MB)
    reader.setAutoTransform(True)  # a photo taken upright is shown upright
    target = _target(reader, fit)
    if target is not None:
        reader.setScaledSize(target)
    messages: list[str] = []

    def collect(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        messages.append(message)

    previous = qInstallMessageHandler(collect)  # libjpeg and others complain through Qt
    try:
        with _quiet_stderr():  # ...and libpng straight to stderr: the verdict says it
            image = reader.read()
    finally:
        qInstallMessageHandler(previous)
    damage = [m for m in messages if _damaged(m)]  # libjpeg draws the rest grey
    if image.isNull() or damage:
        detail = (damage[:1] or messages[-1:] or [reader.errorString()])[0]
        return f"cannot be decoded ({detail.strip().rstrip('.')}): it is damaged"
    return image


_PADDING = re.compile(r"(\d+) extraneous bytes before marker 0xd9")


def _damaged(message: str) -> bool:
    """Whether libjpeg's complaint means part of the picture is lost: all do but a few
    bytes of padding before the end marker, which many cameras write."""
    if "Corrupt JPEG data" not in message:
        return False
    padding = _PADDING.search(message)
    return padding is None or int(padding.group(1)) > 8


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Standard error silenced at the file level while a decoder runs."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _key(path: Path) -> tuple[str, int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino


def _target(reader: QImageReader, fit: QSize | None) -> QSize | None:
    """The size to decode at: down to ``fit`` (up, for an SVG); None for its own."""
    natural = reader.size()
    vector = reader.format().data() == b"svg" or reader.fileName().lower().endswith(".svg")
    if not natural.isValid() or natural.isEmpty():
        return None
    if fit is None:
        if not vector or max(natural.width(), natural.height()) <= SVG_SIDE:
            return None
        fit = QSize(SVG_SIDE, SVG_SIDE)
    if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
        fit = fit.transposed()  # the file's pixels are turned once read
    if not vector and natural.width() <= fit.width() and natural.height() <= fit.height():
        return None
    scaled = natural.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio)
    return scaled.expandedTo(QSize(1, 1))


def _application() -> None:
    """Qt draws an SVG's text only with an application: make one, without a screen."""
    global _app
    if QGuiApplication.instance() is None:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # kiosk check needs no screen
        from PySide6.QtWidgets import QApplication

        _app = QApplication(sys.argv[:1])
