"""Walking a tree of graphics items."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QGraphicsItem


def descendants(root: QGraphicsItem) -> Iterator[QGraphicsItem]:
    """Every item under ``root`` (not itself), depth first, the last child first."""
    stack = list(root.childItems())
    while stack:
        item = stack.pop()
        yield item
        stack.extend(item.childItems())
