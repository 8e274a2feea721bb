"""Faults that stay in their slide: an error while drawing one never ends the show.

Every ``paint`` of the show's own items goes through ``guarded``: an exception that
escaped into Qt's painting would abort the process (it does, with PySide6). Instead it
is handed to the slide the item belongs to (``SlideView.fail``), which the stage then
takes off the screen; items outside a slide (chrome, overlays) log it once.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import QGraphicsItem

log = logging.getLogger(__name__)
_logged: set[str] = set()


class Failing(Protocol):
    """An item that takes a fault of one of its own (a slide view)."""

    def fail(self, error: BaseException, doing: str) -> None: ...


def fault(item: QGraphicsItem, error: BaseException, doing: str) -> None:
    """``item`` raised ``error`` while ``doing`` something: tell its slide, or log it."""
    top = item.topLevelItem() or item
    fail = getattr(top, "fail", None)
    if callable(fail):
        fail(error, doing)
        return
    key = f"{type(item).__name__}: {doing}: {error!r}"
    if key not in _logged:
        _logged.add(key)
        log.error("%s failed while %s; drawn without it: %r", type(item).__name__, doing,
                  error, exc_info=error)


Paint = TypeVar("Paint", bound=Callable[..., None])


def guarded(paint: Paint) -> Paint:
    """A paint (or warm) method whose exceptions become the slide's fault."""

    @functools.wraps(paint)
    def safely(self: QGraphicsItem, *args: Any, **kwargs: Any) -> None:
        try:
            paint(self, *args, **kwargs)
        except Exception as error:
            fault(self, error, "drawing")

    return safely  # type: ignore[return-value]
