"""References from a deck to files beside it: checked by shape here, on disk at load."""

from __future__ import annotations

import difflib
import errno
import re
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from kiosk.deck.checked import SelfChecked

_DRIVE = re.compile(r"^[A-Za-z]:")  # C:\x, C:/x, C:x
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".bmp")


class AssetRef(SelfChecked, str):
    """A relative path, with forward slashes, to a file in the deck's folder or ``assets/``."""

    __slots__ = ()

    @classmethod
    def _validate(cls, value: Any) -> AssetRef:
        if not isinstance(value, str) or not value.strip():
            raise PydanticCustomError("asset", "expected a relative file path")
        if _DRIVE.match(value) or value.startswith("\\\\"):
            raise PydanticCustomError(
                "asset", "'{value}' is an absolute Windows path: give a path relative to "
                "the deck, with forward slashes (/)", {"value": value})
        if _URL.match(value) or value.startswith("//"):
            raise PydanticCustomError(
                "asset", "'{value}' is a URL: the show is offline; copy the file next to "
                "the deck and give its relative path", {"value": value})
        if "\\" in value:
            raise PydanticCustomError(
                "asset", "'{value}': use forward slashes (/) in paths", {"value": value})
        path = PurePosixPath(value)
        if path.is_absolute():
            raise PydanticCustomError(
                "asset", "'{value}' is an absolute path: give a path relative to the deck",
                {"value": value})
        if ".." in path.parts:
            raise PydanticCustomError(
                "asset", "'{value}' leaves the deck's folder ('..' is not allowed)",
                {"value": value})
        return cls(value)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return {
            "type": "string",
            "description": "Path relative to the deck file, inside its folder or assets/",
            "pattern": r"^(?![A-Za-z][A-Za-z0-9+.-]*:)(?!/)(?!.*\.\.)[^\\]+$",
        }


def resolve(ref: str, roots: list[Path]) -> tuple[Path | None, str | None]:
    """The file ``ref`` names under the first root that has it, or why there is none.

    A file reached through a link that leads out of its root counts as absent: a deck
    must not read arbitrary files from the machine.
    """
    escaped = False
    for root in roots:
        candidate = root / ref
        try:
            if not candidate.exists():
                continue
        except OSError as exc:  # a folder the show may not read, a name too long
            return None, _unreadable(ref, exc)
        try:
            real = candidate.resolve(strict=True)
            real.relative_to(root.resolve(strict=True))
        except (OSError, ValueError):
            escaped = True
            continue
        if real.is_file():
            return real, None
    if escaped:
        return None, f"'{ref}' links to a file outside the deck's folder and assets/"
    return None, f"asset '{ref}' not found beside the deck or in assets/{_near(ref, roots)}"


def _near(ref: str, roots: list[Path]) -> str:
    """A file beside where ``ref`` was looked for with nearly its name (another case,
    a letter off), as a hint: " (did you mean 'media/lighthouse_tall.jpg'?)"."""
    wanted = PurePosixPath(ref)
    for root in roots:
        folder = root / wanted.parent
        try:
            names = {entry.name.lower(): entry.name for entry in folder.iterdir()
                     if entry.is_file()}
        except OSError:
            continue
        close = difflib.get_close_matches(wanted.name.lower(), list(names), n=1, cutoff=0.8)
        stem = wanted.stem.lower()  # (or of its name in another format: flow.mov, flow.mp4)
        close = close or [name for name in names if PurePosixPath(name).stem == stem][:1]
        if close:
            return f" (did you mean '{wanted.parent / names[close[0]]}'?)".replace(
                "'./", "'")
    return ""


def _unreadable(ref: str, exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return f"asset '{ref}': the name is too long for the file system"
    where = f" ({exc.filename})" if exc.filename else ""
    return (f"asset '{ref}' cannot be read{where}: {(exc.strerror or str(exc)).lower()}; "
            "the show's user needs to read it and its folders")


def named_files(deck: Path) -> set[str]:
    """The files a deck file names (each ``src:``), read as it is, valid or not: what a
    watcher looks for, including pictures not copied yet."""
    from kiosk.deck import reader
    from kiosk.deck.errors import DeckError

    try:
        data = reader.read(deck).data
    except DeckError:
        return set()
    found: set[str] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            src = node.get("src")
            if isinstance(src, str) and not _URL.match(src) and ".." not in src:
                found.add(src)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found
