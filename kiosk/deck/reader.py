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
import re
from pathlib import Path
from typing import Any

import yaml

from kiosk.deck.builder import Builder
from kiosk.deck.builder import Loc as Loc  # (where a value is: used with Document)
from kiosk.deck.errors import DeckError, Problem

MAX_BYTES = 4 * 1024 * 1024

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclasses.dataclass
class Document:
    """A YAML file read into plain data, with the place of every value and key."""

    path: Path
    data: Any
    value_marks: dict[Loc, tuple[int, int]]
    key_marks: dict[Loc, tuple[int, int]]
    problems: list[Problem] = dataclasses.field(default_factory=list)
    written_decimals: dict[Loc, int] = dataclasses.field(default_factory=dict)
    """Numbers written with zeros at the end of their decimals: how many (10.0: one)."""
    origins: tuple[int, ...] | None = None
    """The slide as written that each slide played comes from (a PDF's pages are a
    slide each), where they differ."""

    def slide_number(self, n: int) -> int:
        """The number, as written (from 1), of the slide played as slide ``n`` (from 0):
        what every message names it by (a layout warning said "slide 20" where an error
        said "slide 19" of one slide after a PDF of two pages, trial 28)."""
        return self.origins[n] + 1 if self.origins and n < len(self.origins) else n + 1

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

    def renumbered(self, origins: list[int]) -> Document:
        """The document for a deck whose slide ``n`` comes from slide ``origins[n]`` as
        written (a PDF slide made one slide per page): each at its source's place."""
        def moved(marks: dict[Loc, Any]) -> dict[Loc, Any]:
            found: dict[Loc, Any] = {}
            by_slide: dict[Any, list[tuple[Loc, Any]]] = {}
            for loc, mark in marks.items():
                if len(loc) >= 2 and loc[0] == "slides":
                    by_slide.setdefault(loc[1], []).append((loc[2:], mark))
                else:
                    found[loc] = mark
            for n, origin in enumerate(origins):
                for rest, mark in by_slide.get(origin, []):
                    found[("slides", n, *rest)] = mark
            return found

        return dataclasses.replace(self, value_marks=moved(self.value_marks),
                                   key_marks=moved(self.key_marks),
                                   written_decimals=moved(self.written_decimals),
                                   origins=tuple(origins))


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
    if path.suffix.lower() == ".pdf":
        if not path.is_file():
            raise DeckError([Problem(path, 1, 1, "no such file")])
        return parse(path, pdf_deck(path))
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


def pdf_deck(path: Path) -> str:
    """A deck of one PDF, as YAML: each of its pages a slide (``kiosk --deck
    brochure.pdf``, or ``deck: brochure.pdf`` in a config), titled by its file's name.
    On one line, so that what is said of it is said at its file's first line."""
    import json

    name = json.dumps(path.name, ensure_ascii=False)
    return f"{{title: {json.dumps(path.stem, ensure_ascii=False)}, languages: [zh, en], " \
           f"slides: [{{type: pdf, src: {name}}}]}}\n"  # (pages are in no one language)


def parse(path: Path, text: str) -> Document:
    """Parse YAML text that claims to come from ``path``."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise DeckError([Problem(path, 1, 1, "text is larger than a deck file may be")])
    builder = Builder(path)
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
                    builder.problems, builder.written_decimals)


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
    for n in range(line, max(0, line - 3), -1):  # (title：{zh: …}: typed with a Chinese
        wide = WIDE_COLON.match(lines[n - 1]) if n <= len(lines) else None  # input method)
        if wide:
            return Problem(path, n, wide.end(), f"YAML syntax error: a full-width colon '：' "
                           f"after '{wide.group(1)}': YAML needs ':' (and a space) after a key")
    if start is not None and "end of stream" in problem and "quoted" in (exc.context or ""):
        return Problem(path, start.line + 1, start.column + 1, "YAML syntax error: the "
                       "quotes begun here are never closed")  # (not at the file's end)
    if start is not None and mark is not None and start.line != mark.line and \
            "while parsing a flow" in msg and start.line < len(lines):
        opened = _unclosed_quote(lines[start.line], start.column)  # (a text's closing
        if opened is not None:  # quote left out: said where it opens, not at the next
            return Problem(path, start.line + 1, opened + 1, (  # line's "did not find
                "YAML syntax error: the quotes begun here are not closed on their line "
                "(a text in {zh: ..., en: \"...\"} ends with its quote)"))  # ','", trial 23)
    if ("did not find expected key" in problem or "mapping values are not allowed" in problem) \
            and line <= len(lines):  # (the second: a key too deep after a plain text)
        misplaced = _misindented(lines, line - 1)
        if misplaced is not None:
            return Problem(path, *misplaced)
    if "mapping values are not allowed" in problem and ": " in lines[line - 1][:column]:
        msg += " (a text with ': ' in it is put in quotes: \"...: ...\")"
    if "expected '-' indicator" in problem or "expected <block end>" in problem:
        msg += f" (check the indentation of line {line}: the keys of one item line up " \
               "under each other, each list item starts with '-')"
    return Problem(path, line, column, msg)


KEYED = re.compile(r"^(\s*(?:-\s+)?)([^\s:#\-][^:#]*?):(?:\s+(\S.*))?$")
"""A line of a block mapping: its indentation (and list mark), key and value, if any."""


def _misindented(lines: list[str], at: int) -> tuple[int, int, str] | None:
    """Line, column and words for a key out of line with its neighbours, where PyYAML
    found "did not find expected key" at line ``at`` (from 0): the line before it
    indented less than the lines around it (said at that line, not at the next one,
    trial 28), or line ``at`` indented more than a key above it that has its value."""
    def keyed(n: int) -> tuple[int, str, str | None] | None:
        found = KEYED.match(lines[n]) if 0 <= n < len(lines) else None
        return (len(found.group(1)), found.group(2), found.group(3)) if found else None

    def before(n: int) -> int:
        n -= 1
        while n >= 0 and (not lines[n].strip() or lines[n].lstrip().startswith("#")):
            n -= 1
        return n

    here, above = keyed(at), keyed(before(at))
    if here is None or above is None or above[2] is None or above[0] >= here[0]:
        return None
    earlier = keyed(before(before(at)))
    if earlier is not None and earlier[0] == here[0]:
        return (before(at) + 1, above[0] + 1, f"YAML syntax error: '{above[1]}:' is indented "
                f"less than the keys around it (column {above[0] + 1}; they are at column "
                f"{here[0] + 1}): the keys of one mapping line up under each other")
    return (at + 1, here[0] + 1, f"YAML syntax error: '{here[1]}:' is indented more than "
            f"'{above[1]}:' above it, which has its value already (column {above[0] + 1}): "
            "the keys of one mapping line up under each other")


def _unclosed_quote(line: str, start: int) -> int | None:
    """Where a double or single quote opens on ``line`` from ``start`` and is not closed
    on it (None: every quote is)."""
    quote, opened, n = "", None, start
    while n < len(line):
        char = line[n]
        if quote == '"' and char == "\\":
            n += 2  # (an escaped character: \" is no closing quote)
            continue
        if quote and char == quote:
            if quote == "'" and line[n + 1:n + 2] == "'":
                n += 2  # ('' inside single quotes is a quote)
                continue
            quote, opened = "", None
        elif not quote and char in "\"'" and (n == 0 or line[n - 1] in " {[,:"):
            quote, opened = char, n
        n += 1
    return opened


WIDE_COLON = re.compile(r"\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*：")
"""A key followed by a full-width colon (title：), as a Chinese input method types it."""


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
