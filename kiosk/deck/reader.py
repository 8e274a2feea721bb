"""The one place that reads YAML: safe, bounded, and aware of where each value came from.

PyYAML's own loaders are not enough for files written by hand and read by a kiosk that
must never fall over: they keep the last of two duplicate keys without a word, expand
aliases without bound (the "billion laughs"), and recurse once per nesting level. This
reader walks the parser's event stream itself, with limits on size, nesting and alias
expansion, builds plain dicts, lists and scalars, and records the line and column of
every value and key so that later checks can point at them.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any, NoReturn

import yaml

from kiosk.deck.errors import DeckError, Problem

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 1_000_000  # values after alias expansion; a 1,000-slide deck has ~30,000

Loc = tuple[str | int, ...]

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = yaml.SafeLoader("")  # only its construct_yaml_* methods are used


@dataclasses.dataclass
class Document:
    """A YAML file read into plain data, with the place of every value and key."""

    path: Path
    data: Any
    value_marks: dict[Loc, tuple[int, int]]
    key_marks: dict[Loc, tuple[int, int]]
    problems: list[Problem] = dataclasses.field(default_factory=list)

    def place(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``loc``, or its key with ``key``.

        A place not recorded (inside an alias, say) falls back to its nearest parent.
        """
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc not in self.value_marks and loc:
            loc = loc[:-1]
        return self.value_marks.get(loc, (1, 1))

    def problem(self, loc: Loc, message: str, *, key: bool = False, **kw: Any) -> Problem:
        """A problem at the value (or key) found at ``loc``."""
        line, column = self.place(loc, key=key)
        return Problem(self.path, line, column, message, **kw)


class _Node:
    """A value under construction, with how many values it expands to."""

    __slots__ = ("anchor", "explicit", "loc", "merges", "pending_key", "size", "value")

    def __init__(self, value: Any, loc: Loc, anchor: str | None = None) -> None:
        self.value = value
        self.anchor = anchor
        self.size = 1
        self.loc = loc
        self.pending_key: tuple[str, tuple[int, int]] | None = None
        self.merges: list[dict[str, Any]] = []
        self.explicit: set[str] = set()


def _tag_error(tag: str) -> str:
    shown = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    return f"tag {shown} is not allowed (decks take plain YAML only)"


def _mark(event: Any) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


def decode(path: Path, raw: bytes) -> str:
    """The text of a file, or a DeckError that says where it stops being UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[start : exc.start].decode("utf-8", "replace")) + 1
        hint = ""
        try:
            raw.decode("gb18030")
            hint = " (it looks like GBK/GB 18030: save it as UTF-8)"
        except UnicodeDecodeError:
            hint = " (save it as UTF-8)"
        byte = raw[exc.start]
        msg = f"file is not UTF-8 text: byte 0x{byte:02x} cannot start a character{hint}"
        raise DeckError([Problem(path, line, column, msg)]) from None


def read(path: Path) -> Document:
    """Read one YAML file; raise DeckError for anything that is not a safe single document.

    Problems that do not stop reading, such as duplicate keys, are left in the
    document's ``problems`` for validation to report with the rest.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            limit = MAX_BYTES // (1024 * 1024)
            msg = f"file is {size / 1e6:.1f} MB, more than the {limit} MiB a deck file may be"
            raise DeckError([Problem(path, 1, 1, msg)])
        raw = path.read_bytes()
    except IsADirectoryError:
        raise DeckError([Problem(path, 1, 1, "is a folder, not a YAML file")]) from None
    except FileNotFoundError:
        raise DeckError([Problem(path, 1, 1, "no such file")]) from None
    except OSError as exc:
        raise DeckError([Problem(path, 1, 1, f"cannot read: {exc.strerror}")]) from None
    return parse(path, decode(path, raw))


def parse(path: Path, text: str) -> Document:
    """Parse YAML text that claims to come from ``path``."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise DeckError([Problem(path, 1, 1, "text is larger than a deck file may be")])
    builder = _Builder(path)
    loader = _Loader(text)
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            builder.feed(event, loader)
    except yaml.MarkedYAMLError as exc:
        raise DeckError([_syntax_problem(path, exc, text)]) from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        raise DeckError([_reader_problem(path, exc, text)]) from None
    finally:
        loader.dispose()
    if builder.documents == 0:
        raise DeckError([Problem(path, 1, 1, "file is empty: expected a YAML mapping")])
    return Document(path, builder.root, builder.value_marks, builder.key_marks,
                    builder.problems)


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    context = f" {exc.context}" if exc.context else ""
    msg = f"YAML syntax error: {problem}{context}"
    start = exc.context_mark
    if start is not None and mark is not None and start.line != mark.line:
        msg += f" (begun at line {start.line + 1}, column {start.column + 1})"
    lines = text.splitlines()
    at = lines[line - 1][column - 1:column] if line <= len(lines) else ""
    if "tab" in problem or at == "\t":
        msg = ("YAML syntax error: a tab here: YAML indents with spaces, not tabs" if at == "\t"
               else msg + " (indent with spaces, not tabs)")
    return Problem(path, line, column, msg)


def _reader_problem(path: Path, exc: yaml.YAMLError, text: str) -> Problem:
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
    else:
        line, column = 1, 1
    char = getattr(exc, "character", None)
    code = ord(char) if isinstance(char, str) else char
    shown = f"U+{code:04X}" if isinstance(code, int) else "a control character"
    return Problem(path, line, column, f"character {shown} is not allowed in YAML text")


class _Builder:
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
        if kind in ("str", "timestamp"):
            return event.value
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
            parent.pending_key = ("<<", where)
            return
        key = event.value
        loc = (*parent.loc, key)
        if key in parent.explicit:
            line, column = self.key_marks[loc]
            self.error(where, f"duplicate key '{key}' (first at line {line}, column "
                              f"{column}; YAML would silently keep only the last one)")
        parent.explicit.add(key)
        self.key_marks[loc] = where
        parent.pending_key = (key, where)

    def _place(self, node: _Node, where: tuple[int, int], anchor: str | None) -> None:
        """Attach a finished value to its parent (or make it the root)."""
        self.value_marks.setdefault(node.loc, where)
        if anchor:
            self.anchors[anchor] = node
        if not self.stack:
            self.root = node.value
            return
        parent = self.stack[-1]
        parent.size += node.size
        if isinstance(parent.value, list):
            parent.value.append(node.value)
            return
        assert parent.pending_key is not None
        key, key_where = parent.pending_key
        parent.pending_key = None
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
            self.fail(where, f"alias *{event.anchor} refers to no finished anchor")
        assert target is not None
        loc = self._child_loc()
        if loc is None:
            self.fail(where, "an alias cannot be a mapping key")
        assert loc is not None
        self._count(target.size, where)
        copy = _Node(target.value, loc)
        copy.size = target.size
        self._place(copy, where, None)
