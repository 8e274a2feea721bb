"""``kiosk check``'s layout warnings: every slide built as the show would build it, in
each of the deck's languages, at the config's design size, and audited
(``kiosk.show.audit``); each finding a warning at the text's line in the YAML."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtWidgets import QGraphicsScene

from kiosk.config import Config
from kiosk.deck.errors import Problem, Severity
from kiosk.deck.load import LoadedDeck, walk
from kiosk.deck.model import Figure, GallerySlide, ImageSlide, SlideBase, VideoSlide
from kiosk.deck.numbers import figure_text
from kiosk.deck.text import Text
from kiosk.show import fonts
from kiosk.show.audit import Finding, audit
from kiosk.show.chrome import Chrome
from kiosk.show.items import descendants
from kiosk.show.render import context
from kiosk.show.slides import build_view
from kiosk.show.slides.base import SlideView

Loc = tuple[str | int, ...]
SMALLER = 0.9
"""A slide drawn at less than this share of the large type asked for (a type scale over
1) is warned of..."""
SMALLER_AT_ONE = 0.8
"""...and at the show's own type, one made smaller than this to fit (an English slide at
0.72 of its size, its source line as large as its text, said nothing, trial 21)."""


def layout_problems(loaded: LoadedDeck, config: Config) -> list[Problem]:
    """Warnings for what would not look right on the screen ``config`` describes."""
    from kiosk.show.pictures import _application

    _application()
    fonts.register()
    deck = loaded.deck
    width, height = config.display.design_size
    found: dict[tuple[Loc, str, str], list[int]] = {}
    faults: list[Problem] = []
    for language in deck.languages:
        ctx = context(loaded, config, language, explain_faults=False)
        chrome = Chrome(ctx.width, ctx.height, config.theme, config.show, ctx.safe_area,
                        deck.languages)
        scene = QGraphicsScene(0, 0, ctx.width, ctx.height)
        scene.addItem(chrome)
        for n, slide in enumerate(deck.slides):
            number = loaded.document.slide_number(n)  # (as written: a PDF's pages one)
            view = build_view(slide, ctx)
            if view.fault is not None:  # a fault of ours, not the deck's; the show would
                faults.append(loaded.document.problem(("slides", n), (  # pass it: said, so
                    f"slide {number} cannot be shown in '{language}' ({view.fault}): a fault "
                    "of kiosk's, not of the deck; please report it with this deck")))
                continue  # (that no one finds out from the show that a slide is missing)
            view.start(0.0, reduced_motion=True)
            drawn_at, asked = view.ctx.theme.type_scale, config.theme.type_scale
            if drawn_at < asked * (SMALLER if asked > 1.0 else SMALLER_AT_ONE):
                said = ("its words are drawn as at the default type scale, not at "
                        f"{asked:g}" if drawn_at == 1.0 else
                        f"its words are drawn at type scale {drawn_at:.2g}, under the "
                        f"default's 1, not at {asked:g}" if drawn_at < 1.0 else
                        f"its words are drawn at type scale {drawn_at:.2g}, not {asked:g}") \
                    if asked > 1.0 else \
                    f"its words are drawn at {drawn_at / asked:.0%} of their size"
                numbers = found.setdefault((("slides", n), language, (
                    f"{said}: they take more room than the screen has (fewer or shorter "
                    "texts keep the size)")), [])
                if number not in numbers:
                    numbers.append(number)
            scene.addItem(view)  # (what is drawn over a text is found in the scene)
            chrome.set_state(n, len(deck.slides), language)
            looked: set[str] = set()
            for step in range(deck.slide_steps(slide)):  # (a gallery: each photo's words)
                if isinstance(slide, GallerySlide):
                    photo = repr(slide.photos[step])
                    if photo in looked:
                        continue  # (the same photo and words again: the same findings)
                    looked.add(photo)
                    view.go_to_step(step, 0.0, 1, animate=False)
                for finding in _unique(audit(view, chrome.drawn())):
                    where = _place(loaded, n, language, finding)
                    numbers = found.setdefault((where, language, finding.message), [])
                    if number not in numbers:
                        numbers.append(number)
            if language == deck.languages[0]:  # (a picture is the same in each)
                for where, message in (*_soft_pictures(view, slide, n),
                                        *_boxed_objects(loaded, slide, n)):
                    numbers = found.setdefault((where, language, message), [])
                    if number not in numbers:
                        numbers.append(number)
            scene.removeItem(view)
            view.dispose()
    scale = config.theme.type_scale
    screen = f"{width:g}x{height:g}" + (f", type scale {scale:g}" if scale != 1.0 else "")
    return faults + [loaded.document.problem(where, f"{_slides(numbers)} in '{language}' at "
                                                    f"{screen}: {message}",
                                             severity=Severity.WARNING)
                     for (where, language, message), numbers in found.items()]


SOFT = 2.0
"""A photograph drawn more than this many times its own size looks soft on the screen."""


def _soft_pictures(view: SlideView, slide: SlideBase, n: int) -> Iterator[tuple[Loc, str]]:
    """Photographs of the slide drawn more than SOFT times their size on the screen,
    where they are given (an 800 x 600 archive photo filling a wall: 2.4 times, soft, and
    no word of it, trial 15)."""
    from kiosk.show.photo import PictureItem
    from kiosk.show.video import VideoItem

    if not isinstance(slide, ImageSlide | GallerySlide | VideoSlide):
        return  # (a photograph's slide: a story's picture beside its words is smaller)
    pictures: list[Any] = [page.picture for page in getattr(view, "pages", [])] if \
        isinstance(slide, GallerySlide) else [
            item for item in descendants(view) if (isinstance(item, PictureItem) and
                                                   item.page is None) or
            isinstance(item, VideoItem)]  # (a film too: 640 x 360 across a wall, trial 19)
    for k, picture in enumerate(pictures):
        natural = picture.natural if isinstance(picture, VideoItem) or (
            isinstance(picture, PictureItem) and (  # (a drawing scales)
                picture.path is None or picture.path.suffix.lower() != ".svg")) else None
        if natural is None or not natural.isValid() or natural.isEmpty():
            continue
        target = picture.target()
        times = (max if picture.fill else min)(target.width() / natural.width(),
                                               target.height() / natural.height())
        if times <= SOFT:
            continue
        loc: Loc = ("slides", n, "photos", k, "src") if isinstance(slide, GallerySlide) \
            else ("slides", n, "src")
        wide, high = round(natural.width() * times), round(natural.height() * times)
        yield loc, (f"the picture is {natural.width()} x {natural.height()} pixels, drawn "
                    f"{times:.1f} times its size ({wide} x {high}): it will look soft; one "
                    f"of {wide} x {high} pixels or more stays sharp")


def _boxed_objects(loaded: LoadedDeck, slide: SlideBase, n: int
                   ) -> Iterator[tuple[Loc, str]]:
    """An object photographed on a plain light ground, shown whole (``fit``): a white box
    on the show's dark, where ``fill`` lays its ground over the screen (trial 26)."""
    from kiosk.show.photo import on_plain_ground

    if isinstance(slide, ImageSlide) and slide.fit == "fit" and \
            on_plain_ground(loaded.assets.get(slide.src)):
        yield ("slides", n, "fit"), ("the picture is an object on a plain light ground: "
                                     "shown whole (fit) it is a light box on the show's "
                                     "dark; fill lays its ground over the screen, the "
                                     "object whole on it")


def _slides(numbers: list[int]) -> str:
    """slide 3; slides 1-13; slides 2, 5 and 7 (one warning for a text many slides
    share, such as the deck's source line)."""
    if len(numbers) == 1:
        return f"slide {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"slides {numbers[0]}-{numbers[-1]}"
    return f"slides {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"


def _unique(findings: list[Finding]) -> Iterator[Finding]:
    seen: set[str] = set()
    for finding in findings:
        if finding.message not in seen:
            seen.add(finding.message)
            yield finding


def _place(loaded: LoadedDeck, n: int, language: str, finding: Finding) -> Loc:
    """The YAML place of the text a finding concerns (its slide when it is not found)."""
    slide, fallback = loaded.deck.slides[n], loaded.deck.default_language
    if finding.text:
        texts = [(loc, text.get_text(language, fallback))
                 for loc, text in walk(slide, Text, ("slides", n))]
        for loc, text in texts:
            if text == finding.text:
                return loc
        begun = [(len(text), loc) for loc, text in texts  # a legend's label with what it
                 if len(text) > 1 and finding.text.startswith(text)]  # adds ("(one square: 4")
        if begun:
            return max(begun, key=lambda found: found[0])[1]
        for loc, figure in walk(slide, Figure, ("slides", n)):
            parts = figure_text(figure, language, fallback)
            if f"{parts.before}{parts.number}{parts.after}" == finding.text:
                return loc
        source = loaded.deck.source
        if not slide.source and source and source.get_text(language, fallback) == finding.text:
            return ("source",)
    return ("slides", n)
