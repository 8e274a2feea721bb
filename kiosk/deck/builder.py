"""Plain data from the YAML parser's events: dicts, lists and scalars, with the line and
column of every value and key, and limits on nesting and alias expansion."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, NoReturn

import yaml

from kiosk.deck.errors import DeckError, Problem
from kiosk.deck.precision import decimals_of
from kiosk.deck.text import unfolded

MAX_DEPTH = 64
MAX_NODES = 1_000_000  # values after alias expansion; a 1,000-slide deck has ~30,000

Loc = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = yaml.SafeLoader("")  # only its construct_yaml_* methods are used


class _Node:
    """A value under construction, with how many values it expands to."""

    __slots__ = ("anchor", "explicit", "loc", "merges", "pending_key", "size", "value")

    def __init__(self, value: Any, loc: Loc, anchor: str | None = None, size: int = 1) -> None:
        self.value = value
        self.anchor = anchor
        self.size = size
        self.loc = loc
        self.pending_key: tuple[str, tuple[int, int]] | None = None
        self.merges: list[dict[str, Any]] = []
        self.explicit: set[str] = set()

    def expect(self, key: str, where: tuple[int, int]) -> None:
        """The mapping's next value is ``key``'s, written at ``where``."""
        self.pending_key = (key, where)

    def take_key(self) -> tuple[str, tuple[int, int]]:
        """The key (and where it is written) of the value just finished."""
        assert self.pending_key is not None
        taken, self.pending_key = self.pending_key, None
        return taken

    def holds(self, child: _Node) -> None:
        """A finished value inside this one: it counts towards its size."""
        self.size += child.size


def _tag_error(tag: str) -> str:
    shown = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    return f"tag {shown} is not allowed (decks take plain YAML only)"


def _mark(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def _written_decimals(text: str, value: Any) -> int:
    """The decimals a number is written with where it has more than its value (10.0 has
    one, 205.50 two); 0 otherwise."""
    if not isinstance(value, float) or not math.isfinite(value) or "." not in text \
            or "e" in text.lower():
        return 0
    digits = text.strip().split(".", 1)[1].replace("_", "")
    written = len(digits) if digits.isdigit() else 0
    return written if written > decimals_of(value) else 0


class Builder:
    """Turns parser events into plain data, recording marks and checking limits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stack: list[_Node] = []
        self.anchors: dict[str, _Node] = {}
        self.root: Any = None
        self.documents = 0
        self.nodes = 0
        self.value_marks: dict[Loc, tuple[int, int]] = {}
        self.key_marks: dict[Loc, tuple[int, int]] = {}
        self.written_decimals: dict[Loc, int] = {}
        """Numbers written with zeros at the end of their decimals (10.0, 205.50): how
        many decimals they were written with, which the number itself forgets."""
        self.problems: list[Problem] = []

    def fail(self, where: tuple[int, int], message: str) -> NoReturn:
        self.problems.append(Problem(self.path, *where, message))
        raise DeckError(self.problems)

    def error(self, where: tuple[int, int], message: str) -> None:
        """A problem that does not stop reading (the document reports it)."""
        self.problems.append(Problem(self.path, *where, message))

    def _child_loc(self) -> Loc | None:
        """Where the next value goes, or None when the next scalar is a mapping key."""
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            return (*parent.loc, len(parent.value))
        if parent.pending_key is None:
            return None
        return (*parent.loc, parent.pending_key[0])

    def _count(self, size: int, where: tuple[int, int]) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            self.fail(where, f"aliases expand to more than {MAX_NODES:,} values; "
                             "a deck never needs that many (is this an alias bomb?)")

    def feed(self, event: Any, loader: Any) -> None:
        if isinstance(event, yaml.StreamStartEvent | yaml.DocumentEndEvent):
            return
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(_mark(event), "more than one YAML document in the file "
                                        "(remove the second '---')")
            return
        where = _mark(event)
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self._close(where)
            return
        if isinstance(event, yaml.AliasEvent):
            self._alias(event, where)
            return
        loc = self._child_loc()
        if isinstance(event, yaml.ScalarEvent) and loc is None:
            self._key(event, where)
            return
        if loc is None:
            self.fail(where, "a mapping key must be plain text, not a list or mapping")
        assert loc is not None
        if len(self.stack) >= MAX_DEPTH:
            self.fail(where, f"nested more than {MAX_DEPTH} levels deep")
        self._count(1, where)
        tag = getattr(event, "tag", None)
        if isinstance(event, yaml.ScalarEvent):
            node = _Node(self._scalar(event, loader, where), loc)
            written = _written_decimals(event.value, node.value)
            if written:
                self.written_decimals[loc] = written
            self._place(node, where, event.anchor)
        elif isinstance(event, yaml.MappingStartEvent):
            if tag not in (None, "!", f"{_TAG}map"):
                self.fail(where, _tag_error(tag))
            self._open(_Node({}, loc, event.anchor), where)
        elif isinstance(event, yaml.SequenceStartEvent):
            if tag not in (None, "!", f"{_TAG}seq"):
                self.fail(where, _tag_error(tag))
            self._open(_Node([], loc, event.anchor), where)

    def _scalar(self, event: Any, loader: Any, where: tuple[int, int]) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag not in _SCALAR_TAGS:
            self.fail(where, _tag_error(tag))
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark,
                               event.style)
        kind = tag.removeprefix(_TAG)
        if kind == "str" and _folded(event):
            return unfolded(event.value)  # (lines YAML joined with a space: none in Chinese)
        if kind in ("str", "timestamp") or (kind in ("int", "float") and ":" in event.value):
            return event.value  # (7:00 is a time of day, not YAML 1.1's base 60: 420)
        try:
            value = getattr(_CONSTRUCTOR, f"construct_yaml_{kind}")(node)
        except (ValueError, KeyError, OverflowError):
            self.fail(where, f"{event.value!r} is not a valid {kind}")
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 2**63:
            self.fail(where, f"number {event.value} is too large")
        if isinstance(value, float) and not math.isfinite(value) and kind != "float":
            self.fail(where, f"number {event.value} is too large")
        return value

    def _key(self, event: Any, where: tuple[int, int]) -> None:
        parent = self.stack[-1]
        if event.tag not in (None, "!", f"{_TAG}str", f"{_TAG}merge"):
            self.fail(where, _tag_error(event.tag))
        if event.value == "<<" and event.implicit[0]:
            parent.expect("<<", where)
            return
        key = event.value
        loc = (*parent.loc, key)
        if key in parent.explicit:
            line, column = self.key_marks[loc]
            self.error(where, f"duplicate key '{key}' (first at line {line}, column "
                              f"{column}; YAML would silently keep only the last one)")
        parent.explicit.add(key)
        self.key_marks[loc] = where
        parent.expect(key, where)

    def _place(self, node: _Node, where: tuple[int, int], anchor: str | None) -> None:
        """Attach a finished value to its parent (or make it the root)."""
        self.value_marks.setdefault(node.loc, where)
        if anchor:
            self.anchors[anchor] = node
        if not self.stack:
            self.root = node.value
            return
        parent = self.stack[-1]
        parent.holds(node)
        if isinstance(parent.value, list):
            parent.value.append(node.value)
            return
        key, key_where = parent.take_key()
        if key == "<<":
            merged = node.value if isinstance(node.value, list) else [node.value]
            if not all(isinstance(m, dict) for m in merged):
                self.error(key_where, "'<<' merges mappings only")
                return
            parent.merges.extend(merged)
            return
        parent.value[key] = node.value

    def _open(self, node: _Node, where: tuple[int, int]) -> None:
        self.value_marks[node.loc] = where
        self.stack.append(node)

    def _close(self, where: tuple[int, int]) -> None:
        node = self.stack.pop()
        if node.merges:
            merged: dict[str, Any] = {}
            for source in reversed(node.merges):
                merged.update(source)
            merged.update(node.value)
            node.value.clear()
            node.value.update(merged)
        self._place(node, self.value_marks[node.loc], node.anchor)

    def _alias(self, event: Any, where: tuple[int, int]) -> None:
        target = self.anchors.get(event.anchor)
        if target is None:
            self.fail(where, f"alias *{event.anchor} refers to no finished anchor (a text "
                      "that starts with words in italics is quoted: \"*Teinopalpus "
                      "aureus*, a butterfly\")")
        assert target is not None
        loc = self._child_loc()
        if loc is None:
            self.fail(where, "an alias cannot be a mapping key")
        assert loc is not None
        self._count(target.size, where)
        self._place(_Node(target.value, loc, size=target.size), where, None)


def _folded(event: Any) -> bool:
    """Whether a text scalar is written over several lines that YAML joins into one (a
    folded block, ``>``, or a plain or quoted text going on to the next line)."""
    start, end = event.start_mark, event.end_mark
    if event.style == "|":
        return False
    lines = end.line - start.line + 1
    if event.style == ">":  # (a block: from the line of its ">", to the start of the
        lines -= 1 + (end.column == 0)  # line after its last)
    return bool(lines > 1)
