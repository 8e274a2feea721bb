"""Verdicts on files, remembered while a file keeps its size, time and inode."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def remembered(cache: dict[tuple[str, int, int, int], T | str], path: Path, limit: int,
               judge: Callable[[int], T | str]) -> T | str:
    """``judge(size)`` of the file at ``path``, from ``cache`` while the file is unchanged
    (``cache`` emptied when it holds ``limit``); "cannot be read (...)" if it cannot."""
    try:
        stat = path.stat()
    except OSError as exc:
        return f"cannot be read ({reason(exc)})"
    key = (str(path), stat.st_mtime_ns, stat.st_size, stat.st_ino)
    if key not in cache:
        if len(cache) >= limit:
            cache.clear()
        try:
            cache[key] = judge(stat.st_size)
        except OSError as exc:
            return f"cannot be read ({reason(exc)})"
    return cache[key]


def reason(exc: OSError) -> str:
    """Why a file could not be read, as the system says it."""
    return (exc.strerror or str(exc)).lower()
