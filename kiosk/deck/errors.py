"""Problems found in a deck or config, each with the place it was found."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.deck.load import LoadedDeck


class Severity(enum.Enum):
    """How bad a problem is: errors stop a deck from loading, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file, at a 1-based line and column."""

    path: Path
    line: int
    column: int
    message: str
    severity: Severity = dataclasses.field(default=Severity.ERROR, compare=False)

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{display_path(self.path)}:{self.line}:{self.column}: {prefix}{self.message}"


def display_path(path: Path) -> str:
    """The path as a user typed it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


class DeckError(Exception):
    """A deck or config that cannot be used; carries every error found in it."""

    def __init__(self, problems: Iterable[Problem], *, partial: LoadedDeck | None = None
                 ) -> None:
        self.problems = sorted(set(problems))
        self.partial = partial
        """The slides of an invalid deck that are valid on their own (the others blank),
        for checks that need a deck."""
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the file unusable."""
        return [p for p in self.problems if p.severity is Severity.ERROR]
