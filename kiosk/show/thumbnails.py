"""Pictures of slides in their final state, for the overview: made one at a time when
asked for, kept within a memory cap (the least recently shown go first)."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtGui import QPixmap

MAX_BYTES = 48 * 1024 * 1024
"""About 150 thumbnails of a fifth of 1920x1080: a few pages of the grid, both ways."""

Key = tuple[str, int]  # language, slide


class Thumbnails:
    """A least-recently-used store of slide pictures within ``limit`` bytes."""

    def __init__(self, limit: int = MAX_BYTES) -> None:
        self.limit = limit
        self._pictures: OrderedDict[Key, QPixmap] = OrderedDict()
        self.bytes = 0

    def get(self, key: Key) -> QPixmap | None:
        picture = self._pictures.get(key)
        if picture is not None:
            self._pictures.move_to_end(key)
        return picture

    def put(self, key: Key, picture: QPixmap) -> None:
        old = self._pictures.pop(key, None)
        if old is not None:
            self.bytes -= _size(old)
        self._pictures[key] = picture
        self.bytes += _size(picture)
        while self.bytes > self.limit and len(self._pictures) > 1:
            _, dropped = self._pictures.popitem(last=False)
            self.bytes -= _size(dropped)

    def clear(self) -> None:
        """New content: every picture is out of date."""
        self._pictures.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._pictures)


def _size(picture: QPixmap) -> int:
    return picture.width() * picture.height() * max(1, picture.depth() // 8)
