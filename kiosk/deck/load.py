"""Load a deck file: read, validate, check translations and assets; all problems at once."""

from __future__ import annotations

import copy
import dataclasses
import difflib
import itertools
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from kiosk.deck import (
    assets,
    captions,
    documents,
    explain,
    fields,
    glyphs,
    pictures,
    reader,
    sounds,
    videos,
)
from kiosk.deck.assets import AssetRef
from kiosk.deck.errors import DeckError, Problem, Severity
from kiosk.deck.model import (
    Deck,
    Filmed,
    PdfSlide,
    Pictured,
    Slide,
    TitleSlide,
    VideoSlide,
)
from kiosk.deck.numbers import magnitude, year_number
from kiosk.deck.precision import EXACT_DIGITS, MAX_DECIMALS, decimals_of, shown_digits
from kiosk.deck.reader import Document, Loc
from kiosk.deck.text import Text, is_han
from kiosk.deck.timing import motion_end


@dataclasses.dataclass(frozen=True)
class LoadedDeck:
    """A valid deck with where it came from and what ``check`` should warn about."""

    deck: Deck
    path: Path
    warnings: tuple[Problem, ...]
    assets: dict[str, Path | None]
    """Every asset reference and the file it resolves to (None: missing at run time)."""
    document: Document = dataclasses.field(repr=False, compare=False)


_SLIDE: TypeAdapter[Any] = TypeAdapter(Slide)


def validate(doc: Document, model: type[BaseModel]) -> BaseModel:
    """The document as ``model``, or a DeckError with every problem found."""
    value, problems, _ = _validated(doc, model)
    if value is None or any(p.severity is Severity.ERROR for p in problems):
        raise DeckError(problems)
    return value


def _validated(
    doc: Document, model: type[BaseModel]
) -> tuple[BaseModel | None, list[Problem], Any]:
    """The document as ``model`` (None if invalid), every problem found, and the data
    without its unknown keys.

    An object's cross-field rules run only once all its keys are known and valid: with
    the unknown keys taken out, validation runs again so that those rules speak too.
    """
    problems = list(doc.problems)
    try:
        return model.model_validate(doc.data), problems, doc.data
    except ValidationError as exc:
        problems += explain.problems(doc, model, exc)
        pruned = _without_unknown_keys(doc, model, exc)
        moved = explain.moved_out(doc, model, exc)
    if pruned is not doc.data:
        try:
            model.model_validate(pruned)
        except ValidationError as again:
            problems += explain.problems(doc, model, again, moved)
    return None, sorted(set(problems)), pruned


def _without_unknown_keys(doc: Document, model: type[BaseModel], exc: ValidationError) -> Any:
    """A copy of the document's data without the keys ``exc`` found unknown, and with
    each list too long cut to the most it may hold, so that what is inside is checked
    too (the data itself when there are none)."""
    unknown, long = [], []
    meant: dict[Loc, str] = {}
    for error in exc.errors(include_url=False):
        if error["type"] == "extra_forbidden":
            place = fields.locate(model, doc.data, error["loc"])
            unknown.append(place.loc)
            close = difflib.get_close_matches(str(place.loc[-1]), place.keys(), n=1,
                                              cutoff=0.75)
            if close:  # (a key mistyped: read as meant for what is inside, so that
                meant[place.loc] = close[0]  # 'langauges: [zh, en]' does not make every
                # English text an error too, trial 22)
        elif error["type"] == "too_long":
            place = fields.locate(model, doc.data, error["loc"])
            long.append((place.loc, place.limits()[1]))
    if not unknown and not long:
        return doc.data
    data = copy.deepcopy(doc.data)
    for loc in unknown:
        holder = fields.lookup(data, loc[:-1])
        if isinstance(holder, dict):
            value = holder.pop(loc[-1], None)
            if loc in meant and meant[loc] not in holder:
                holder[meant[loc]] = value
    for loc, most in long:
        items = fields.lookup(data, loc)
        if isinstance(items, list) and most is not None:
            del items[most:]
    return data


VALUE_KEYS = frozenset({"value", "values", "before", "after"})
"""The keys under which a figure's or a chart's numbers are written."""


def _as_written(doc: Document) -> Document:
    """The document with ``decimals`` given to each figure and chart that does not say
    them but writes a number with zeros at the end of its decimals (10.0 beside 12.5,
    as the source prints them: the number alone is 10): as many as its numbers are
    written with, the most of them."""
    if not doc.written_decimals:
        return doc
    data = copy.deepcopy(doc.data)
    holders = dict(_holders(data, ()))
    counts: dict[Loc, list[int]] = {}
    for where, count in doc.written_decimals.items():  # (each number to its holder)
        at = next((n for n in range(len(where) - 1, 0, -1) if where[:n] in holders), 0)
        if at and VALUE_KEYS & set(where[at:]):
            counts.setdefault(where[:at], []).append(count)
    for loc, written in counts.items():
        holder = holders[loc]
        if "decimals" not in holder:
            numbers = [v for where, v in _every(holder, ()) if VALUE_KEYS & set(where)
                       and isinstance(v, float) and math.isfinite(v)]
            decimals = min(MAX_DECIMALS, max([*written, *map(decimals_of, numbers)]))
            if all(shown_digits(v, decimals) <= EXACT_DIGITS for v in numbers):
                holder["decimals"] = decimals  # (not past the digits a number is exact to)
    return dataclasses.replace(doc, data=data)


def _holders(data: Any, loc: Loc) -> Iterator[tuple[Loc, dict[str, Any]]]:
    """The figures (items of a ``figures`` list), charts (a ``chart`` with a ``kind``)
    and a compare chart's rows (unless the chart gives its ``decimals``) in plain data,
    with their locations."""
    if isinstance(data, dict):
        if (loc[-1:] == ("chart",) and data.get("kind") == "compare"
                and "decimals" not in data and isinstance(data.get("items"), list)):
            for n, item in enumerate(data["items"]):  # (each row a measure of its own:
                if isinstance(item, dict):  # 48 beside 86.0 is not 48.0)
                    yield (*loc, "items", n), item
            return
        if (len(loc) >= 2 and loc[-2] == "figures") or (loc[-1:] == ("chart",)
                                                         and "kind" in data):
            yield loc, data
            return
        for key, item in data.items():
            yield from _holders(item, (*loc, key))
    elif isinstance(data, list):
        for n, item in enumerate(data):
            yield from _holders(item, (*loc, n))


def load_deck(
    path: Path, asset_roots: list[Path] | None = None, *, strict_assets: bool = True
) -> LoadedDeck:
    """Read and validate the deck at ``path``.

    ``asset_roots`` are searched after the deck's own folder. A missing asset, or a
    picture that cannot draw (``kiosk.deck.pictures``), is an error with
    ``strict_assets`` (as for ``kiosk check``); otherwise it is a warning and the show
    draws a placeholder in its place.

    All problems come at once: when the deck is invalid, the slides that are valid on
    their own still have their assets, pictures, translations and glyphs checked, and
    the DeckError carries that part of the deck (``partial``).
    """
    doc = _as_written(reader.read(path))
    roots = [path.parent, *(asset_roots or [])]
    deck, problems, data = _validated(doc, Deck)
    if deck is None or any(p.severity is Severity.ERROR for p in problems):
        raise _invalid(doc, data, problems, roots, strict_assets)
    assert isinstance(deck, Deck)
    warnings, errors, resolved = _checks(doc, deck, roots, strict_assets)
    if errors:  # with the part that passed, so that its pictures are decoded too
        partial = LoadedDeck(deck, path, tuple(warnings), _usable(deck, resolved), doc)
        raise DeckError(errors + warnings, partial=partial)
    deck = _timed_by_their_videos(deck, resolved)
    deck, document = _pages_as_slides(deck, resolved, doc)
    return LoadedDeck(deck, path, tuple(sorted(set(warnings))), resolved, document)


def _pages_as_slides(deck: Deck, resolved: dict[str, Path | None], doc: Document
                     ) -> tuple[Deck, Document]:
    """The deck with each PDF slide made one slide per page it shows (a missing or broken
    PDF: one slide, a placeholder); the document told where each page's slide comes
    from, so that a message about page 3 names the PDF slide's line."""
    if not any(isinstance(slide, PdfSlide) for slide in deck.slides):
        return deck, doc
    slides: list[Any] = []
    origins: list[int] = []
    for n, slide in enumerate(deck.slides):
        if not isinstance(slide, PdfSlide):
            slides.append(slide)
            origins.append(n)
            continue
        path = resolved.get(slide.src)
        sizes = documents.probe(path) if path is not None else "is missing"
        pages = slide.pages or (list(range(1, len(sizes) + 1)) if isinstance(sizes, tuple)
                                else [1])
        for page in pages:
            slides.append(slide.model_copy(update={
                "pages": [page], "id": f"{slide.id}-{page}" if slide.id and len(pages) > 1
                else slide.id}))
            origins.append(n)
    return deck.model_copy(update={"slides": slides}), doc.renumbered(origins)


def _timed_by_their_videos(deck: Deck, resolved: dict[str, Path | None]) -> Deck:
    """The deck with each ``advance: end`` video slide lasting as long as its video (a
    missing or broken video: the deck's duration, as for any slide)."""
    slides = list(deck.slides)
    for n, slide in enumerate(slides):
        if isinstance(slide, VideoSlide) and slide.advance == "end" and not slide.duration:
            path = resolved.get(slide.src)
            info = videos.probe(path) if path is not None else None
            if isinstance(info, videos.VideoInfo):
                slides[n] = slide.model_copy(update={"duration": info.duration})
    return deck if slides == list(deck.slides) else deck.model_copy(update={"slides": slides})


def _invalid(doc: Document, data: Any, problems: list[Problem], roots: list[Path],
             strict_assets: bool) -> DeckError:
    """The DeckError of an invalid deck, with the problems of its valid slides."""
    deck, head = _salvage(data)
    languages_known = True
    if head is not None:  # the deck's own keys are wrong too: its texts are checked only
        problems = problems + explain.problems(doc, Deck, head)  # where its languages
        written = data.get("languages") if isinstance(data, dict) else None  # are as
        languages_known = isinstance(written, list) and written == deck.languages and \
            not any(e["loc"] and e["loc"][0] in ("language", "languages", "title")
                    for e in head.errors())  # written (a comma in the title misread them)
    warnings, errors, resolved = _checks(doc, deck, roots, strict_assets,
                                         translations=languages_known)
    partial = LoadedDeck(deck, doc.path, tuple(warnings), _usable(deck, resolved), doc)
    return DeckError([*problems, *errors, *warnings], partial=partial)


def _usable(deck: Deck, resolved: dict[str, Path | None]) -> dict[str, Path | None]:
    """The assets found whose bytes pass (pictures still to be decoded)."""
    named = {visual.src for _, visual in walk(deck, Pictured)}
    return {ref: found for ref, found in resolved.items() if found is not None
            and (ref not in named or pictures.check(ref, found) is None)}


def _salvage(data: Any) -> tuple[Deck, ValidationError | None]:
    """The deck with each slide that is invalid on its own replaced by a blank one, and
    why the deck's own keys are invalid (None: they are valid)."""
    slides = data.get("slides") if isinstance(data, dict) else None
    valid: list[Any] = []
    for item in slides if isinstance(slides, list) else []:
        try:
            valid.append(_SLIDE.validate_python(item))
        except ValidationError as exc:
            valid.append(_without_faults(item, exc))
    blank = TitleSlide(type="title", title=Text(""))
    whole = [slide or blank for slide in valid] or [blank]
    head = {**data, "slides": whole} if isinstance(data, dict) else data
    try:
        return Deck.model_validate(head), None
    except ValidationError as exc:
        bare = Deck.model_construct(title=Text(""), slides=whole)
        faulty = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
        if not isinstance(head, dict) or "slides" in faulty:
            return bare, exc
        try:  # (without its faulty keys, as for a slide: a mistyped duration in
            return Deck.model_validate({key: value for key, value in head.items()  # its
                                        if key not in faulty}), exc  # 'defaults' no
        except ValidationError:  # longer hides the translations' warnings until a
            return bare, exc  # second run, trial 21)


def _without_faults(item: Any, error: ValidationError, tries: int = 3) -> Any:
    """An invalid slide without the keys its errors are in, when that makes it valid (an
    image whose ``focus`` is out of range still has its ``src`` checked, in the same
    run: every problem at once); None when it does not."""
    if not isinstance(item, dict):
        return None
    keys = set()
    for found in error.errors():
        loc = [part for part in found["loc"] if part != item.get("type")]
        if not loc or loc[0] in ("type", "src") or loc[0] not in item:
            return None  # (what the slide is, or its file: nothing left to check)
        keys.add(loc[0])
    rest = {key: value for key, value in item.items() if key not in keys}
    try:
        return _SLIDE.validate_python(rest)
    except ValidationError as again:
        return _without_faults(rest, again, tries - 1) if tries > 1 else None


def _checks(doc: Document, deck: Deck, roots: list[Path], strict_assets: bool, *,
            translations: bool = True
            ) -> tuple[list[Problem], list[Problem], dict[str, Path | None]]:
    """Warnings, errors and resolved assets of a deck's texts, assets and pictures."""
    warnings = [*(_translation_warnings(doc, deck) if translations else ()),
                *_glyph_warnings(doc, deck), *_timing_warnings(doc, deck),
                *_funnel_warnings(doc, deck), *_waffle_warnings(doc, deck),
                *_magnitude_warnings(doc, deck),
                *_number_warnings(doc, deck),
                *_year_order_warnings(doc, deck)]
    errors: list[Problem] = [*_id_errors(doc),  # (and what is said of its texts as an
                             *(p for p in warnings if p.severity is Severity.ERROR)]  # error)
    warnings = [p for p in warnings if p.severity is not Severity.ERROR]
    resolved: dict[str, Path | None] = {}
    named = {visual.src for _, visual in walk(deck, Pictured)} | {
        video.poster for _, video in walk(deck, Filmed) if getattr(video, "poster", None)}
    filmed = {video.src for _, video in walk(deck, Filmed)}
    heard = {ref for slide in deck.slides for ref in (slide.narration or {}).values()}
    captioned = {ref for slide in deck.slides for ref in (slide.captions or {}).values()}
    errors += _language_keys(doc, deck)
    documents_named = {slide.src for slide in deck.slides if isinstance(slide, PdfSlide)}
    for loc, ref in walk(deck, AssetRef):
        found, why = assets.resolve(ref, roots)
        resolved[ref] = found
        if why is None and found is not None and ref in named:
            why = pictures.check(ref, found)  # a picture that cannot draw
            if why is None and (misnamed := pictures.misnamed(ref, found)) is not None:
                warnings.append(doc.problem(loc, misnamed, severity=Severity.WARNING))
        if why is None and found is not None and ref in filmed:
            why = videos.check(ref, found)  # a video that will not play
        if why is None and found is not None and ref in heard:
            why = sounds.check(ref, found)  # an audio guide that will not play
        if why is None and found is not None and ref in captioned:
            said = captions.load(found)[1]  # said at their own lines; on a running show
            (errors if strict_assets else warnings).extend(  # (not a check): the cues
                said if strict_assets else _lowered(said))   # that read are shown
        if why is None and found is not None and ref in documents_named:
            why = documents.check(ref, found, None)
        if why is not None:
            problem = doc.problem(loc, why, severity=Severity.ERROR if strict_assets
                                  else Severity.WARNING)
            (errors if strict_assets else warnings).append(problem)
    missing = list(_missing_pages(doc, deck, resolved))  # (on a show: a placeholder)
    (errors if strict_assets else warnings).extend(missing if strict_assets
                                                   else _lowered(missing))
    warnings += _silent_videos(doc, deck, resolved)
    warnings += _guide_warnings(doc, deck, resolved)
    return warnings, errors, resolved


def _guide_warnings(doc: Document, deck: Deck, resolved: dict[str, Path | None]
                    ) -> Iterator[Problem]:
    """Audio guides the loop would cut short, a language without its guide, a guide
    beside a video that offers its own sound, and ``advance: end`` a duration overrides."""
    default = deck.default_language
    for n, slide in enumerate(deck.slides):
        if isinstance(slide, VideoSlide) and slide.advance == "end" and slide.duration:
            yield doc.problem(("slides", n, "duration"), f"duration {slide.duration:g} s "
                              "overrides advance: end (the loop leaves after it, not when "
                              "the video ends): leave one of them out",
                              severity=Severity.WARNING)
        guides = slide.narration or {}
        if not guides:
            continue
        for language in deck.languages:
            if language not in guides:
                yield doc.problem(("slides", n, "narration"), f"no audio guide in "
                                  f"'{language}': a visitor who reads it hears nothing",
                                  severity=Severity.WARNING)
        path = resolved.get(guides.get(default, ""))  # (the loop plays in the default
        length = sounds.probe(path) if path is not None else None  # language)
        stay = deck.slide_duration(slide) * deck.slide_steps(slide)  # (all of a gallery)
        film = resolved.get(slide.src) if isinstance(slide, VideoSlide) and \
            slide.advance == "end" and not slide.duration else None
        if film is not None and isinstance(info := videos.probe(film), videos.VideoInfo):
            stay = info.duration  # (the loop leaves when the video ends)
        if isinstance(length, float) and length > stay:
            yield doc.problem(("slides", n, "narration", default), f"the audio guide lasts "
                              f"{length:.1f} s but slide {n + 1} stays {stay:.3g} s in the "
                              "loop, which leaves it mid-sentence: give the slide a duration "
                              f"of at least {math.ceil(length) + 1} s",
                              severity=Severity.WARNING)
        if isinstance(slide, VideoSlide) and slide.sound:
            yield doc.problem(("slides", n, "sound"), "a tap for the video's sound stops "
                              "this slide's audio guide (one sound plays at a time)",
                              severity=Severity.WARNING)


def _lowered(problems: list[Problem]) -> list[Problem]:
    """The problems as warnings: what a running show plays around (a caption file's cue
    that does not read, a page a PDF lacks), which ``kiosk check`` calls errors."""
    return [dataclasses.replace(p, severity=Severity.WARNING) for p in problems]


def _silent_videos(doc: Document, deck: Deck, resolved: dict[str, Path | None]
                   ) -> Iterator[Problem]:
    """A video slide that offers its sound on a tap, whose file has no sound track."""
    for n, slide in enumerate(deck.slides):
        path = resolved.get(slide.src) if isinstance(slide, VideoSlide) else None
        if path is None or not isinstance(slide, VideoSlide) or not slide.sound:
            continue
        info = videos.probe(path)
        if isinstance(info, videos.VideoInfo) and not info.sound:
            yield doc.problem(("slides", n, "sound"), f"video '{slide.src}' has no sound "
                              "track: a tap on it has nothing to play", severity=Severity.WARNING)


def _missing_pages(doc: Document, deck: Deck, resolved: dict[str, Path | None]
                   ) -> Iterator[Problem]:
    """Pages a PDF slide asks for that its PDF does not have, at each page asked for."""
    for n, slide in enumerate(deck.slides):
        path = resolved.get(slide.src) if isinstance(slide, PdfSlide) else None
        if path is None or not isinstance(slide, PdfSlide):
            continue
        sizes = documents.probe(path)
        if not isinstance(sizes, tuple):
            continue
        for k, page in enumerate(slide.pages or []):
            if page > len(sizes):
                yield doc.problem(("slides", n, "pages", k), documents.check(
                    slide.src, path, [page]) or "")


def _language_keys(doc: Document, deck: Deck) -> Iterator[Problem]:
    """Narration, captions, a figure's ``values`` or a chart's ``scale`` for a language
    the deck does not have (``values: {fr: 32000}`` left the English figure at 3.2)."""
    found: list[tuple[Loc, str]] = []
    for n, slide in enumerate(deck.slides):
        for field in ("narration", "captions"):
            found += [(("slides", n, field), language)
                      for language in getattr(slide, field) or {}]
    for loc, per_language in walk(deck, dict):
        if loc and loc[-1] in ("values", "scale"):
            found += [(loc, language) for language in per_language]
    written = doc.data.get("languages") if isinstance(doc.data, dict) else None
    languages = list(deck.languages)  # (as written too: a deck checked again without
    if isinstance(written, list):  # its faulty keys has the model's default languages)
        languages += [w for w in written if isinstance(w, str) and w not in languages]
    for loc, language in found:
        if language not in languages:
            listed = next((f": is the deck's '{lang}' meant as '{language}'?" for lang in
                           languages if LANGUAGE_NAMES.get(lang.lower()) == language), "")
            yield doc.problem((*loc, language), f"'{language}' is not one of the deck's "
                              f"languages ({', '.join(languages)}){listed}", key=True)


def _id_errors(doc: Document) -> Iterator[Problem]:
    """Two slides of one name: a jump or the visitor log could not tell them apart (of
    every slide as written, valid or not)."""
    slides = doc.data.get("slides") if isinstance(doc.data, dict) else None
    first: dict[str, int] = {}
    for n, slide in enumerate(slides if isinstance(slides, list) else []):
        name = slide.get("id") if isinstance(slide, dict) else None
        if not isinstance(name, str):
            continue
        if name in first:
            yield doc.problem(("slides", n, "id"), f"id '{name}' is slide "
                              f"{first[name] + 1}'s already: each slide needs its own")
        else:
            first[name] = n


def _timing_warnings(doc: Document, deck: Deck) -> Iterator[Problem]:
    """A slide the loop leaves before what moves on it has come to rest."""
    for n, slide in enumerate(deck.slides):
        end, stay = motion_end(slide), deck.slide_duration(slide)
        if end > stay:
            where = ("slides", n, "duration") if slide.duration else ("slides", n)
            yield doc.problem(where, f"slide {n + 1} stays {stay:g} s in the loop but moves "
                                     f"until {end:.2f} s: the loop leaves it before its "
                                     "figures or chart show their final values; give it a "
                                     f"duration of at least {math.ceil(end) + 2} s",
                              severity=Severity.WARNING)


def _funnel_warnings(doc: Document, deck: Deck) -> Iterator[Problem]:
    """A funnel that widens: its shape says each stage comes out of the one before."""
    from kiosk.deck.charts import FunnelChart

    for loc, funnel in walk(deck, FunnelChart):
        units = {n: (stage.unit or funnel.unit) for n, stage in enumerate(funnel.stages)}
        said = {n: unit.get_text(deck.default_language, deck.default_language)
                if unit else "" for n, unit in units.items()}
        if len(set(said.values())) > 1:  # (buds and jin, drawn to one scale)
            first = said[0]
            n = next(n for n, text in said.items() if text != first)
            shown = ", ".join(f"'{t}'" for t in dict.fromkeys(said.values()) if t) or "none"
            yield doc.problem((*loc, "stages", n), (
                f"the stages are counted in different units ({shown}), yet drawn to one "
                "scale as one quantity narrowing: a funnel's stages are one kind of thing "
                "(a bar chart or figures show several)"), severity=Severity.WARNING)
        for n, (before, stage) in enumerate(itertools.pairwise(funnel.stages), 1):
            if stage.value > before.value:
                yield doc.problem((*loc, "stages", n, "value"),
                                  f"stage {n + 1} ({stage.value:g}) is more than stage {n} "
                                  f"({before.value:g}): a funnel draws each stage out of the "
                                  "one before; a bar chart compares them",
                                  severity=Severity.WARNING)


def _waffle_warnings(doc: Document, deck: Deck) -> Iterator[Problem]:
    """A waffle whose cell stands for several, with no unit to say of what (每格代表4);
    a proportion whose parts leave some of the total (drawn as "the rest")."""
    from kiosk.deck.charts import ProportionChart, waffle_cells

    for loc, chart in walk(deck, ProportionChart):
        rest = chart.rest
        if rest >= chart.total.value * REST_SAID:  # (a grey "The rest (21%)" the curator
            yield doc.problem(  # never wrote, without a word, trial 41)
                (*loc, "parts"), f"the parts add up to {chart.total.value - rest:,g}, "
                f"the total is {chart.total.value:,g}: the other {rest:,g} are drawn in grey "
                "as 'the rest' (其余); give them a part of their own if they have a name",
                severity=Severity.WARNING)
        if chart.style != "waffle" or chart.unit is not None:
            continue
        per_cell = waffle_cells(chart.total.value, [p.value for p in chart.parts])[0]
        if per_cell > 1:
            yield doc.problem(loc, f"a cell of this waffle stands for {per_cell:,}, said "
                              f"without a unit (each cell: {per_cell:,} of what?): give "
                              "the chart the unit its numbers count, e.g. "
                              "unit: {zh: 人, en: people}",
                              severity=Severity.WARNING)


def _year_order_warnings(doc: Document, deck: Deck) -> Iterator[Problem]:
    """A line over years that go back (2024, then 2023): drawn left to right in the
    order written, it would show time running backwards; a line asked for ``labels``,
    which only bars write."""
    from kiosk.deck.charts import SeriesChart

    for loc, chart in walk(deck, SeriesChart):
        if chart.kind != "line":
            continue
        if chart.labels:  # (trial 19: said nothing, drew nothing)
            yield doc.problem((*loc, "labels"), "'labels' writes each bar's value at its "
                              "end: a line's values are read from its axis (or a bar chart "
                              "says each)", severity=Severity.WARNING)
        written = [c.get_text(deck.default_language, deck.default_language)
                   for c in chart.categories]
        years = [year_number(text) for text in written]  # (2024, 2024年, 486 BC)
        if None in years:
            continue
        for n, (before, year) in enumerate(itertools.pairwise(years), 1):
            if year is not None and before is not None and year <= before:
                yield doc.problem((*loc, "categories", n), f"'{written[n]}' comes after "
                                  f"'{written[n - 1]}': a line runs left to right through "
                                  "time; put the categories (and their values) in order",
                                  severity=Severity.WARNING)
                break


REST_SAID = 0.01
"""A proportion's parts that leave this share of its total or more are warned of (less
is a rounding: 33.3 + 33.3 + 33.3 of 100)."""

HAN_READERS = ("zh", "ja")
"""Languages whose visitors read Chinese characters: a plain Chinese text (one for every
language) is not a translation left out for them."""


def _translation_warnings(doc: Document, deck: Deck) -> Iterator[Problem]:
    others = [lang for lang in deck.languages if lang.split("-")[0] not in HAN_READERS]
    texts = list(walk(deck, Text))
    used = {lang for _loc, text in texts for lang in text}
    renamed = {lang: LANGUAGE_NAMES[lang.lower()] for lang in deck.languages
               if lang not in used and LANGUAGE_NAMES.get(lang.lower()) in used}
    for n, lang in enumerate(deck.languages):  # (languages: [zh, eng] with every text's
        if lang in renamed:  # en: 248 warnings, none of them at the list, trial 29)
            yield doc.problem(("languages", n), f"language '{lang}' is in no text; the texts "
                              f"write '{renamed[lang]}': did you mean '{renamed[lang]}'?")
    chinese = [(loc, text.neutral) for loc, text in texts if text.neutral is not None
               and others and any(map(is_han, text.neutral))]
    listed: dict[tuple[object, ...], list[tuple[object, ...]]] = {}
    for loc, _neutral in chinese:  # (a list's, as a line's years, said once: seven alike
        if loc and isinstance(loc[-1], int):  # warnings, one a year, trial 40)
            listed.setdefault(tuple(loc[:-1]), []).append(tuple(loc))
    for loc, neutral in chinese:
        many = listed.get(tuple(loc[:-1]), []) if loc and isinstance(loc[-1], int) else []
        if len(many) > 1 and tuple(loc) != many[0]:
            continue
        shown = " and ".join(f"'{m}'" for m in others)  # (title: 从帆船到集装箱:
        said = neutral if len(neutral) <= 24 else f"{neutral[:23]}…"
        which = f"'{said}' is" if len(many) < 2 else \
            f"'{said}' and the {len(many) - 1} after it are each"
        yield doc.problem(loc, f"{which} one text for every language: the {shown} show "
                          "writes it in Chinese; give each language its own, "
                          "{zh: ..., en: ...}", severity=Severity.WARNING)
    for loc, text in texts:
        missing = [lang for lang in text.missing(deck.languages) if lang not in renamed]
        extra = [lang for lang in text if lang not in deck.languages
                 and lang not in renamed.values()]  # (said once, at the list)
        meant = {lang: found for lang in extra
                 if (found := _meant_language(lang, missing)) is not None}
        missing = [lang for lang in missing if lang not in meant.values()]
        if missing:  # (not where a misspelt code says which it is: one warning, trial 28)
            shown = ", ".join(f"'{m}'" for m in missing)
            instead = deck.default_language if deck.default_language in text else next(
                iter(text))  # what Text.get_text falls back to
            yield doc.problem(loc, f"{fields.name(loc)}{fields.where(loc)} has no "
                              f"{shown} translation; the show shows the '{instead}' text "
                              "there", severity=Severity.WARNING)  # (which, trial 21)
        for lang in extra:
            guess = f" (did you mean '{meant[lang]}'?)" if lang in meant else ""
            yield doc.problem(loc, f"language '{lang}' is not one of the deck's languages "
                                   f"{deck.languages}{guess}", severity=Severity.WARNING)


LANGUAGE_NAMES = {"cn": "zh", "ch": "zh", "chs": "zh", "cht": "zh", "zho": "zh", "chi": "zh",
                  "chinese": "zh", "中文": "zh", "eng": "en", "english": "en", "jp": "ja",
                  "jpn": "ja", "kr": "ko", "kor": "ko", "ger": "de", "deu": "de", "fra": "fr",
                  "fre": "fr", "esp": "es", "spa": "es"}
"""Codes and names written for a language where its ISO 639-1 code is meant (cn: zh)."""


def _meant_language(written: str, missing: list[str]) -> str | None:
    """Which of the deck's languages a text lacks ``written`` is likely meant as (cn:
    zh, english: en, zh_CN: zh), if one."""
    key = written.lower().replace("_", "-")
    for lang in missing:
        base = lang.lower().split("-")[0]
        if LANGUAGE_NAMES.get(key) == base or key.split("-")[0] == base:
            return lang
    return None


ENGLISH_MAGNITUDES = ("thousand", "million", "billion", "trillion", "10k", "10,000", "万")
"""Words of an English unit that count in more than ones (10k visits, million yuan)."""


def _magnitude_warnings(doc: Document, deck: Deck) -> Iterator[Problem]:
    """A unit that counts in 万 or 亿 in Chinese and in ones in another language, with no
    number (``values``) or ``scale`` for that language: 3.2万件 would read "3.2 objects"."""
    from kiosk.deck.charts import ChartBase, CompareChart
    from kiosk.deck.model import Figure
    from kiosk.deck.numbers import english_magnitude

    found: list[tuple[Loc, Text | None, Any, str]] = [
        (loc, figure.unit, figure.values, "values") for loc, figure in walk(deck, Figure)]
    for loc, chart in walk(deck, ChartBase):
        found.append((loc, chart.unit, chart.scale, "scale"))
        if isinstance(chart, CompareChart):
            found += [((*loc, "items", n), item.unit, item.scale or chart.scale, "scale")
                      for n, item in enumerate(chart.items)]
        else:  # (a funnel's stages, a donut's parts, a network's groups: the chart's scale)
            for key in ("stages", "parts", "groups"):
                for n, item in enumerate(getattr(chart, key, None) or []):
                    found.append(((*loc, key, n), item.unit, chart.scale,
                                  "the chart a scale"))  # (a stage has none of its own)
                    found += [((*loc, key, n, "highlights", h), lit.unit, chart.scale,
                               "the chart a scale") for h, lit in enumerate(getattr(
                                   item, "highlights", []))]
    for loc, unit, given, own in found:
        chinese = unit.get_text("zh", deck.default_language) if unit else ""
        factor = magnitude(chinese)[0]
        if unit is None or factor == 1.0:
            continue
        for language in deck.languages:
            said = unit.get_text(language, deck.default_language)
            if language.startswith("zh") or language in (given or {}) or said == chinese:
                continue
            counted = english_magnitude(said)[0]
            if counted != 1.0 and counted != factor:  # (亿元 and "billion yuan": 828.4亿
                yield doc.problem((*loc, "unit"), (  # would read 828.4 billion)
                    f"'{chinese}' counts in {factor:,.0f}s and the {language} unit "
                    f"'{said}' in {counted:,.0f}s: the same number reads "
                    f"{max(counted / factor, factor / counted):g} times too "
                    f"{'large' if counted > factor else 'small'} in {language}; give "
                    f"{own}: {{{language}: ...}} (the number in {language})"),
                    severity=Severity.WARNING)
                continue
            if any(word in said.lower() for word in ENGLISH_MAGNITUDES):
                continue
            yield doc.problem((*loc, "unit"), f"'{chinese}' counts in {factor:,.0f}s and "
                              f"the {language} unit '{said}' in ones: give {own}: "
                              f"{{{language}: ...}} (the number in {language}) or a unit "
                              "that says it (10k, million)", severity=Severity.WARNING)


CONVERSIONS = {("米", "km"): 1e-3, ("延米", "km"): 1e-3, ("米", "kilometres"): 1e-3,
               ("公里", "m"): 1e3, ("吨", "kg"): 1e3, ("千克", "tonnes"): 1e-3,
               ("平方米", "km²"): 1e-6, ("平方米", "hectares"): 1e-4, ("公顷", "km²"): 1e-2,
               ("亩", "hectares"): 1 / 15, ("平方公里", "hectares"): 100}
"""A Chinese unit and an English one of the same kind, and what the first's numbers are
multiplied by in the second: a figure's number in the other need not be the same."""
SI_BASES = {"瓦": ("W", 1.0), "千瓦": ("W", 1e3), "兆瓦": ("W", 1e6), "千瓦时": ("Wh", 1e3),
            "度": ("Wh", 1e3), "克": ("g", 1.0), "千克": ("g", 1e3), "公斤": ("g", 1e3),
            "吨": ("t", 1.0), "米": ("m", 1.0), "千米": ("m", 1e3), "公里": ("m", 1e3),
            "升": ("L", 1.0), "立方米": ("m³", 1.0)}
"""Chinese units of a kind an English unit may give with an SI prefix (万千瓦 in GW,
亿千瓦时 in TWh, 万吨 in Mt): the symbol, and how many of it one Chinese unit is."""
SI_PREFIXES = {"": 1.0, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}


SPELLED_PREFIXES = {"kilo": "k", "mega": "M", "giga": "G", "tera": "T"}
SPELLED_UNITS = {"watt": "W", "watt-hour": "Wh", "gram": "g", "tonne": "t", "metre": "m",
                 "meter": "m", "litre": "L", "liter": "L"}
"""English units written out (gigawatts, terawatt-hours), as their symbols."""


def _as_symbol(english: str) -> str:
    """An English unit written out as its symbol (gigawatts of wind power: GW), or as it
    is."""
    words = english.split()
    if not words:
        return english
    word = words[0].lower().rstrip(",")
    if len(words) > 1 and words[1].lower().rstrip(",") in ("hour", "hours"):
        word += "-hours"  # (kilowatt hours)
    word = word[:-1] if word.endswith("s") else word  # (gigawatts, terawatt-hours)
    for spelled, prefix in {**SPELLED_PREFIXES, "": ""}.items():
        if word.startswith(spelled) and word[len(spelled):] in SPELLED_UNITS:
            return prefix + SPELLED_UNITS[word[len(spelled):]]
    return english


def si_conversion(chinese: str, english: str) -> float | None:
    """What a number in the Chinese unit is multiplied by in the English one where that
    is the same kind with an SI prefix (千瓦 in GW, or in gigawatts: 1e-6), else None."""
    base = SI_BASES.get(chinese)
    if base is None:
        return None
    symbol, size = base
    for written in dict.fromkeys([english, _as_symbol(english)]):
        for prefix, factor in SI_PREFIXES.items():
            if written == prefix + symbol:
                return size / factor
    return None


def _number_warnings(doc: Document, deck: Deck) -> Iterator[Problem]:
    """A figure's number for another language that its units do not explain (5万人 and
    ``values: {en: 5000}`` people: 50,000 was meant), a text for a language other than
    Chinese written in Chinese characters, and a network group whose dots at one per
    ``per_node`` draw notably more or fewer than it counts."""
    from kiosk.deck.charts import NodeGroup, dots
    from kiosk.deck.model import Figure
    from kiosk.deck.numbers import english_magnitude

    for loc, figure in walk(deck, Figure):
        if figure.value is None or not figure.values or figure.unit is None:
            continue
        chinese = figure.unit.get_text("zh", deck.default_language)
        factor = magnitude(chinese)[0]
        for language, number in figure.values.items():
            if language.startswith("zh") or factor == 1.0:
                continue
            own, rest = english_magnitude(figure.unit.get_text(language,
                                                               deck.default_language))
            meant = figure.value * factor / own
            base, written = magnitude(chinese)[1], rest.strip()
            converted = [meant * CONVERSIONS.get((base, written), 1.0),
                         meant * (si_conversion(base, written) or 1.0)]
            if meant and not any(0.99 < number / c < 1.01 for c in [meant, *converted]):
                # (9529万延米: 95,290 km; 8620万千瓦: 86.2 GW)
                english = figure.unit.get_text(language, deck.default_language)
                yield doc.problem((*loc, "values", language), (
                    f"{figure.value:g}{chinese} is {_plain(figure.value * factor)}{base}: "
                    f"{_plain(number)} {english} is not that; check the {language} number "
                    "(or its unit)"), severity=Severity.WARNING)
    for loc, text in walk(deck, Text):
        for language in text:
            said = text.get_text(language, deck.default_language)
            if language in deck.languages and not language.startswith("zh") and any(
                    is_han(c) for c in said):  # (a language the deck does not have is
                # warned of as such: cn: 中文 is a misspelt zh, trial 28)
                yield doc.problem(loc, f"the {language} text '{said}' is in Chinese "
                                       "characters: is it its translation?",
                                  severity=Severity.WARNING)
    from kiosk.deck.charts import NetworkChart

    for loc, network in walk(deck, NetworkChart):
        per = sorted({group.per_node for group in network.groups})
        if len(per) > 1:  # (3,000 at 20 a dot drawn smaller than 170 at one)
            yield doc.problem((*loc, "groups"), (
                f"the groups count {', '.join(map(str, per))} a dot: each group's wedge is "
                "as large as the dots it draws, not as its count; one per_node for every "
                "group keeps them in proportion"), severity=Severity.WARNING)
    for loc, group in walk(deck, NodeGroup):
        drawn = dots(group.count, group.per_node) * group.per_node
        if group.per_node > 1 and abs(drawn - group.count) > group.count * 0.05:
            yield doc.problem((*loc, "per_node"), (
                f"{group.count} at one dot per {group.per_node} draws "
                f"{dots(group.count, group.per_node)} dots, {drawn}: a per_node that "
                f"divides {group.count} draws it as it is"), severity=Severity.WARNING)


def _plain(number: float) -> str:
    """A number as a reader writes it: 1,830,000,000,000, not 1.83e+12."""
    text = f"{number:,.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _glyph_warnings(doc: Document, deck: Deck) -> Iterator[Problem]:
    for loc, text in walk(deck, Text):
        gaps = [c for s in text.all_strings() for c in glyphs.missing(s)]
        if gaps:
            shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in dict.fromkeys(gaps))
            yield doc.problem(loc, f"the shipped font cannot draw {shown}: it would show as "
                                   "a box; rewrite it or add it to the font "
                                   "(assets/fonts/README.md)", severity=Severity.WARNING)


def walk(value: Any, kind: type, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every value of type ``kind`` inside a model (none inside another such value),
    outermost first, with its YAML location. A deck's values are gathered in one walk
    and kept for the checks after it, each of which picks its kind."""
    nodes, at = _values(value) if isinstance(value, Deck) and not loc else _gather(value, loc)
    for where, found in nodes:
        if isinstance(found, kind) and not any(  # (its holders: not one of the kind)
                isinstance(at[where[:n]], kind) for n in range(len(loc), len(where))):
            yield where, found


Gathered = tuple[list[tuple[Loc, Any]], dict[Loc, Any]]
_last: list[tuple[Deck, Gathered]] = []
"""The last deck walked and its values."""


def _values(deck: Deck) -> Gathered:
    """Every value of ``deck``, gathered once while it is the deck being checked."""
    if not _last or _last[0][0] is not deck:
        _last[:] = [(deck, _gather(deck, ()))]
    return _last[0][1]


def _gather(value: Any, loc: Loc) -> Gathered:
    """Every value inside ``value``, itself first (models, lists, dicts and their leaves),
    with its location; and the value at each location."""
    found = list(_every(value, loc))
    return found, dict(found)


def _every(value: Any, loc: Loc) -> Iterator[tuple[Loc, Any]]:
    yield loc, value
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            if name in value.model_fields_set or field.default is not None:
                yield from _every(getattr(value, name), (*loc, field.alias or name))
    elif isinstance(value, list | tuple):
        for n, item in enumerate(value):
            yield from _every(item, (*loc, n))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _every(item, (*loc, key))
