"""An installation: a config, where it is, the decks it plays and how they fit it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kiosk import resources
from kiosk.config.model import Config
from kiosk.deck import reader
from kiosk.deck.errors import Problem
from kiosk.deck.load import validate
from kiosk.deck.model import Deck


@dataclasses.dataclass(frozen=True)
class Installation:
    """A config and the folder its relative paths start from."""

    config: Config
    path: Path | None
    """The config file, or None for built-in defaults."""
    document: reader.Document | None = dataclasses.field(default=None, repr=False,
                                                         compare=False)
    """The config as read, with the places of its values (None for the defaults)."""

    @property
    def root(self) -> Path:
        """Folder that the deck path and ``assets/`` are relative to."""
        return self.path.parent if self.path else resources.data_root()

    @property
    def deck_path(self) -> Path:
        """The deck file this installation plays."""
        return (self.root / self.config.deck).resolve()

    def decks(self) -> list[tuple[reader.Loc, Path]]:
        """Every deck this installation may play, with where the config names it: its
        own, then the schedule's."""
        found: list[tuple[reader.Loc, Path]] = [(("deck",), self.deck_path)]
        schedule = self.config.schedule
        for n, rule in enumerate(schedule.decks if schedule else []):
            found.append((("schedule", "decks", n, "deck"), (self.root / rule.deck).resolve()))
        return found

    @property
    def asset_roots(self) -> list[Path]:
        """Folders searched for assets after the deck's own."""
        roots = [self.root / "assets", resources.data_root() / "assets"]
        unique: list[Path] = []
        for root in roots:
            if root.is_dir() and root.resolve() not in [u.resolve() for u in unique]:
                unique.append(root)
        return unique


def load_config(path: Path) -> Installation:
    """Read and validate ``path``; raise DeckError with every problem."""
    return installation_of(reader.read(path))


def installation_of(document: reader.Document) -> Installation:
    """A config file already read, validated; DeckError with every problem."""
    config = validate(document, Config)
    assert isinstance(config, Config)
    return Installation(config, document.path, document)


def home_language(config: Config, deck: Deck) -> str:
    """The language the show starts in and goes back to: the config's, when the deck
    has it, else the deck's own default."""
    wanted = config.languages.default
    return wanted if wanted in deck.languages else deck.default_language


def offered_languages(config: Config, deck: Deck) -> list[str]:
    """The languages the show offers: the config's that the deck has, or the deck's."""
    languages = config.languages.offered or deck.languages
    return [lang for lang in languages if lang in deck.languages] or [deck.default_language]


def deck_problems(installation: Installation, where: reader.Loc, deck: Deck, *,
                  languages: bool = True, name: str | None = None) -> list[Problem]:
    """What of the config does not fit ``deck``, one of the decks it plays (named at
    ``where``; or another, called ``name``): languages it does not have (unless not
    ``languages``: a broken deck's are not known), slides beyond its last."""
    config, doc = installation.config, installation.document
    if doc is None:
        return []
    named = f" of '{name or _name(installation, where)}'"
    found: list[Problem] = []
    langs = config.languages
    has = ", ".join(f"'{lang}'" for lang in deck.languages)
    if languages and langs.default is not None and langs.default not in deck.languages:
        found.append(doc.problem(("languages", "default"), f"language '{langs.default}' is "
                                 f"not one of the languages ({has}){named}"))
    for n, lang in enumerate(langs.offered or [] if languages else []):
        if lang not in deck.languages:
            found.append(doc.problem(("languages", "offered", n), f"language '{lang}' is not "
                                     f"one of the languages ({has}){named}"))
    count = len(deck.slides)
    slides: list[tuple[reader.Loc, int]] = [(("kiosk", "home"), config.kiosk.home)]
    slides += [(("show", "menu", n), number) for n, number in enumerate(config.show.menu)]
    if config.schedule is not None and isinstance(config.schedule.outside, int):
        slides.append((("schedule", "outside"), config.schedule.outside))
    for loc, number in slides:
        if number > count:
            found.append(doc.problem(loc, f"slide {number} does not exist: the deck{named} "
                                     f"has {count} slide{'s' * (count != 1)}"))
    return found


def _name(installation: Installation, where: reader.Loc) -> str:
    if where == ("deck",):
        return installation.config.deck
    schedule = installation.config.schedule
    assert schedule is not None
    return schedule.decks[int(where[2])].deck


def find_config(explicit: Path | None, cwd: Path | None = None) -> Installation:
    """The config to use: ``--config``, else ``./config.yaml`` (or ``./config.yml``),
    else the bundled one."""
    if explicit is not None:
        return load_config(explicit)
    for name in ("config.yaml", "config.yml"):
        local = (cwd or Path.cwd()) / name
        if local.is_file():
            return load_config(local)
    bundled = resources.data_root() / "config.yaml"
    if bundled.is_file():
        return load_config(bundled)
    return Installation(Config(), None)
