"""``kiosk check``: validate decks and configs and report every problem by place."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from kiosk.config import Installation, find_config, load_config
from kiosk.deck.errors import DeckError, Problem, Severity
from kiosk.deck.load import load_deck


@dataclasses.dataclass
class Report:
    """What checking some files found."""

    files: list[Path] = dataclasses.field(default_factory=list)
    problems: list[Problem] = dataclasses.field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


def _is_config(path: Path) -> bool:
    return path.name in ("config.yaml", "config.yml")


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to check: the given files, and every YAML file inside given folders."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted({*path.rglob("*.yaml"), *path.rglob("*.yml")})
            files.extend(f for f in found if not any(p.startswith(".") for p in f.parts))
        else:
            files.append(path)
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values())


def check(paths: list[Path], installation: Installation | None = None) -> Report:
    """Check each path; a config also has its deck checked."""
    report = Report()
    done: set[Path] = set()
    if installation is None:
        installation = find_config(None)
    for path in expand(paths):
        if path.resolve() in done:
            continue
        done.add(path.resolve())
        report.files.append(path)
        try:
            if _is_config(path):
                installation = load_config(path)
                deck = installation.deck_path
                if deck not in done and deck.exists():
                    done.add(deck)
                    report.files.append(deck)
                    _check_deck(deck, installation, report)
                elif not deck.exists():
                    report.problems.append(_missing_deck(installation))
            else:
                _check_deck(path, installation, report)
        except DeckError as exc:
            report.problems.extend(exc.problems)
    report.problems.sort()
    return report


def _check_deck(path: Path, installation: Installation, report: Report) -> None:
    try:
        loaded = load_deck(path, installation.asset_roots)
    except DeckError as exc:
        report.problems.extend(exc.problems)
        return
    report.problems.extend(loaded.warnings)
    if any(loaded.assets.values()):  # every picture decoded in full, in Qt (imported here)
        from kiosk.show.pictures import deck_problems

        report.problems.extend(deck_problems(loaded))


def _missing_deck(installation: Installation) -> Problem:
    assert installation.path is not None
    from kiosk.deck import reader

    doc = reader.read(installation.path)
    return doc.problem(("deck",), f"deck '{installation.config.deck}' not found")
