"""Live content updates: new decks, configs and pictures taken without a restart.

Files are polled on the show's clock; once a change has settled, the whole update is
loaded and checked (deck, config, every asset present, every picture whole and decoded).
A good update waits for the next slide change to be swapped in; a broken or half-copied
one is logged (and shown in a banner when windowed) while the last good deck plays on.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from kiosk.config import Config, Installation, deck_problems, load_config
from kiosk.deck.assets import named_files
from kiosk.deck.errors import DeckError
from kiosk.deck.load import LoadedDeck, load_deck
from kiosk.play.watch import Watch
from kiosk.show import pictures

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Update:
    """A checked update, ready to swap in."""

    loaded: LoadedDeck
    config: Config
    other_deck: bool = False
    """Another deck than the one on screen (the config's ``deck:`` changed): shown from
    its first slide."""


class Reloader:
    """Watches an installation's files and produces checked updates."""

    def __init__(self, installation: Installation, deck_path: Path, *, now: float,
                 refs: Iterable[str] = (), interval: float = 1.0,
                 settle: float = 2.0) -> None:
        self.installation = installation
        self.deck_path = deck_path
        self.shown = deck_path.resolve()
        """The deck of the last good update: the one on screen, or soon."""
        self.own = deck_path.resolve() == installation.deck_path
        """Whether the deck is the config's own (not one given on the command line, nor
        the schedule's): a new ``deck:`` in the config is then followed."""
        self.refs = set(refs)
        """The files the deck names (pictures): watched where they are or would be."""
        self.awaited: list[Path] = []
        """Scheduled decks a new config names that are not there yet: their arrival
        brings that config in."""
        self.watch = Watch(self._paths, now=now, interval=interval, settle=settle)
        self.last_error: str | None = None

    def _paths(self) -> Iterator[Path]:
        """The config, the deck, and each file the deck names, in each folder it may be
        found in, with that folder (a file arriving changes it): only what the deck
        uses, however many other files lie beside it."""
        if self.installation.path is not None:
            yield self.installation.path
        yield self.deck_path
        yield from self.awaited
        roots = (self.deck_path.parent, *self.installation.asset_roots)
        for ref in self.refs:
            for root in roots:
                yield root / ref
                yield (root / ref).parent

    def poll(self, now: float) -> Update | None:
        """A new good update, if one has arrived and settled since the last poll."""
        if not self.watch.poll(now):
            return None
        try:
            update = self._load()
        except DeckError as exc:
            self._reject(str(exc.errors[0] if exc.errors else exc))
            return None
        except UpdateError as exc:
            self._reject(str(exc))
            return None
        self.last_error = None
        log.info("content update checked: %d slides, swapped in at the next slide",
                 len(update.loaded.deck.slides))
        return update

    def switch(self, deck: str | None) -> Update | None:
        """Play another deck (from the schedule), relative to the config; None for the
        config's own. The switch waits for a good load like any update."""
        base = self.installation.root
        self.deck_path = (base / deck).resolve() if deck else self.installation.deck_path
        self.own = deck is None
        try:
            update = self._load()
        except (DeckError, UpdateError) as exc:
            self._reject(f"scheduled deck {self.deck_path.name}: {exc}")
            return None
        self.watch.rebase()
        log.info("schedule: %s from the next slide", self.deck_path.name)
        return update

    def _reject(self, why: str) -> None:
        if why != self.last_error:
            log.warning("content update rejected, the last good deck plays on: %s", why)
        self.last_error = why

    def _load(self) -> Update:
        installation = self.installation
        if installation.path is not None:
            installation = load_config(installation.path)
            if self.own and installation.deck_path != self.deck_path:
                log.info("config: the deck is now %s", installation.config.deck)
                self.deck_path = installation.deck_path
        try:
            loaded = load_deck(self.deck_path, installation.asset_roots, strict_assets=True)
        except DeckError:
            self.refs = named_files(self.deck_path)  # watch for what it still lacks
            raise
        self.refs = set(loaded.assets)
        # Pictures passed their byte check in load_deck (a half-copied one is "cut off":
        # rejected, and taken when the watch sees it change); now each is decoded.
        broken = pictures.deck_problems(loaded, pictures.PROBE)
        here = self.deck_path.resolve()
        where = next((loc for loc, path in installation.decks() if path == here), None)
        if where is not None:  # as kiosk check says (a deck given on the command line
            broken += deck_problems(installation, where, loaded.deck)  # is not the config's)
        if broken:
            raise UpdateError(str(broken[0]))
        missing = [(loc, path) for loc, path in installation.decks()
                   if path != here and not path.is_file()]  # a schedule naming a deck
        self.awaited = [path for _, path in missing]  # not there (yet)
        if missing:
            loc, path = missing[0]
            why = f"deck '{path.name}' not found"
            document = installation.document
            raise UpdateError(str(document.problem(loc, why)) if document else why)
        self.installation = installation
        other_deck, self.shown = here != self.shown, here
        return Update(loaded, installation.config, other_deck)


class UpdateError(Exception):
    """An update that is not complete or not readable."""
