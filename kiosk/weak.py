"""Callbacks that do not keep their object alive.

A Qt item that holds a bound method of the object that owns it makes a cycle through
C++ that Python's garbage collector cannot see: the owner lives on (its timers firing
on a deleted window) or goes at an arbitrary moment, in the middle of a paint. Items
get these instead.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

Result = TypeVar("Result")


def weakly(method: Callable[..., Result], *first: Any, default: Any = None
           ) -> Callable[..., Result]:
    """``method(*first, *rest)`` while its object lives; ``default`` after."""
    ref = weakref.WeakMethod(method)

    def call(*rest: Any) -> Result:
        bound = ref()
        return default if bound is None else bound(*first, *rest)

    return call
