"""Load a deck file: read, validate, check translations and assets; all problems at once."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from kiosk.deck import assets, explain, glyphs, pictures, reader
from kiosk.deck.assets import AssetRef
from kiosk.deck.errors import DeckError, Problem, Severity
from kiosk.deck.model import Deck, ImageVisual
from kiosk.deck.reader import Document, Loc
from kiosk.deck.text import Text


@dataclasses.dataclass(frozen=True)
class LoadedDeck:
    """A valid deck with where it came from and what ``check`` should warn about."""

    deck: Deck
    path: Path
    warnings: tuple[Problem, ...]
    assets: dict[str, Path | None]
    """Every asset reference and the file it resolves to (None: missing at run time)."""
    document: Document = dataclasses.field(repr=False, compare=False)


def validate(doc: Document, model: type[BaseModel]) -> BaseModel:
    """The document as ``model``, or a DeckError with every problem found."""
    problems = list(doc.problems)
    try:
        value = model.model_validate(doc.data)
    except ValidationError as exc:
        raise DeckError(problems + explain.problems(doc, model, exc)) from None
    if any(p.severity is Severity.ERROR for p in problems):
        raise DeckError(problems)
    return value


def load_deck(
    path: Path, asset_roots: list[Path] | None = None, *, strict_assets: bool = True
) -> LoadedDeck:
    """Read and validate the deck at ``path``.

    ``asset_roots`` are searched after the deck's own folder. A missing asset, or a
    picture that cannot draw (``kiosk.deck.pictures``), is an error with
    ``strict_assets`` (as for ``kiosk check``); otherwise it is a warning and the show
    draws a placeholder in its place.
    """
    doc = reader.read(path)
    deck = validate(doc, Deck)
    assert isinstance(deck, Deck)
    roots = [path.parent, *(asset_roots or [])]
    warnings = [*_translation_warnings(doc, deck), *_glyph_warnings(doc, deck)]
    errors: list[Problem] = []
    resolved: dict[str, Path | None] = {}
    named = {visual.src for _, visual in walk(deck, ImageVisual)}
    for loc, ref in walk(deck, AssetRef):
        found, why = assets.resolve(ref, roots)
        resolved[ref] = found
        if why is None and found is not None and ref in named:
            why = pictures.check(ref, found)  # a picture that cannot draw
        if why is not None:
            problem = doc.problem(loc, why, severity=Severity.ERROR if strict_assets
                                  else Severity.WARNING)
            (errors if strict_assets else warnings).append(problem)
    if errors:
        raise DeckError(errors + warnings)
    return LoadedDeck(deck, path, tuple(sorted(set(warnings))), resolved, doc)


def _translation_warnings(doc: Document, deck: Deck) -> Iterator[Problem]:
    for loc, text in walk(deck, Text):
        missing = text.missing(deck.languages)
        if missing:
            fallback = deck.default_language
            shown = ", ".join(f"'{m}'" for m in missing)
            yield doc.problem(loc, f"no {shown} translation; the show falls back to "
                                   f"'{fallback}' here", severity=Severity.WARNING)
        extra = [lang for lang in text if lang not in deck.languages]
        if extra:
            shown = ", ".join(f"'{e}'" for e in extra)
            yield doc.problem(loc, f"language {shown} is not one of the deck's languages "
                                   f"{deck.languages}", severity=Severity.WARNING)


def _glyph_warnings(doc: Document, deck: Deck) -> Iterator[Problem]:
    for loc, text in walk(deck, Text):
        gaps = [c for s in text.all_strings() for c in glyphs.missing(s)]
        if gaps:
            shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in dict.fromkeys(gaps))
            yield doc.problem(loc, f"the shipped font cannot draw {shown}: it would show as "
                                   "a box; rewrite it or add it to the font "
                                   "(assets/fonts/README.md)", severity=Severity.WARNING)


def walk(value: Any, kind: type, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every value of type ``kind`` inside a model, with its YAML location."""
    if isinstance(value, kind):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            if name in value.model_fields_set or field.default is not None:
                yield from walk(getattr(value, name), kind, (*loc, field.alias or name))
    elif isinstance(value, list | tuple):
        for n, item in enumerate(value):
            yield from walk(item, kind, (*loc, n))
