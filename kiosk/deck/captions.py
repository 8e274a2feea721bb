"""Captions in WebVTT: read, checked, and asked which line is shown at a time.

A caption file is the author's too: what is wrong with it is said at its own line and
column (``captions/3-zh.vtt:7:14: ...``), as for the deck. What the show draws is the
cue's text without its markup (``<b>``, ``<v Speaker>``); cue settings are accepted and
not used (the show places captions itself, clear of the slide's words).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from kiosk.deck.errors import Problem
from kiosk.deck.reader import decode

_TIME = re.compile(r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$")
_ARROW = re.compile(r"^(\S+)[ \t]+-->[ \t]+(\S+)(.*)$")
_TAG = re.compile(r"</?[^>]*>")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&lrm;": "",
             "&rlm;": ""}


@dataclasses.dataclass(frozen=True)
class Cue:
    """One caption: shown from ``start`` to ``end`` seconds after the slide appears."""

    start: float
    end: float
    text: str


@dataclasses.dataclass(frozen=True)
class Captions:
    """A caption file's cues, in the order of their start."""

    cues: tuple[Cue, ...]

    def at(self, seconds: float) -> str:
        """The text shown at ``seconds`` (cues at once: one under another), or ""."""
        return "\n".join(cue.text for cue in self.cues if cue.start <= seconds < cue.end)

    @property
    def end(self) -> float:
        return max((cue.end for cue in self.cues), default=0.0)


def _seconds(text: str) -> float | None:
    found = _TIME.match(text)
    if found is None:
        return None
    hours, minutes, seconds, millis = found.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _plain(text: str) -> str:
    text = _TAG.sub("", text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return text.strip()


def parse(path: Path, text: str) -> tuple[Captions, list[Problem]]:
    """The cues of a WebVTT text, and what is wrong with it at its lines."""
    problems: list[Problem] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not lines[0].startswith("WEBVTT") or (
            len(lines[0]) > 6 and lines[0][6] not in " \t"):
        problems.append(Problem(path, 1, 1, "a caption file starts with the line WEBVTT"))
        return Captions(()), problems
    cues: list[Cue] = []
    n = 1
    while n < len(lines) and lines[n].strip() and "-->" not in lines[n]:
        n += 1  # (header lines after WEBVTT, to the first blank: Kind: captions, ...)
    while n < len(lines):
        line = lines[n]
        if not line.strip() or line.startswith(("NOTE", "STYLE", "REGION")):
            n = _skip_block(lines, n) if line.strip() else n + 1
            continue
        timing = line if "-->" in line else (lines[n + 1] if n + 1 < len(lines) else "")
        at = n if "-->" in line else n + 1  # (a cue may have an identifier line first)
        arrow = _ARROW.match(timing.strip())
        if "-->" not in timing or arrow is None:
            problems.append(Problem(path, n + 1, 1, "expected a cue's times, such as "
                                    "00:01.000 --> 00:04.500"))
            n = _skip_block(lines, n)
            continue
        start, end = _seconds(arrow.group(1)), _seconds(arrow.group(2))
        column = timing.index(arrow.group(1)) + 1
        if start is None:
            problems.append(Problem(path, at + 1, column, f"'{arrow.group(1)}' is not a time "
                                    "such as 00:01.000 (minutes:seconds.milliseconds)"))
        elif end is None:
            problems.append(Problem(path, at + 1, timing.index(arrow.group(2)) + 1,
                                    f"'{arrow.group(2)}' is not a time such as 00:04.500"))
        elif end <= start:
            problems.append(Problem(path, at + 1, timing.index(arrow.group(2)) + 1,
                                    "a cue must end after it starts"))
        body = []
        n = at + 1
        while n < len(lines) and lines[n].strip():
            body.append(lines[n])
            n += 1
        if start is not None and end is not None and end > start:
            words = _plain("\n".join(body))
            if words:
                cues.append(Cue(start, end, words))
    return Captions(tuple(sorted(cues, key=lambda cue: cue.start))), problems


def _skip_block(lines: list[str], n: int) -> int:
    while n < len(lines) and lines[n].strip():
        n += 1
    return n


def load(path: Path) -> tuple[Captions, list[Problem]]:
    """The captions in the file at ``path`` (UTF-8), and its problems."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Captions(()), [Problem(path, 1, 1, f"cannot be read ({exc.strerror or exc})")]
    try:
        text = decode(path, raw)
    except Exception as error:  # a DeckError that says where it stops being UTF-8
        problems = getattr(error, "problems", None)
        return Captions(()), list(problems) if problems else [Problem(path, 1, 1, str(error))]
    return parse(path, text)
