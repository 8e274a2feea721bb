"""Noticing new content: files polled on the one clock, a change reported once it settles.

Polling (rather than inotify) sees every way content arrives: rsync's rename into place,
Syncthing's temporary files, a git pull, a USB stick copied by hand. A change is
reported only after the files have stayed the same for ``settle`` seconds, so a copy in
progress is not read half-way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

Signature = tuple[tuple[str, int, int], ...]


def signature(paths: Iterable[Path]) -> Signature:
    """Modification time and size (or absence) of each path: a file's change shows in
    its own, a file coming or going in its folder's. One stat a path, whatever else
    lies in the folders."""
    found: list[tuple[str, int, int]] = []
    for path in sorted(set(paths)):
        try:
            stat = os.stat(path)
        except OSError:
            found.append((str(path), -1, -1))
            continue
        found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


class Watch:
    """Reports when what ``paths()`` lists has changed and then stayed still."""

    def __init__(self, paths: Callable[[], Iterable[Path]], *, now: float,
                 interval: float = 1.0, settle: float = 2.0) -> None:
        self._paths = paths
        self.interval, self.settle = interval, settle
        self.seen = signature(paths())
        self._candidate: Signature | None = None
        self._since = now
        self._next = now + interval

    def rebase(self) -> None:
        """Take what is on disk now as seen (after loading it)."""
        self.seen = signature(self._paths())
        self._candidate = None

    def poll(self, now: float) -> bool:
        """True once, when a change has settled (cheap to call often)."""
        if now < self._next:
            return False
        self._next = now + self.interval
        current = signature(self._paths())
        if current == self.seen:
            self._candidate = None
            return False
        if current != self._candidate:
            self._candidate, self._since = current, now
            return False
        if now - self._since >= self.settle:
            self.seen, self._candidate = current, None
            return True
        return False
