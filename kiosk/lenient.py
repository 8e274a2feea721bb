"""A config that failed its check, with what fails taken out: so that its decks, and what
it says well about them, are checked in the same run as its errors."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from kiosk.config import Config
from kiosk.deck import explain, fields, reader
from kiosk.deck.errors import Problem

ROUNDS = 500
"""Values taken out at most (a config has a few dozen)."""


class Pruned:
    """A copy of a config's data from which values are taken out one at a time, keeping
    where each kept value was in the file."""

    def __init__(self, data: Any) -> None:
        self.origins: dict[int, list[int]] = {}
        """Of each list (by id), the index in the file of each item kept."""
        self.data = self._copy(data)
        self.removed: list[reader.Loc] = []
        """Where, in the file, each value taken out was."""

    def _copy(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: self._copy(v) for k, v in value.items()}
        if isinstance(value, list):
            copied = [self._copy(v) for v in value]
            self.origins[id(copied)] = list(range(len(copied)))
            return copied
        return value

    def steps(self, loc: reader.Loc) -> list[tuple[Any, Any]]:
        """Each container and key along the part of ``loc`` that is in the data."""
        found: list[tuple[Any, Any]] = []
        node = self.data
        for step in loc:
            if _has(node, step):
                found.append((node, step))
                node = node[step]
            else:
                break
        return found

    def filed(self, pyloc: tuple[str | int, ...]) -> tuple[str | int, ...]:
        """A pydantic error location in the pruned data, as it is in the file."""
        path = fields.locate(Config, self.data, pyloc).loc
        node, n, filed = self.data, 0, []
        for step in pyloc:
            if n < len(path) and step == path[n]:
                listed = isinstance(node, list) and isinstance(step, int)
                filed.append(_origin(self.origins[id(node)], step) if listed  # type: ignore[arg-type]
                             else step)
                node = node[step] if _has(node, step) else None
                n += 1
            else:
                filed.append(step)
        return tuple(filed)

    def remove(self, steps: list[tuple[Any, Any]], name: str | None = None) -> None:
        """Take out the value at the end of ``steps``, or its key ``name``."""
        filed = tuple(self.origins[id(c)][k] if isinstance(c, list) else k for c, k in steps)
        container: Any
        key: Any
        if name is not None:
            container = steps[-1][0][steps[-1][1]] if steps else self.data
            key, filed = name, (*filed, name)
        else:
            container, key = steps[-1]
        self.removed.append(filed)
        del container[key]
        if isinstance(container, list):
            del self.origins[id(container)][key]

    def caused(self, detail: ErrorDetails, data: Any) -> bool:
        """Whether an error (placed as in the file) may come of a value taken out: a key
        missing or a list too short where one was taken out, or a rule across keys that
        names one taken out."""
        loc = fields.locate(Config, data, detail["loc"]).loc
        under = [r for r in self.removed if r[:len(loc)] == loc]
        if detail["type"] in ("missing", "too_short"):
            return bool(under)
        return detail["type"] == "value_error" and any(
            f"{r[-1]}" in detail["msg"] for r in under if len(r) == len(loc) + 1)


    def document(self, original: reader.Document) -> reader.Document:
        """``original`` with the pruned data, its values and keys still at their places:
        for what is said of the kept values later (a deck not found, a slide missing)."""
        def moved(marks: dict[reader.Loc, tuple[int, int]]) -> dict[reader.Loc, tuple[int, int]]:
            return {now: mark for loc, mark in marks.items()
                    if (now := self._now(loc)) is not None}
        return reader.Document(original.path, self.data, moved(original.value_marks),
                               moved(original.key_marks))

    def _now(self, loc: reader.Loc) -> reader.Loc | None:
        """Where the value at ``loc`` in the file is in the pruned data, if still there."""
        node, now = self.data, []
        for step in loc:
            if isinstance(node, list):
                origin = self.origins[id(node)]
                if step not in origin:
                    return None
                step = origin.index(step)
            elif not isinstance(node, dict) or step not in node:
                return None
            now.append(step)
            node = node[step]
        return tuple(now)


def _origin(origins: list[int], index: int) -> int:
    """Where the item at ``index`` of a pruned list is in the file's: past its end (an
    item missing from a list too short, design_size: [1080]), as far past the file's."""
    if index < len(origins):
        return origins[index]
    return (origins[-1] + 1 if origins else 0) + index - len(origins)


def _has(node: Any, step: Any) -> bool:
    return (isinstance(node, dict) and step in node) or (
        isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node))


class _AsFiled:
    """The errors of the pruned data, placed as in the file, less those that may come of
    taking values out."""

    def __init__(self, pruned: Pruned, error: ValidationError, data: Any) -> None:
        filed = [{**e, "loc": pruned.filed(e["loc"])}
                 for e in error.errors(include_url=False)]
        self.details = [e for e in filed if not pruned.caused(e, data)]  # type: ignore[arg-type]

    def errors(self, **kw: Any) -> list[ErrorDetails]:
        return self.details  # type: ignore[return-value]


def lenient(document: reader.Document, known: list[Problem]
            ) -> tuple[Config, reader.Document, list[Problem]]:
    """The config of ``document`` less what fails, the document of what is kept, and the
    problems found on the way that are not in ``known`` (a mistake can hide another: a
    lock without a way out is only seen once the section's other keys are right)."""
    pruned = Pruned(document.data if isinstance(document.data, dict) else {})
    seen = set(known)
    found: list[Problem] = []
    for _ in range(ROUNDS):
        try:
            return Config.model_validate(pruned.data), pruned.document(document), found
        except ValidationError as exc:
            filed = _AsFiled(pruned, exc, document.data)
            for problem in explain.problems(document, Config, filed):
                if problem not in seen:
                    seen.add(problem)
                    found.append(problem)
            if not _take_out(pruned, exc.errors(include_url=False)[0]):
                break
    return Config(), pruned.document(document), found


def _take_out(pruned: Pruned, error: ErrorDetails) -> bool:
    """Take out of ``pruned`` the value ``error`` is about; False if that is the whole."""
    steps = pruned.steps(fields.locate(Config, pruned.data, error["loc"]).loc)
    value = steps[-1][0][steps[-1][1]] if steps else pruned.data
    if isinstance(value, dict) and error["type"] in ("value_error", "assertion_error"):
        whole = dict(value)
        for name in whole:  # keys wrong together: take out the first that clears it
            del value[name]
            cleared = not _still(pruned, error)
            value.clear()
            value.update(whole)
            if cleared:
                pruned.remove(steps, name)
                return True
    if not steps:
        return False  # the whole is wrong
    pruned.remove(steps)
    return True


def _still(pruned: Pruned, error: ErrorDetails) -> bool:
    try:
        Config.model_validate(pruned.data)
    except ValidationError as exc:
        return any(e["loc"] == error["loc"] and e["msg"] == error["msg"]
                   for e in exc.errors(include_url=False))
    return False
