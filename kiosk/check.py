"""``kiosk check``: validate decks and configs and report every problem by place.

A file is a config or a deck by what it holds (a deck has ``slides:``), whatever its
name. A config is checked with every deck it may play (its own and the schedule's),
and against each of them: its languages, home slide, menu and closed-hours slide must
exist in every one.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterable
from pathlib import Path

from kiosk.config import Installation, deck_problems, find_config, installation_of
from kiosk.deck import reader
from kiosk.deck.errors import DeckError, Problem, Severity, display_path
from kiosk.deck.load import LoadedDeck, load_deck
from kiosk.lenient import lenient
from kiosk.record.db import writable
from kiosk.record.log import log_path


@dataclasses.dataclass
class Report:
    """What checking some files found."""

    files: list[Path] = dataclasses.field(default_factory=list)
    problems: list[Problem] = dataclasses.field(default_factory=list)

    def sort(self) -> None:
        """The problems by file and place, each once."""
        self.problems = sorted(set(self.problems), key=lambda p: (
            display_path(p.path), p.line, p.column, _natural(p.message)))

    @property
    def errors(self) -> int:
        return sum(p.severity is Severity.ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity is Severity.WARNING for p in self.problems)


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """A key that sorts "slide 2" before "slide 10"."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", text) if part)


def expand(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Files to check: the given files, and every YAML file inside given folders; and a
    problem for each folder that holds none or cannot be read (nothing checked is no
    pass)."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if not _is_dir(path):  # (a path it cannot reach is a file the reader reports)
            files.append(path)
            continue
        unreadable: list[OSError] = []
        found = sorted(Path(top) / name for top, dirs, names in os.walk(
            path, onerror=unreadable.append) for name in names
            if name.endswith((".yaml", ".yml")) and not _hidden(Path(top) / name, path))
        for error in unreadable:
            problems.append(Problem(Path(error.filename or path), 1, 1, "folder cannot be "
                                    f"read: {(error.strerror or str(error)).lower()}"))
        if not found and not unreadable:
            problems.append(Problem(path, 1, 1, "no deck or config here: the folder holds "
                                    "no .yaml file"))
        files.extend(found)
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values()), problems


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _hidden(path: Path, top: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(top).parts)


def is_config(document: reader.Document) -> bool:
    """Whether a YAML file is a config rather than a deck, by its keys (or its name,
    when it has neither's)."""
    data = document.data
    if isinstance(data, dict):
        if "slides" in data:
            return False
        if data.keys() & CONFIG_KEYS:
            return True
    return document.path.name in CONFIG_NAMES


CONFIG_NAMES = ("config.yaml", "config.yml")
CONFIG_KEYS = {"deck", "display", "kiosk", "languages", "theme", "show", "record",
               "presenter", "schedule"}


class _Run:
    """One ``kiosk check``: each file read and reported once."""

    def __init__(self, installation: Installation) -> None:
        self.installation = installation
        self.report = Report()
        self.decks: dict[Path, LoadedDeck | None] = {}
        self.broken: set[Path] = set()
        self.laid_out: dict[Path, set[str]] = {}
        """The screens (display and theme) each deck's layout was checked on: a deck two
        configs play is looked at on each of their screens."""

    def file(self, path: Path) -> None:
        try:
            document = reader.read(path)
        except DeckError as exc:
            self._listed(path)
            self.report.problems.extend(exc.problems)
            return
        if is_config(document):
            self._config(path, document)
        elif path.name in CONFIG_NAMES:  # a deck, but `kiosk` would read it as the config
            self._listed(path)
            self.report.problems.append(document.problem(
                ("slides",), f"this is a deck, but kiosk reads a file named {path.name} in "
                "its folder as its config: name the deck otherwise, and give that name in "
                "a config's 'deck:'", key=True))
            self.deck(path)
        else:
            self.deck(path)

    def deck(self, path: Path) -> LoadedDeck | None:
        """The deck at ``path`` checked (once), its problems reported; the part of it
        that passed when it has errors (``self.broken`` holds those)."""
        key = path.resolve()
        if key in self.decks:
            return self.decks[key]
        self._listed(path)
        self.decks[key] = None
        try:
            loaded = load_deck(path, self.installation.asset_roots)
        except DeckError as exc:
            self.report.problems.extend(exc.problems)
            if exc.partial is not None and any(exc.partial.assets.values()):
                from kiosk.show.pictures import deck_problems as picture_problems

                self.report.problems.extend(picture_problems(exc.partial))  # valid slides'
            self.decks[key] = exc.partial
            self.broken.add(key)
            return exc.partial
        self.report.problems.extend(loaded.warnings)
        if any(loaded.assets.values()):  # every picture decoded in full, in Qt (imported here)
            from kiosk.show.pictures import deck_problems as picture_problems

            self.report.problems.extend(picture_problems(loaded))
        self._layout(key, loaded)
        self.decks[key] = loaded
        return loaded

    def _layout(self, key: Path, loaded: LoadedDeck) -> None:
        """The deck's layout on the screen of the config in use, once per screen."""
        from kiosk.show.layoutcheck import layout_problems  # (Qt, imported when needed)

        config = self.installation.config
        screen = config.display.model_dump_json() + config.theme.model_dump_json()
        done = self.laid_out.setdefault(key, set())
        if screen not in done:
            done.add(screen)
            self.report.problems.extend(layout_problems(loaded, config))

    def _config(self, path: Path, document: reader.Document) -> None:
        self._listed(path)
        try:
            installation = installation_of(document)
        except DeckError as exc:
            self.report.problems.extend(exc.problems)
            config, kept, more = lenient(document, exc.problems)  # the rest is checked
            self.report.problems.extend(more)                     # in this run too
            installation = Installation(config, document.path, kept)
        previous, self.installation = self.installation, installation
        placed = installation.document or document  # (what was kept, where it was)
        named = isinstance(document.data, dict) and "deck" in document.data
        unknown = named and "deck" not in (placed.data or {})  # its deck: refused above
        for loc, deck_path in installation.decks()[1 if unknown else 0:]:
            try:
                found = deck_path.is_file()
            except OSError as exc:  # a folder on the way it may not enter
                self.report.problems.append(placed.problem(
                    loc, f"deck '{_shown(deck_path, installation)}' cannot be read: "
                    f"{(exc.strerror or str(exc)).lower()}"))
                continue
            if not found:
                self.report.problems.append(placed.problem(
                    loc, f"deck '{_shown(deck_path, installation)}' not found"))
                continue
            loaded = self.deck(deck_path)
            if loaded is not None:  # (of a broken deck, its slides still count)
                whole = deck_path.resolve() not in self.broken
                if whole:  # (checked before, for another config: on this one's screen)
                    self._layout(deck_path.resolve(), loaded)
                self.report.problems.extend(deck_problems(installation, loc, loaded.deck,
                                                          languages=whole))
        self.installation = previous
        self.report.problems.extend(_colour_problems(installation, placed))
        record = installation.config.record
        why = writable(log_path(record.path)) if record.enabled and record.path else None
        if why is not None:  # (the default, in the data folder of whoever runs the show,
            self.report.problems.append(placed.problem(  # is not this user's to judge)
                ("record", "path"),
                f"the visitor log cannot be written: {why} (the show would keep its rows in "
                "memory, and lose them when it ends)", severity=Severity.WARNING))

    def _listed(self, path: Path) -> None:
        if all(path.resolve() != p.resolve() for p in self.report.files):
            self.report.files.append(path)


def _colour_problems(installation: Installation, placed: reader.Document) -> list[Problem]:
    """A theme whose data colours look alike to some visitors, where charts count on
    colour alone (the first ones: those after are drawn with a pattern too)."""
    from kiosk.show.colourvision import APART, closest

    theme = installation.config.theme
    if not (theme.series or {"accent", "accent2"} & theme.model_fields_set):
        return []  # (the built-in colours: tests/show/test_colours.py)
    colours = [theme.accent, theme.accent2, *theme.series][:SAFE_COLOURS]
    names = ["accent", "accent2", *(f"series colour {n + 1}" for n in range(len(colours)))]
    found: list[Problem] = []
    for later in range(1, len(colours)):
        for earlier in range(later):
            difference, _, _, vision = closest([colours[earlier], colours[later]])
            if difference < APART:
                loc = ("theme", "series", later - 2) if later >= 2 else ("theme", "accent2")
                found.append(placed.problem(
                    loc, f"{colours[later]} looks like {names[earlier]} ({colours[earlier]}) "
                    f"to a visitor with {vision} (CIEDE2000 {difference:.1f}, under "
                    f"{APART:g}): charts would tell them apart by colour alone",
                    severity=Severity.WARNING))
    return found


SAFE_COLOURS = 7
"""Data colours a chart tells apart by colour alone (the built-in palette's, see
kiosk.show.theme.DATA_COLOURS); after them, a pattern helps."""


def _shown(path: Path, installation: Installation) -> str:
    try:
        return str(path.relative_to(installation.root.resolve()))
    except ValueError:
        return str(path)


def check(paths: list[Path], installation: Installation | None = None) -> Report:
    """Check each path: decks, and configs with the decks they play."""
    run = _Run(installation or find_config(None))
    files, problems = expand(paths)
    run.report.problems.extend(problems)
    for path in files:
        run.file(path)
    run.report.sort()
    return run.report
